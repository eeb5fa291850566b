/**
 * One line of the certificate register (register-sertifikat.csv): UTF-8, `,`, LF, one
 * event per line, so a line is either whole or torn (a crash mid-write) and never spans
 * two lines. A cell is quoted when it holds `,` or `"`; a cell that Excel would run as a
 * formula, or that starts with `'`, gets one leading `'` that reading removes again, so
 * the file is safe to open in Excel and still reads back exactly.
 */
import { normaliseCode } from "../domain/certificate-claim.js";
import type { CertificateKind } from "../domain/certificate-types.js";
import { CsvRecordReader } from "./csv-records.js";

export const LEDGER_COLUMNS = [
  "peristiwa",
  "nomor",
  "seri",
  "urut",
  "program",
  "nik",
  "nama",
  "hasil",
  "tanggal_terbit",
  "berkas",
  "sha256",
  "kode",
  "token",
  "alasan",
  "waktu",
] as const;

export const LEDGER_HEADER = `${LEDGER_COLUMNS.join(",")}\n`;

export interface IssuedFields {
  number: string;
  series: string;
  seq: number;
  program: string;
  nik: string;
  name: string;
  kind: CertificateKind;
  issued: string;
  file: string;
  sha256: string;
  code: string;
  token: string;
}

export type LedgerEvent =
  | { event: "terbit"; entry: IssuedFields; at: string }
  | { event: "berkas"; number: string; file: string; sha256: string; at: string }
  | { event: "cabut"; number: string; reason: string; at: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

function cell(v: string): string {
  if (CONTROL.test(v)) throw new RangeError(`register cell holds a control character: ${JSON.stringify(v)}`);
  const s = /^[=+\-@']/.test(v) ? `'${v}` : v;
  return s.includes(",") || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s;
}

function unneutralise(v: string): string {
  return v.startsWith("'") ? v.slice(1) : v;
}

/**
 * Cells of one line (no line break in it), or undefined when its quotes are broken: read
 * by the same strict RFC 4180 reader as the participant lists.
 */
export function splitLine(line: string): string[] | undefined {
  let cells: string[] | undefined;
  let broken = false;
  const reader = new CsvRecordReader(",", {
    record: (r) => (cells ??= r),
    syntax: () => (broken = true),
  });
  reader.push(line);
  reader.end();
  if (broken) return undefined;
  return (cells ?? [""]).map(unneutralise);
}

export function eventLine(e: LedgerEvent): string {
  const c: Record<(typeof LEDGER_COLUMNS)[number], string> = {
    peristiwa: e.event, nomor: "", seri: "", urut: "", program: "", nik: "", nama: "", hasil: "",
    tanggal_terbit: "", berkas: "", sha256: "", kode: "", token: "", alasan: "", waktu: e.at,
  };
  if (e.event === "terbit") {
    const x = e.entry;
    Object.assign(c, {
      nomor: x.number, seri: x.series, urut: String(x.seq), program: x.program, nik: x.nik, nama: x.name,
      hasil: x.kind, tanggal_terbit: x.issued, berkas: x.file, sha256: x.sha256, kode: x.code, token: x.token,
    });
  } else if (e.event === "berkas") {
    Object.assign(c, { nomor: e.number, berkas: e.file, sha256: e.sha256 });
  } else {
    Object.assign(c, { nomor: e.number, alasan: e.reason });
  }
  return `${LEDGER_COLUMNS.map((k) => cell(c[k])).join(",")}\n`;
}

/** The event a line records, or the problem (bilingual) that makes it unreadable. */
export function parseEventLine(line: string): LedgerEvent | string {
  const cells = splitLine(line);
  if (!cells) return "tanda kutip tidak tertutup / unclosed quote";
  if (cells.length !== LEDGER_COLUMNS.length) return `${cells.length} kolom, seharusnya ${LEDGER_COLUMNS.length} / ${cells.length} columns, expected ${LEDGER_COLUMNS.length}`;
  const [event, number, series, seq, program, nik, name, kind, issued, file, sha256, code, token, reason, at] = cells as string[] as [
    string, string, string, string, string, string, string, string, string, string, string, string, string, string, string,
  ];
  if (!TIMESTAMP.test(at)) return `waktu bukan stempel waktu ISO / waktu is not an ISO timestamp: ${JSON.stringify(at)}`;
  if (number === "") return "nomor kosong / empty nomor";
  if (event === "terbit") {
    if (series === "" || program === "" || nik === "" || name === "" || file === "" || token === "") return "kolom wajib kosong / a required column is empty";
    if (!/^[1-9]\d{0,14}$/.test(seq)) return `urut bukan bilangan bulat positif / urut is not a positive whole number: ${JSON.stringify(seq)}`;
    if (kind !== "sertifikat" && kind !== "keterangan") return `hasil tidak dikenal / unknown hasil: ${JSON.stringify(kind)}`;
    if (!ISO_DATE.test(issued)) return `tanggal_terbit bukan tanggal ISO / tanggal_terbit is not an ISO date: ${JSON.stringify(issued)}`;
    if (!SHA256.test(sha256)) return "sha256 bukan 64 digit heksadesimal / sha256 is not 64 hex digits";
    if (normaliseCode(code) !== code) return `kode tidak sah / invalid kode: ${JSON.stringify(code)}`;
    return { event, at, entry: { number, series, seq: Number(seq), program, nik, name, kind, issued, file, sha256, code, token } };
  }
  if (event === "berkas") {
    if (file === "" || !SHA256.test(sha256)) return "berkas atau sha256 tidak sah / invalid berkas or sha256";
    return { event, number, file, sha256, at };
  }
  if (event === "cabut") {
    if (reason === "") return "alasan pencabutan kosong / empty alasan";
    return { event, number, reason, at };
  }
  return `peristiwa tidak dikenal / unknown peristiwa: ${JSON.stringify(event)} (terbit, berkas, cabut)`;
}
