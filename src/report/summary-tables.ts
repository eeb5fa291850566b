/** One program's summary as a document (tables) and as a compact terminal view. */
import type { ProgramFigures } from "../domain/aggregate-types.js";
import { formatRange, romanQuarter } from "../domain/dates.js";
import { crossTable, type Profile } from "./gedsi-tables.js";
import type { Doc } from "./markdown.js";
import { formatInt, formatPct, formatRp, type Table, type Value } from "./table.js";

const pctOf = (n: number, d: number) => (d > 0 ? formatPct((n / d) * 100) : "-");

function facts(f: ProgramFigures): [string, string][] {
  const b = f.budget;
  const rows: [string, string][] = [
    ["Program", `${f.title} (${f.id})`],
    ["Tanggal", `${formatRange(f.start, f.end)} (Triwulan ${romanQuarter(f.quarter)} ${f.fiscalYear})`],
    ["Tempat", f.venue],
    ["Penyelenggara", f.organizer],
    ["Wilayah", `${f.regionName} (${f.region})`],
    ["Kuota (kursi)", formatInt(f.seats)],
    ["Peserta dihitung", `${formatInt(f.participants)} (${pctOf(f.participants, f.seats)} kuota)`],
  ];
  if (f.notCounted > 0) rows.push(["Baris peserta bergalat (tidak dihitung)", formatInt(f.notCounted)]);
  rows.push(
    ["Lulus", f.completers === null ? "belum ada data kehadiran" : `${formatInt(f.completers)} (${pctOf(f.completers, f.participants)})`],
    ["Sertifikat", f.certificates.count === null ? "-" : `${formatInt(f.certificates.count)} (${f.certificates.source === "ledger" ? "buku register" : "= lulus"})`],
    ["NIB terbit", formatInt(f.nib)],
    ["Ikut pameran", formatInt(f.exhibitions)],
    ["Cakupan kecamatan", `${f.coverage.reached} dari ${f.coverage.total}`],
    ["Kecamatan belum terjangkau", f.coverage.missing.map((d) => d.name).join(", ") || "-"],
    ["Pagu", b.allocated === null ? "-" : formatRp(b.allocated)],
    ["Realisasi anggaran", b.spent === null ? "-" : `${formatRp(b.spent)}${b.rate === null ? "" : ` (${formatPct(b.rate * 100)})`}`],
  );
  if (f.musrenbang.length) rows.push(["Usulan MUSRENBANG", f.musrenbang.join(", ")]);
  return rows;
}

export function summaryDoc(f: ProgramFigures, profile: Profile): Doc {
  const tables: Table[] = [
    { id: "ringkasan", title: "Ringkasan", columns: [{ header: "Uraian", kind: "text" }, { header: "Nilai", kind: "text" }], rows: facts(f), footer: [], notes: [] },
    crossTable("disabilitas", "Peserta menurut disabilitas, jenis kelamin dan usia (usia pada hari pertama)", f.cube, f.breakdown, profile),
    {
      id: "kecamatan",
      title: `Peserta per kecamatan: ${f.coverage.reached} dari ${f.coverage.total} kecamatan terjangkau`,
      columns: [{ header: "Kode", kind: "text" }, { header: "Kecamatan", kind: "text" }, { header: "L", kind: "int" }, { header: "P", kind: "int" }, { header: "Jumlah", kind: "int" }],
      rows: f.districts.map((d): Value[] => [d.code, d.name, d.L, d.P, d.count]),
      footer: [{ cells: [null, "Jumlah", f.districts.reduce((s, d) => s + d.L, 0), f.districts.reduce((s, d) => s + d.P, 0), f.districts.reduce((s, d) => s + d.count, 0)], sum: true }],
      notes: [],
    },
  ];
  if (f.attendance) {
    tables.push({
      id: "kehadiran",
      title: "Kehadiran per hari",
      columns: [{ header: "Hari", kind: "int" }, { header: "Hadir", kind: "int" }, { header: "Persen", kind: "pct" }],
      rows: f.attendance.perDay.map((d): Value[] => [d.day, d.present, d.rate * 100]),
      footer: [],
      notes: [`Lulus: hadir paling sedikit ${Math.round(f.completionRule.minAttendance * 100)}% hari${f.completionRule.minScore === null ? "" : ` dan nilai paling sedikit ${f.completionRule.minScore}`}.`],
    });
  }
  return {
    title: `Ringkasan ${f.title}`,
    subtitle: `${f.organizer} · ${formatRange(f.start, f.end)} · ${f.venue}`,
    notices: [],
    tables,
  };
}

/** The compact terminal view. */
export function summaryText(f: ProgramFigures, lang: "id" | "en"): string {
  const en = lang === "en";
  const b = f.breakdown;
  const dis = b.total - b.disability.tidak_ada;
  const lines = [
    `${f.id}: ${f.title}`,
    `  ${formatRange(f.start, f.end)}, ${f.venue} · TW ${romanQuarter(f.quarter)} ${f.fiscalYear}`,
    `  ${en ? "participants" : "peserta"} ${f.participants}/${f.seats} · L ${b.sex.L} P ${b.sex.P} · ${en ? "with disability" : "disabilitas"} ${dis}` +
      (f.notCounted ? ` · ${en ? "rows with errors not counted" : "baris bergalat tidak dihitung"} ${f.notCounted}` : ""),
    `  ${en ? "age" : "usia"} <25 ${b.age["<25"]} · 25-39 ${b.age["25-39"]} · 40-54 ${b.age["40-54"]} · 55+ ${b.age["55+"]}` +
      (b.age.tidak_diketahui ? ` · ? ${b.age.tidak_diketahui}` : ""),
  ];
  if (f.attendance) {
    lines.push(`  ${en ? "attendance" : "kehadiran"} ${f.attendance.perDay.map((d) => formatPct(d.rate * 100)).join(" ")}`);
  }
  lines.push(
    `  ${en ? "completed" : "lulus"} ${f.completers ?? "-"} · ${en ? "certificates" : "sertifikat"} ${f.certificates.count ?? "-"} · NIB ${f.nib} · ${en ? "exhibitions" : "pameran"} ${f.exhibitions}`,
    `  ${en ? "kecamatan reached" : "kecamatan terjangkau"} ${f.coverage.reached}/${f.coverage.total}` +
      (f.coverage.missing.length ? ` · ${en ? "missing" : "belum"}: ${f.coverage.missing.map((d) => d.name).join(", ")}` : ""),
  );
  if (f.budget.allocated !== null || f.budget.spent !== null) {
    lines.push(
      `  ${en ? "budget" : "anggaran"} ${f.budget.allocated === null ? "-" : formatRp(f.budget.allocated)} · ${en ? "spent" : "realisasi"} ${f.budget.spent === null ? "-" : formatRp(f.budget.spent)}` +
        (f.budget.rate === null ? "" : ` (${formatPct(f.budget.rate * 100)})`),
    );
  }
  return `${lines.join("\n")}\n`;
}
