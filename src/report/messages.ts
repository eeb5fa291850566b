/** The words for every finding code, in Indonesian (default) and English. */
import type { Code, Finding, FindingArgs } from "../domain/findings.js";

export type Lang = "id" | "en";

type Words = (a: FindingArgs, f: Finding) => [id: string, en: string];

const s = (v: unknown): string => (v === undefined ? "" : String(v));
const q = (v: unknown): string => `"${s(v)}"`;
const maybe = (v: unknown, id: string, en: string): [string, string] =>
  v === undefined || v === "" ? ["", ""] : [`; ${id} ${q(v)}?`, `; ${en} ${q(v)}?`];

/** Texts produced upstream as "indonesian / english". */
function bilingual(text: unknown): [string, string] {
  const t = s(text);
  const i = t.indexOf(" / ");
  return i < 0 ? [t, t] : [t.slice(0, i), t.slice(i + 3)];
}

const NIK_REASONS: Record<string, [string, string]> = {
  empty: ["NIK kosong", "NIK is empty"],
  scientific: ["NIK ditulis Excel sebagai angka ilmiah (mis. 3.51401E+15); format kolom sebagai Teks lalu ketik ulang", "NIK was turned into scientific notation by Excel (e.g. 3.51401E+15); format the column as Text and type it again"],
  chars: ["NIK hanya boleh berisi angka", "NIK may contain digits only"],
  length: ["NIK harus 16 digit", "NIK must have 16 digits"],
  serial: ["nomor urut NIK tidak boleh 0000", "the NIK serial cannot be 0000"],
  region: ["kode provinsi NIK tidak ada", "the NIK province code does not exist"],
};

const VALUE_KINDS: Record<string, [string, string]> = {
  phone: ["nomor telepon tidak valid", "invalid phone number"],
  status: ["status harus peserta, cadangan atau tidak_memenuhi_syarat", "status must be peserta, cadangan or tidak_memenuhi_syarat"],
  score: ["nilai harus angka 0-100", "score must be a number 0-100"],
  nib: ["NIB harus 13 digit", "NIB must have 13 digits"],
  yesno: ["isi ya atau tidak", "use ya or tidak"],
};

const UNREADABLE: Record<string, [string, string]> = {
  missing: ["berkas tidak ditemukan", "file not found"],
  directory: ["ini folder, bukan berkas", "this is a folder, not a file"],
  not_file: ["bukan berkas biasa", "not a regular file"],
  permission: ["tidak ada izin membaca berkas", "no permission to read the file"],
  denied: ["tidak ada izin membaca berkas", "no permission to read the file"],
  "too-large": ["berkas terlalu besar", "file too large"],
  unreadable: ["berkas tidak bisa dibaca", "file cannot be read"],
};

const SYNTAX: Record<string, [string, string]> = {
  unclosed_quote: ["tanda kutip dibuka tapi tidak ditutup", "a quote is opened and never closed"],
  stray_quote: ["tanda kutip di tengah sel yang tidak dikutip", "a quote inside an unquoted cell"],
  line_too_long: ["baris terlalu panjang", "line too long"],
};

const ENCODING: Record<string, [string, string]> = {
  binary: ["berkas biner, bukan teks CSV", "binary file, not CSV text"],
  xlsx: ["ini berkas Excel (.xlsx); simpan sebagai CSV UTF-8", "this is an Excel workbook (.xlsx); save it as CSV UTF-8"],
  xls: ["ini berkas Excel lama (.xls); simpan sebagai CSV UTF-8", "this is an old Excel workbook (.xls); save it as CSV UTF-8"],
  "utf-16be": ["UTF-16BE tidak didukung; simpan sebagai CSV UTF-8", "UTF-16BE is not supported; save as CSV UTF-8"],
};

const pick = (table: Record<string, [string, string]>, key: unknown): [string, string] => table[s(key)] ?? [s(key), s(key)];

const WORDS: Record<Code, Words> = {
  FILE_UNREADABLE: (a) => pick(UNREADABLE, a.reason),
  CSV_EMPTY: () => ["berkas kosong (bahkan tanpa baris judul)", "empty file (not even a header row)"],
  CSV_ENCODING_INVALID: (a) =>
    a.reason !== undefined
      ? pick(ENCODING, a.reason)
      : [`byte tidak valid di baris ${s(a.line)}, offset ${s(a.offset)}: bukan UTF-8, Windows-1252 maupun UTF-16`, `invalid bytes at line ${s(a.line)}, byte offset ${s(a.offset)}: not UTF-8, Windows-1252 or UTF-16`],
  YAML_SYNTAX: (a) => bilingual(a.message),
  CSV_SYNTAX: (a) =>
    a.kind === "ragged"
      ? [`jumlah kolom ${s(a.got)}, seharusnya ${s(a.expected)} seperti baris judul`, `${s(a.got)} columns, expected ${s(a.expected)} as in the header`]
      : pick(SYNTAX, a.kind),
  CSV_HEADER_MISSING: (a) => [`kolom wajib "${s(a.column)}" tidak ada`, `required column "${s(a.column)}" is missing`],
  CSV_HEADER_DUPLICATE: (a) => [`kolom ${q(a.header)} muncul dua kali (pertama di kolom ${s(a.first)})`, `column ${q(a.header)} appears twice (first at column ${s(a.first)})`],
  CSV_HEADER_BLANK: (a) => [`judul kolom ke-${s(a.column)} kosong`, `header of column ${s(a.column)} is blank`],
  CSV_ENCODING: () => ["berkas disimpan sebagai Windows-1252 (CSV biasa Excel); dibaca, tapi sebaiknya simpan sebagai CSV UTF-8", "file saved as Windows-1252 (plain Excel CSV); read, but better save it as CSV UTF-8"],
  CSV_HEADER_UNKNOWN: (a) => {
    const [i, e] = maybe(a.suggestion, "maksudnya", "did you mean");
    return [`kolom ${q(a.header)} tidak dikenal, diabaikan${i}`, `unknown column ${q(a.header)}, ignored${e}`];
  },
  PROGRAM_INVALID: (a) => {
    if (a.key !== undefined) {
      const [i, e] = maybe(a.suggestion, "maksudnya", "did you mean");
      return [`kunci tidak dikenal: ${s(a.key)}${i}`, `unknown key: ${s(a.key)}${e}`];
    }
    if (a.region !== undefined) return [`kode wilayah ${s(a.region)} tidak ada di tabel Kemendagri`, `region code ${s(a.region)} does not exist in the official table`];
    return bilingual(a.message);
  },
  PROGRAM_ID_DUPLICATE: (a) => [`id program ${q(a.id)} sudah dipakai di ${s(a.first)}`, `program id ${q(a.id)} is already used in ${s(a.first)}`],
  NIK_FORMAT: (a) => {
    const [i, e] = pick(NIK_REASONS, a.reason);
    const len = a.reason === "length" ? [` (${s(a.length)} digit)`, ` (${s(a.length)} digits)`] : ["", ""];
    return [`${i}${len[0]}: ${s(a.nik)}`, `${e}${len[1]}: ${s(a.nik)}`];
  },
  NIK_DATE: (a) => [`bagian tanggal lahir NIK ${s(a.nik)} tidak mungkin`, `the birth date part of NIK ${s(a.nik)} is impossible`],
  NIK_DUPLICATE: (a) => [`NIK ${s(a.nik)} sudah ada di baris ${s(a.first)}`, `NIK ${s(a.nik)} already appears at line ${s(a.first)}`],
  NIK_EXCEL_DAMAGE: (a) => [`semua ${s(a.count)} NIK berakhir dengan 0: kemungkinan dirusak Excel (hanya 15 digit disimpan); format kolom sebagai Teks dan isi ulang`, `all ${s(a.count)} NIKs end in 0: probably damaged by Excel (it keeps 15 digits); format the column as Text and fill it again`],
  NIK_REGION: (a) => [`NIK ${s(a.nik)} terdaftar di wilayah ${s(a.region)}, bukan ${s(a.expected)} (periksa domisili)`, `NIK ${s(a.nik)} was registered in region ${s(a.region)}, not ${s(a.expected)} (check residence)`],
  NIK_BIRTHDATE_MISMATCH: (a) => [`tanggal lahir ${s(a.date)} tidak sama dengan tanggal di NIK`, `birth date ${s(a.date)} differs from the date in the NIK`],
  NIK_SEX_MISMATCH: (a) => [`jenis kelamin ${s(a.sex)} tidak sesuai dengan NIK ${s(a.nik)}`, `sex ${s(a.sex)} does not match NIK ${s(a.nik)}`],
  NAME_MISSING: () => ["nama kosong", "name is empty"],
  NAME_SUSPICIOUS: (a) =>
    a.reason === "markup"
      ? ["nama berisi markup (<, >) atau terlalu panjang; periksa", "name contains markup (<, >) or is too long; check it"]
      : ["nama berisi karakter tersembunyi (kontrol, arah teks); sudah dibuang", "name contained hidden characters (control, text direction); removed"],
  DISTRICT_UNKNOWN: (a) => {
    if (s(a.value) === "") return ["kecamatan kosong", "kecamatan is empty"];
    const [i, e] = maybe(a.suggestion, "maksudnya", "did you mean");
    return [`kecamatan ${q(a.value)} tidak ada di wilayah ${s(a.region)}${i}`, `kecamatan ${q(a.value)} is not in region ${s(a.region)}${e}`];
  },
  VILLAGE_UNKNOWN: (a) => {
    const [i, e] = maybe(a.suggestion, "maksudnya", "did you mean");
    const where = a.district ? [` di kecamatan ${s(a.district)}`, ` in kecamatan ${s(a.district)}`] : ["", ""];
    return [`desa/kelurahan ${q(a.value)} tidak ditemukan${where[0]}${i}`, `desa/kelurahan ${q(a.value)} not found${where[1]}${e}`];
  },
  DATE_INVALID: (a) =>
    a.reason === "impossible"
      ? [`tanggal ${q(a.value)} tidak mungkin`, `date ${q(a.value)} is impossible`]
      : [`tanggal ${q(a.value)} tidak terbaca (pakai 7/11/1985, 1985-11-07 atau 7 November 1985)`, `date ${q(a.value)} not understood (use 7/11/1985, 1985-11-07 or 7 November 1985)`],
  SEX_INVALID: (a) => [`jenis kelamin ${q(a.value)} tidak dikenal (L/P)`, `sex ${q(a.value)} not understood (L/P)`],
  DISABILITY_INVALID: (a) => [`disabilitas ${q(a.value)} tidak dikenal (fisik, intelektual, mental, netra, rungu, wicara)`, `disability ${q(a.value)} not understood (fisik, intelektual, mental, netra, rungu, wicara)`],
  ATTENDANCE_INVALID: (a) => [`tanda hadir ${q(a.value)} tidak dikenal (H, I, S, A, 1, 0)`, `attendance mark ${q(a.value)} not understood (H, I, S, A, 1, 0)`],
  VALUE_INVALID: (a) => {
    const [i, e] = pick(VALUE_KINDS, a.kind);
    return a.kind === "phone" ? [i, e] : [`${i}: ${q(a.value)}`, `${e}: ${q(a.value)}`];
  },
  AGE_OUT_OF_RANGE: (a) =>
    a.min !== undefined
      ? [`usia ${s(a.age)} tahun pada hari pertama, di bawah batas ${s(a.min)}`, `age ${s(a.age)} on the first day, below the minimum ${s(a.min)}`]
      : [`usia ${s(a.age)} tahun pada hari pertama, di atas batas ${s(a.max)}`, `age ${s(a.age)} on the first day, above the maximum ${s(a.max)}`],
  DISABILITY_REQUIRED: () => ["program ini untuk penyandang disabilitas, kolom disabilitas kosong", "this program is for people with disabilities; the disability column is empty"],
  SEX_NOT_ELIGIBLE: (a) => (a.sex === "P" ? ["program ini khusus perempuan", "this program is for women only"] : ["program ini khusus laki-laki", "this program is for men only"]),
  PERSON_REPEATED: (a) => [`NIK ${s(a.nik)} juga ikut program ${s(a.other)} di tahun anggaran yang sama`, `NIK ${s(a.nik)} also attends program ${s(a.other)} in the same fiscal year`],
  QUOTA_TOTAL: (a) => [`${s(a.count)} peserta untuk ${s(a.total)} kursi; pilih peserta dengan \`pelatihan roster\``, `${s(a.count)} participants for ${s(a.total)} seats; select them with \`pelatihan roster\``],
  QUOTA_DISTRICT: (a) => [`kecamatan ${s(a.district)}: ${s(a.count)} peserta, maksimal ${s(a.max)}`, `kecamatan ${s(a.district)}: ${s(a.count)} participants, at most ${s(a.max)}`],
  QUOTA_GROUP: (a, f) => {
    const lim = a.min !== undefined && Number(a.count) < Number(a.min) ? [`minimal ${s(a.min)}`, `at least ${s(a.min)}`] : [`maksimal ${s(a.max)}`, `at most ${s(a.max)}`];
    return [`kuota ${s(f.field)}=${s(a.value)}: ${s(a.count)} peserta, ${lim[0]}`, `quota ${s(f.field)}=${s(a.value)}: ${s(a.count)} participants, ${lim[1]}`];
  },
  COVERAGE_LOW: (a) => [`hanya ${s(a.covered)} dari ${s(a.total)} kecamatan terjangkau, target minimal ${s(a.min)}`, `only ${s(a.covered)} of ${s(a.total)} kecamatan reached, target at least ${s(a.min)}`],
  FINDINGS_TRUNCATED: (a) => [`${s(a.total)} temuan ${s(a.code)}, hanya ${s(a.shown)} pertama ditampilkan`, `${s(a.total)} ${s(a.code)} findings, only the first ${s(a.shown)} shown`],
};

export function formatFinding(f: Finding, lang: Lang): string {
  const [id, en] = WORDS[f.code](f.args, f);
  return lang === "en" ? en : id;
}
