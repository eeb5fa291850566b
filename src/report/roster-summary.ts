/** `ringkasan-seleksi.md`: seats, applicants, kecamatan covered and missing, group quotas. */
import { formatRange } from "../domain/dates.js";
import type { AreaRef } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import type { Selection, Shortfall } from "../domain/selection-types.js";
import { mdCell } from "./markdown.js";
import type { Profile } from "./roster-rows.js";

export const CONFIDENTIAL_MD = "**RAHASIA - untuk keperluan internal**";

export interface SummaryInput {
  program: Program;
  selection: Selection;
  /** Every kecamatan of the program's region, in code order. */
  regionName: string;
  districts: readonly AreaRef[];
  profile: Profile;
  files: readonly string[];
}

/** The words for an unmet group minimum (also printed on the terminal). */
export function shortfallText(s: Shortfall): string {
  const why =
    s.cause === "applicants"
      ? `hanya ${s.eligible} pendaftar ${s.label} yang memenuhi syarat`
      : s.cause === "per_district"
        ? `batas per kecamatan tidak memberi ruang bagi ${s.min} orang ${s.label}`
        : "kursi sudah terpakai kuota lain";
  return `kuota minimal ${s.label} tidak terpenuhi: ${s.selected} dari ${s.min} (${why})`;
}

export function rosterSummaryMarkdown(x: SummaryInput): string {
  const { program: p, selection: s } = x;
  const out: string[] = [];
  if (x.profile === "internal") out.push(CONFIDENTIAL_MD, "");
  const applicants = s.table.status.length;
  const eligible = s.selected + s.reserves;
  out.push(`# Ringkasan Seleksi: ${mdCell(p.title)}`, "");
  out.push(`- Program: \`${p.id}\`, ${mdCell(p.organizer)}`);
  out.push(`- Tempat dan tanggal: ${mdCell(p.venue)}, ${formatRange(p.start, p.end)}`);
  out.push(`- Kursi: ${s.seats}; batas per kecamatan: ${p.quota.perDistrict ?? "tidak ada"}`);
  out.push(`- Pendaftar: ${applicants}; memenuhi syarat: ${eligible}; tidak memenuhi syarat: ${s.ineligible}; data tidak valid: ${s.invalid}`);
  out.push(`- Terpilih (peserta): ${s.selected}; cadangan: ${s.reserves}`);
  if (s.selected < s.seats) out.push(`- Kursi kosong: ${s.seats - s.selected}`);
  out.push("");

  const byCode = new Map(s.districts.map((d) => [d.district.code, d]));
  const covered = x.districts.filter((d) => (byCode.get(d.code)?.selected ?? 0) > 0);
  const withEligible = s.districts.filter((d) => d.eligible > 0).length;
  out.push("## Kecamatan", "");
  out.push(`Terwakili ${covered.length} dari ${x.districts.length} kecamatan ${mdCell(x.regionName)}; ${withEligible} kecamatan punya pendaftar yang memenuhi syarat.`);
  const min = p.quota.minDistricts;
  if (min !== undefined) out.push("", `Target minimal ${min} kecamatan: ${covered.length >= min ? "tercapai" : "**tidak tercapai**"}.`);
  out.push("", "| Kode | Kecamatan | Pendaftar | Memenuhi syarat | Peserta | Cadangan |", "|---|---|--:|--:|--:|--:|");
  for (const d of s.districts) {
    out.push(`| ${d.district.code} | ${mdCell(d.district.name)} | ${d.applicants} | ${d.eligible} | ${d.selected} | ${d.reserves} |`);
  }
  const missing = x.districts.filter((d) => (byCode.get(d.code)?.selected ?? 0) === 0);
  out.push("", "### Belum terwakili", "");
  if (missing.length === 0) out.push("Semua kecamatan terwakili.");
  for (const d of missing) {
    const o = byCode.get(d.code);
    const why = !o ? "tidak ada pendaftar" : o.eligible === 0 ? "pendaftar tidak memenuhi syarat" : "tidak mendapat kursi";
    out.push(`- ${d.code} ${mdCell(d.name)}: ${why}`);
  }
  out.push("");

  out.push("## Kuota kelompok", "");
  if (s.groups.length === 0) out.push("Program ini tidak menetapkan kuota kelompok.");
  else {
    out.push("| Kelompok | Minimal | Maksimal | Memenuhi syarat | Terpilih | Keterangan |", "|---|--:|--:|--:|--:|---|");
    for (const g of s.groups) {
      const short = s.shortfalls.find((f) => f.label === g.label);
      const note = short ? `**tidak terpenuhi**: ${shortfallText(short)}` : "terpenuhi";
      out.push(`| ${mdCell(g.label)} | ${g.min ?? "-"} | ${g.max ?? "-"} | ${g.eligible} | ${g.selected} | ${note} |`);
    }
  }
  out.push("", "## Cara memilih", "");
  out.push(
    "1. Kuota minimal kelompok dipenuhi lebih dulu, bila pendaftarnya cukup.",
    "2. Setiap kecamatan dengan pendaftar yang memenuhi syarat mendapat satu kursi sebelum kecamatan lain mendapat kursi kedua.",
    `3. Kursi sisanya menurut urutan pendaftaran (tanggal daftar, lalu urutan baris)${p.quota.perDistrict ? `, paling banyak ${p.quota.perDistrict} orang per kecamatan` : ""}.`,
    "4. Pendaftar lain yang memenuhi syarat menjadi cadangan, berurutan menurut pendaftaran.",
    "",
  );
  out.push("## Berkas", "", ...x.files.map((f) => `- ${mdCell(f)}`), "");
  return out.join("\n");
}
