/** The year report as tables: Renja evaluation, GEDSI annex, coverage annex, priority list. */
import type { YearFigures } from "../domain/aggregate-types.js";
import { romanQuarter } from "../domain/dates.js";
import { gedsiTable, type Profile } from "./gedsi-tables.js";
import type { Column, Table, Value } from "./table.js";

export interface ReportDoc {
  title: string;
  subtitle: string;
  /** First-page notices: left-out programs, profile. */
  notices: string[];
  tables: Table[];
}

const int = (header: string, width = 9): Column => ({ header, kind: "int", width });
const rp = (header: string): Column => ({ header, kind: "rp", width: 16 });
const pct = (header: string): Column => ({ header, kind: "pct", width: 10 });
const text = (header: string, width = 20): Column => ({ header, kind: "text", width });

function renjaTable(y: YearFigures): Table {
  const quarterCols = [1, 2, 3, 4].flatMap((q) => {
    const r = romanQuarter(q as 1 | 2 | 3 | 4);
    return [int(`TW ${r} K`), rp(`TW ${r} Rp`)];
  });
  const rows: Value[][] = y.renja.map((r) => [
    r.no, r.activityCode, r.title, r.indicator, r.indicatorUnit, r.targetK, r.targetRp,
    ...r.quarters.flatMap((q) => (q ? [q.k, q.rp] : [null, null])),
    r.totalK, r.totalRp, r.pctK, r.pctRp, r.unit, r.remarks,
  ]);
  const t = y.renjaTotal;
  const ratio = (a: number, b: number) => (b ? (a / b) * 100 : null);
  // Column indexes: 5 target K, 6 target Rp, 7..14 quarters, 15 total K, 16 total Rp, 17-18 %.
  return {
    id: "renja",
    title: `Evaluasi Renja ${y.year} s.d. Triwulan ${romanQuarter(y.quarter)}`,
    columns: [
      int("No", 5), text("Kode sub kegiatan", 16), text("Program / kegiatan", 36), text("Indikator", 26), text("Satuan", 9),
      int("Target K"), rp("Target Rp"), ...quarterCols,
      int("Realisasi K"), rp("Realisasi Rp"), pct("Capaian K (%)"), pct("Capaian Rp (%)"),
      text("Unit penanggung jawab", 22), text("Keterangan", 40),
    ],
    rows,
    footer: [
      {
        cells: [
          null, null, "Jumlah", null, null, t.targetK, t.targetRp,
          ...t.quarters.flatMap((q, i) => (i + 1 <= y.quarter ? [q.k, q.rp] : [null, null])),
          t.totalK, t.totalRp, ratio(t.totalK, t.targetK), ratio(t.totalRp, t.targetRp), null, null,
        ],
        sum: true,
      },
    ],
    rowFormulas: [
      ...Array<undefined>(15),
      { sum: [7, 9, 11, 13] },
      { sum: [8, 10, 12, 14] },
      { pct: [15, 5] },
      { pct: [16, 6] },
    ],
    notes: [
      "K = kinerja (jumlah peserta yang dihitung), Rp = anggaran (pagu / realisasi). Program dihitung pada triwulan tanggal selesainya; realisasi per triwulan, tidak kumulatif.",
    ],
  };
}

function coverageTables(y: YearFigures): Table[] {
  return y.coverage.flatMap((c) => {
    const suffix = y.coverage.length > 1 ? `-${c.region.replace(".", "-")}` : "";
    const n = c.earlierYears.length;
    const earlierHeader = n > 0 ? `Terjangkau tahun sebelumnya (dari ${n}: ${c.earlierYears.join(", ")})` : "Terjangkau tahun sebelumnya";
    const cov: Table = {
      id: `cakupan${suffix}`,
      title: `Cakupan kecamatan ${c.regionName} ${y.year}: ${c.reached} dari ${c.districts.length} terjangkau`,
      columns: [
        text("Kode", 10), text("Kecamatan", 18), ...c.programs.map((p) => int(p, 12)),
        int(`Orang ${y.year}`, 11), int(earlierHeader, 14), text("Status", 18),
      ],
      rows: c.districts.map((d) => [
        d.code, d.name, ...d.perProgram, d.year, n > 0 ? d.earlierReached : null, d.year > 0 ? "terjangkau" : "belum terjangkau",
      ]),
      footer: [
        {
          cells: [null, "Jumlah", ...c.programs.map((_, i) => c.districts.reduce((s, d) => s + (d.perProgram[i] ?? 0), 0)),
            c.districts.reduce((s, d) => s + d.year, 0), null, `${c.reached} terjangkau`],
          sum: true,
        },
      ],
      notes: [`Orang ${y.year}: setiap orang (NIK) dihitung sekali, di kecamatan pada program pertamanya.`],
    };
    const prio: Table = {
      id: `prioritas${suffix}`,
      title: `Prioritas MUSRENBANG ${y.year + 1}: kecamatan ${c.regionName} yang belum terjangkau pada ${y.year}`,
      columns: [int("Peringkat", 9), text("Kode", 10), text("Kecamatan", 18), int(earlierHeader, 14)],
      rows: c.priority.map((p, i) => [i + 1, p.code, p.name, n > 0 ? p.earlierReached : null]),
      footer: [],
      notes: ["Urutan: paling jarang terjangkau pada tahun-tahun sebelumnya lebih dulu, lalu menurut kode."],
    };
    return [cov, prio];
  });
}

export function buildReportDoc(y: YearFigures, profile: Profile, region: string): ReportDoc {
  const q = romanQuarter(y.quarter);
  const notices: string[] = [];
  for (const e of y.excluded) {
    notices.push(`Program ${e.id} (${e.title}) TIDAK dihitung: daftar pesertanya berisi ${e.errors} galat (${e.file}).`);
  }
  if (profile === "internal") notices.push("PROFIL INTERNAL: berisi angka kecil disabilitas. Jangan disebarkan ke luar perangkat daerah.");
  const summary: Table = {
    id: "ringkasan",
    title: "Ringkasan",
    columns: [text("Uraian", 44), text("Nilai", 30)],
    rows: [
      ["Tahun anggaran", String(y.year)],
      ["Sampai dengan", `Triwulan ${q}`],
      ["Profil", profile === "public" ? "publik" : "internal"],
      ["Program dihitung", String(y.programs.length)],
      ["Program selesai setelah triwulan ini", String(y.later.length)],
      ["Program dikeluarkan (daftar bergalat)", String(y.excluded.length)],
      ...y.excluded.map((e): Value[] => [`TIDAK dihitung: ${e.id} (${e.title})`, `${e.errors} galat, ${e.file}`]),
      ["Pelatihan (peserta, orang dapat dihitung lebih dari sekali)", String(y.trainings)],
      ["Orang terjangkau (NIK dihitung sekali)", String(y.people)],
      ...y.coverage.map((c): Value[] => [`Kecamatan terjangkau, ${c.regionName}`, `${c.reached} dari ${c.districts.length}`]),
    ],
    footer: [],
    notes: [],
  };
  const gedsi = gedsiTable(
    "gedsi",
    `Lampiran GEDSI ${y.year}: peserta menurut jenis kelamin, usia dan disabilitas`,
    y.gedsi.perProgram.map((p) => ({ label: p.id, b: p.breakdown })),
    [
      { label: "Jumlah pelatihan", b: y.gedsi.trainings, sum: true },
      { label: "Orang (NIK dihitung sekali)", b: y.gedsi.people, sum: false },
    ],
    profile,
  );
  const musrenbang: Table = {
    id: "musrenbang",
    title: "Usulan MUSRENBANG yang dijawab",
    columns: [text("Program", 30), text("Judul", 40), text("Usulan", 30)],
    rows: y.musrenbang.map((m) => [m.id, m.title, m.proposals.join(", ")]),
    footer: [],
    notes: [],
  };
  return {
    title: `Laporan Evaluasi Renja Tahun ${y.year} Triwulan ${q}`,
    subtitle: region,
    notices,
    tables: [summary, renjaTable(y), gedsi, ...coverageTables(y), musrenbang],
  };
}
