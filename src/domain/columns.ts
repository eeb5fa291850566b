/**
 * Participant list headers: Excel users write `No. KTP`, `Nama Lengkap`, `L/P`, `Kec.` ...
 * Every header is folded (case, spaces, punctuation) and looked up in one alias table.
 */
import { didYouMean } from "./did-you-mean.js";
import { finding, type Finding } from "./findings.js";

export const BASE_COLUMNS = [
  "nik",
  "nama",
  "jenis_kelamin",
  "tanggal_lahir",
  "kecamatan",
  "desa",
  "disabilitas",
  "telepon",
] as const;
export const OPTIONAL_COLUMNS = ["status", "tanggal_daftar", "nilai", "nib", "pameran", "urutan", "alasan", "catatan"] as const;
/** Columns a list cannot do without. */
export const REQUIRED_COLUMNS = ["nik", "nama", "kecamatan"] as const;

const ALIASES: Record<string, readonly string[]> = {
  nik: ["nik", "no ktp", "nomor ktp", "no nik", "nomor nik", "nomor induk kependudukan", "ktp"],
  nama: ["nama", "nama lengkap", "nama peserta"],
  jenis_kelamin: ["jenis kelamin", "jk", "l p", "kelamin", "sex"],
  tanggal_lahir: ["tanggal lahir", "tgl lahir", "tgl lhr", "lahir"],
  kecamatan: ["kecamatan", "kec"],
  desa: ["desa", "desa kel", "desa kelurahan", "kelurahan", "kel", "desa kel", "kelurahan desa"],
  disabilitas: ["disabilitas", "jenis disabilitas", "ragam disabilitas", "kategori disabilitas"],
  telepon: ["telepon", "no hp", "hp", "no telp", "telp", "wa", "no wa", "nomor hp", "no telepon", "nomor telepon"],
  status: ["status"],
  tanggal_daftar: ["tanggal daftar", "tgl daftar", "tanggal pendaftaran", "tgl pendaftaran"],
  nilai: ["nilai", "skor", "nilai akhir"],
  nib: ["nib", "nomor induk berusaha"],
  pameran: ["pameran", "ikut pameran"],
  urutan: ["urutan", "peringkat"],
  alasan: ["alasan", "keterangan seleksi"],
  catatan: ["catatan", "keterangan", "ket"],
};

/** `No. KTP` -> `no ktp`; `L/P` -> `l p`; `hadir_1` -> `hadir 1`. */
export function foldHeader(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const LOOKUP = new Map<string, string>();
for (const [canonical, names] of Object.entries(ALIASES)) {
  LOOKUP.set(foldHeader(canonical), canonical);
  for (const n of names) LOOKUP.set(n, canonical);
}

const DAY = /^(?:hadir|hari|h|kehadiran|absen)\s*(?:ke\s*)?(\d{1,3})$/;

/** The canonical column for one header cell, or undefined when unknown. */
export function canonicalColumn(header: string): string | undefined {
  const f = foldHeader(header);
  const known = LOOKUP.get(f);
  if (known) return known;
  const day = DAY.exec(f);
  if (day) return `hadir_${Number(day[1])}`;
  return undefined;
}

export interface HeaderMap {
  /** Per header cell: canonical name, or undefined (ignored/unknown). */
  columns: (string | undefined)[];
  /** canonical name -> cell index */
  index: Map<string, number>;
  /** Highest N of hadir_N present (0 when none). */
  days: number;
  findings: Finding[];
}

const ROW_NUMBER = new Set(["no", "no urut", "nomor", "nomor urut", "nmr"]);

/** Maps a header row; `days` is the program's number of days (hadir_N beyond it is unknown). */
export function mapHeader(cells: readonly string[], file: string, days: number, line = 1): HeaderMap {
  const columns: (string | undefined)[] = [];
  const index = new Map<string, number>();
  const findings: Finding[] = [];
  let maxDay = 0;
  const known = [...Object.keys(ALIASES), ...BASE_COLUMNS, ...Array.from({ length: days }, (_, i) => `hadir_${i + 1}`)];
  cells.forEach((raw, i) => {
    const column = i + 1;
    const f = foldHeader(raw);
    if (f === "") {
      findings.push(finding("CSV_HEADER_BLANK", file, { line, column }, { column }));
      columns.push(undefined);
      return;
    }
    if (i === 0 && ROW_NUMBER.has(f)) {
      columns.push(undefined);
      return;
    }
    let c = canonicalColumn(raw);
    if (c?.startsWith("hadir_") && Number(c.slice(6)) > days) c = undefined;
    if (c === undefined) {
      const suggestion = didYouMean(f, known, foldHeader);
      findings.push(finding("CSV_HEADER_UNKNOWN", file, { line, column }, { header: raw.trim(), suggestion }));
      columns.push(undefined);
      return;
    }
    const first = index.get(c);
    if (first !== undefined) {
      findings.push(
        finding("CSV_HEADER_DUPLICATE", file, { line, column, field: c }, { header: raw.trim(), first: first + 1 }),
      );
      columns.push(undefined);
      return;
    }
    index.set(c, i);
    columns.push(c);
    if (c.startsWith("hadir_")) maxDay = Math.max(maxDay, Number(c.slice(6)));
  });
  for (const r of REQUIRED_COLUMNS) {
    if (!index.has(r)) findings.push(finding("CSV_HEADER_MISSING", file, { line, field: r }, { column: r }));
  }
  return { columns, index, days: maxDay, findings };
}
