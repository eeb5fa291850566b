/**
 * The roster's rows, rendered as the list is read. A provincial list has 100,000 applicants:
 * keeping every participant with its cells until the selection is made costs more (in
 * garbage collection) than writing all the documents. So each row is rendered at once into
 * its CSV cells and the fields the PDF prints, and only those bytes are kept (two buffers for
 * the whole list); the sheet's cells are made from the CSV cells (SheetCells). After the
 * selection, each row gets its status, urutan and alasan at the end, in roster order. CSV
 * and XLSX always show the same columns: the list's own, minus the private ones in the
 * public profile, then status, urutan and alasan.
 */
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import { CADANGAN, PESERTA, reserveReason, reserveReasonLength, STATUSES, type DecisionTable } from "../domain/selection-types.js";
import { closingQuote, csvCell } from "../io/csv-write.js";
import { ByteArena, ByteWriter, decimalDigits, encode, NumberedText, type ArenaData } from "../io/bytes.js";
import { columnWidth, RosterSheet, SheetCells, type XlsxMeta } from "../io/xlsx-roster.js";

export type Profile = "public" | "internal";

/** Columns a public document never shows (PDP: phone, birth date, health data). */
const PRIVATE_COLUMNS = new Set(["telepon", "tanggal_lahir", "disabilitas"]);
/** Columns the roster writes itself: any old ones in the list are replaced. */
const ROSTER_COLUMNS = ["status", "urutan", "alasan"] as const;

/** A participant as the PDF prints them. */
export interface PdfPerson {
  name: string;
  /** Masked in the public profile. */
  nik: string;
  sex: string;
  district: string;
  village: string;
  phone: string;
}

/** Rows rendered by RosterRows, as plain data another thread can take (see RosterRows.part). */
export interface RenderedRows {
  csv: ArenaData;
  pdf: ArenaData;
  longest: number[];
}

const SEP = "\u0000";
/** A field without the separator (names are cleaned of control characters; raw kecamatan text may hold one). */
const safe = (f: string): string => (f.includes(SEP) ? f.replaceAll(SEP, "") : f);

/** A PDF field, without the separator: printable ASCII is copied as it is. */
function writeField(out: ByteWriter, f: string): void {
  if (!out.writePlain(f, 0, 0, 0, 0)) out.writeShort(safe(f));
}

const QUOTE = 0x22;

/** = + - @: a cell that starts so may be neutralised (tab and CR are control characters, which writePlain leaves to csvCell). */
const isFormulaStart = (c: number): boolean => c === 61 || c === 43 || c === 45 || c === 64;

/** maskNik(v) of a NIK cell of 16 digits, the usual one, written as bytes; false (nothing written) for any other. */
function writeMasked16(out: ByteWriter, v: string): boolean {
  if (v.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const buf = out.reserve(16);
  let p = out.length;
  for (let i = 0; i < 4; i++) buf[p++] = v.charCodeAt(i);
  for (let i = 4; i < 12; i++) buf[p++] = 42;
  for (let i = 12; i < 16; i++) buf[p++] = v.charCodeAt(i);
  out.advance(p);
  return true;
}

/** Start and end of each cell of a CSV row at [start, end) of `src` (a quoted cell's bounds include its quotes). */
function csvCellBounds(src: Uint8Array, start: number, end: number, delimiter: number): number[] {
  const bounds: number[] = [];
  let p = start;
  for (;;) {
    let q = p;
    // (an empty last cell ends where the next row starts: that row's quote is not this cell's)
    if (q < end && src[q] === QUOTE) q = Math.min(closingQuote(src, q, end) + 1, end);
    while (q < end && src[q] !== delimiter) q++;
    bounds.push(p, q);
    if (q >= end) return bounds;
    p = q + 1;
  }
}

/** Roster order: peserta 1..n, cadangan, then the others as they were in the list (ranks are 1..m). */
export function rosterOrder(t: DecisionTable): Int32Array {
  const n = t.status.length;
  const order = new Int32Array(n);
  let ranked = 0;
  for (let k = 0; k < n; k++) if (t.rank[k] !== 0) ranked++;
  let rest = ranked;
  for (let k = 0; k < n; k++) {
    const rank = t.rank[k] as number;
    if (rank === 0) order[rest++] = k;
    else order[rank - 1] = k;
  }
  return order;
}

export class RosterRows {
  readonly header: string[];
  readonly kinds: (string | undefined)[];
  private readonly keep: number[];
  private readonly nikAt: number;
  private readonly sheet: RosterSheet;
  // each row's rendered texts, as bytes: 100,000 rows are two buffers, not 200,000 strings.
  // The sheet's cells are made from the CSV cells when the workbook is written (SheetCells)
  private readonly csv: ByteArena;
  private readonly pdf: ByteArena;
  /** Longest text of each of the list's columns kept. */
  private readonly longest: number[];
  private readonly delimiterByte: number;
  /**
   * Where each field the PDF prints (name, NIK, L/P, kecamatan, desa, phone) is among the
   * CSV cells kept: -1 when the list has no such column kept (the field is then empty).
   */
  private readonly fieldAt: number[];
  /** Which of the kept cells of the row being added were written as they are (plain). */
  private readonly plain: Uint8Array;

  /** `header`: the list's header cells; `columns`: the canonical column of each. */
  constructor(
    header: readonly string[],
    columns: readonly (string | undefined)[],
    private readonly profile: Profile,
    private readonly delimiter: string,
    /** The list's size in bytes, when known: the buffers are sized once from it. */
    size = 0,
  ) {
    // about as many bytes as the list for the CSV and the PDF fields
    this.csv = new ByteArena(size);
    this.pdf = new ByteArena(size);
    const keep: number[] = [];
    header.forEach((_, i) => {
      const c = columns[i];
      if (c !== undefined && (ROSTER_COLUMNS as readonly string[]).includes(c)) return;
      // a public document keeps only the columns we know to hold no private data
      if (profile === "public" && (c === undefined || PRIVATE_COLUMNS.has(c))) return;
      keep.push(i);
    });
    this.keep = keep;
    this.nikAt = columns.indexOf("nik");
    this.header = [...keep.map((i) => header[i] ?? ""), ...ROSTER_COLUMNS];
    this.kinds = [...keep.map((i) => columns[i]), ...ROSTER_COLUMNS];
    this.sheet = new RosterSheet(this.kinds);
    this.longest = keep.map(() => 0);
    this.delimiterByte = delimiter.charCodeAt(0);
    const at = (c: string): number => keep.findIndex((i) => columns[i] === c);
    this.fieldAt = [at("nama"), at("nik"), at("jenis_kelamin"), at("kecamatan"), at("desa"), profile === "public" ? -1 : at("telepon")];
    this.plain = new Uint8Array(keep.length);
  }

  /** The rows rendered here, to hand to the thread that renders the rest (see append). */
  part(): RenderedRows {
    return { csv: this.csv.data(), pdf: this.pdf.data(), longest: [...this.longest] };
  }

  /** Adds rows rendered by another thread from the same list, after the rows here. */
  append(part: RenderedRows): void {
    this.csv.append(part.csv);
    this.pdf.append(part.pdf);
    part.longest.forEach((n, k) => {
      if (n > (this.longest[k] as number)) this.longest[k] = n;
    });
  }

  /** Renders one participant, in list order. */
  add(p: Participant): void {
    const { keep, longest, delimiter: d, csv, pdf } = this;
    const pub = this.profile === "public";
    const sep = this.delimiterByte;
    // the NIK cell when it was masked as bytes (16 digits): the PDF prints the same
    let maskedAsBytes: string | undefined;
    let maskedNik: string | undefined;
    const plain = this.plain;
    // written piece by piece: no string is made for the row, and none for most cells
    for (let k = 0; k < keep.length; k++) {
      const i = keep[k] as number;
      let v = p.cells[i] ?? "";
      if (v.length > (longest[k] as number)) longest[k] = v.length;
      if (k > 0) csv.byte(sep);
      plain[k] = 1;
      if (i === this.nikAt && pub) {
        if (writeMasked16(csv, v)) {
          maskedAsBytes = v;
          continue;
        }
        const masked = maskNik(v);
        // the PDF prints the NIK as parsed: the same text unless the cell has spaces
        if (v === p.nik) maskedNik = masked;
        v = masked;
      }
      // text that needs no quotes and no neutralising (csvCell gives it back as it is)
      if (isFormulaStart(v.charCodeAt(0)) || !csv.writePlain(v, sep, QUOTE, sep, sep)) {
        plain[k] = 0;
        csv.writeShort(csvCell(v, d));
      }
    }
    csv.close();
    // the PDF's fields, when each is a plain cell of the row as it is: nothing to keep, the
    // PDF takes them from the CSV cells (pdfPeople)
    if (this.inCells(p)) {
      pdf.close();
      return;
    }
    writeField(pdf, p.name);
    pdf.byte(0);
    if (!pub) writeField(pdf, p.nik);
    else if (maskedAsBytes === undefined || maskedAsBytes !== p.nik || !writeMasked16(pdf, p.nik)) writeField(pdf, maskedNik ?? maskNik(p.nik));
    pdf.byte(0);
    writeField(pdf, p.sex ?? "");
    pdf.byte(0);
    writeField(pdf, p.district?.name ?? p.districtText);
    pdf.byte(0);
    writeField(pdf, p.village?.name ?? p.villageText);
    pdf.byte(0);
    if (!pub) writeField(pdf, p.phone ?? "");
    pdf.close();
  }

  /** Whether every PDF field of the row just added is the text of a plain CSV cell (or empty without one). */
  private inCells(p: Participant): boolean {
    const [name, nik, sex, district, village, phone] = this.fieldAt as [number, number, number, number, number, number];
    const cell = (k: number, v: string): boolean => (k < 0 ? v === "" : this.plain[k] === 1 && p.cells[this.keep[k] as number] === v);
    // the public NIK cell holds maskNik(cell), which is the PDF's maskNik(p.nik) when the cell is p.nik
    return (
      cell(name, p.name) &&
      cell(nik, p.nik) &&
      cell(sex, p.sex ?? "") &&
      cell(district, p.district?.name ?? p.districtText) &&
      cell(village, p.village?.name ?? p.villageText) &&
      (this.profile === "public" || cell(phone, p.phone ?? ""))
    );
  }

  /** The CSV document's buffer, with its header row written. */
  private csvStart(rows: number): ByteWriter {
    const d = this.delimiter;
    const out = new ByteWriter(this.csv.length + rows * 64 + 4096);
    out.write(`\uFEFF${this.header.map((h) => csvCell(h, d)).join(d)}\r\n`);
    return out;
  }

  /** Writes the CSV row of row i: its own cells, then status, urutan and alasan. */
  private csvRows(t: DecisionTable): (out: ByteWriter, i: number) => void {
    const d = this.delimiter;
    const keep = this.keep.length > 0;
    const csv = this.csv;
    // the text between a row's own cells and its urutan depends only on the status
    const before = STATUSES.map((st) => encode(`${keep ? d : ""}${st}${d}`));
    const sep = encode(d);
    const end = encode("\r\n");
    const reserve = new NumberedText((cause, n) => csvCell(reserveReason(cause, n), d));
    return (out, i) => {
      if (keep) csv.copyTo(i, out);
      const st = t.status[i] as number;
      out.put(before[st] as Uint8Array);
      const rank = t.rank[i] as number;
      if (rank !== 0) out.int(rank);
      out.put(sep);
      // a reserve's reason, written without being made
      if (st === CADANGAN) reserve.write(out, t.causes[t.cause[i] as number] as string, t.reserve[i] as number);
      else out.write(csvCell(t.reasons.get(i) ?? "", d));
      out.put(end);
    };
  }

  /**
   * The CSV document (UTF-8 with BOM, CRLF) and the XLSX workbook, rows in `order`, the
   * decisions `t` by row: made in one pass over the rows, each row's CSV cells read once for
   * both (two passes took 2% longer in all).
   */
  documents(order: Int32Array, t: DecisionTable, meta: XlsxMeta): { csv: Buffer; xlsx: Buffer } {
    const from = this.longest.length;
    // widths come first in the sheet: status, urutan and alasan are measured before any row is written
    let status = 0;
    let rank = 0;
    let reason = 0;
    for (let k = 0; k < t.status.length; k++) {
      const st = t.status[k] as number;
      status = Math.max(status, (STATUSES[st] as string).length);
      if (t.rank[k] !== 0) rank = Math.max(rank, decimalDigits(t.rank[k] as number));
      reason = Math.max(
        reason,
        st === CADANGAN ? reserveReasonLength(t.causes[t.cause[k] as number] as string, decimalDigits(t.reserve[k] as number)) : (t.reasons.get(k) ?? "").length,
      );
    }
    const longest = [...this.longest, status, rank, reason];
    const widths = this.header.map((h, k) => columnWidth(h, longest[k] ?? 0));
    const sheet = this.sheet;
    // the list's own cells, made from its CSV cells
    const cells = new SheetCells(this.delimiter);
    const src = this.csv.view();
    const csv = this.csvStart(order.length);
    const csvRow = this.csvRows(t);
    const xlsx = sheet.workbook(this.header, order.length, widths, meta, (out) => {
      const row = sheet.rowWriter();
      let n = 1;
      for (const i of order) {
        csvRow(csv, i);
        row.writeStart(out, ++n);
        if (from > 0) cells.write(out, src, this.csv.startOf(i), this.csv.endOf(i));
        row.writeEnd(out, t, i, from === 0);
      }
    });
    return { csv: csv.bytes(), xlsx };
  }

  /** The peserta as the PDF shows them, in rank order. */
  pdfPeople(order: Int32Array, t: DecisionTable): PdfPerson[] {
    const people: PdfPerson[] = [];
    const src = this.csv.view();
    const text = Buffer.from(src.buffer, src.byteOffset, src.byteLength);
    for (const i of order) {
      if (t.status[i] !== PESERTA) break;
      if (this.pdf.endOf(i) === this.pdf.startOf(i)) {
        // the fields are plain cells of the row (inCells)
        const cells = csvCellBounds(src, this.csv.startOf(i), this.csv.endOf(i), this.delimiterByte);
        const [name = "", nik = "", sex = "", district = "", village = "", phone = ""] = this.fieldAt.map((k) =>
          k < 0 ? "" : text.toString("latin1", cells[2 * k] as number, cells[2 * k + 1] as number),
        );
        people.push({ name, nik, sex, district, village, phone });
        continue;
      }
      const [name = "", nik = "", sex = "", district = "", village = "", phone = ""] = this.pdf.text(i).split(SEP);
      people.push({ name, nik, sex, district, village, phone });
    }
    return people;
  }
}
