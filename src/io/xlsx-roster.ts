/**
 * The roster as an XLSX workbook, written as SpreadsheetML directly: exceljs needed 4 s
 * (streaming) to 9 s for 100,000 rows, which alone broke the roster's time budget. Every
 * text cell is a text-formatted inline string (NIK and phone never become numbers), the
 * header is bold, frozen, filtered and printed on every page; zip dates come from the
 * program, so the same roster gives the same bytes.
 */
import { ByteWriter, encode, NumberedText } from "./bytes.js";
import { closingQuote, neutraliseCell } from "./csv-write.js";
import { colName, HEAD, MAIN, REL, sheetRef, xlsxPackage, xmlText } from "./xlsx-package.js";
import { DeflateWriter } from "./zip-write.js";
import { CADANGAN, reserveReason, STATUSES, type DecisionTable } from "../domain/selection-types.js";

const SHEET = "Daftar Peserta";
export const CONFIDENTIAL = "RAHASIA - untuk keperluan internal";

// a text that goes into XML as it is: nothing to escape or neutralise, no spaces to keep at
// either end
// eslint-disable-next-line no-control-regex -- plain text has none of these
const PLAIN = /^[^&<>"\u0000-\u001f\ufffe\uffff=+\-@\s][^&<>"\u0000-\u001f\ufffe\uffff]*(?<!\s)$/;

// The sheet's cells: s="2" is the text format (a NIK typed over stays text)
const EMPTY_CELL = '<c s="2"/>';
const INLINE = '<c s="2" t="inlineStr"><is>';
const sharedCell = (i: number): string => `<c s="2" t="s"><v>${i}</v></c>`;

/** An inline text cell, as RosterSheet.cells writes the list's own columns. */
export function textCell(text: string): string {
  if (text === "") return EMPTY_CELL;
  return `${INLINE}${textElement(text)}</is></c>`;
}

/** `<t>` for a text: neutralised like the CSV, escaped, spaces kept. */
function textElement(text: string): string {
  if (PLAIN.test(text)) return `<t>${text}</t>`;
  const v = xmlText(neutraliseCell(text));
  return v.trim() === v ? `<t>${v}</t>` : `<t xml:space="preserve">${v}</t>`;
}

/** Bytes a text cell can hold as they are (printable ASCII but & < > "): 1. */
const PLAIN_BYTE = new Uint8Array(256);
for (let b = 0x20; b < 0x7f; b++) PLAIN_BYTE[b] = 1;
for (const c of '&<>"') PLAIN_BYTE[c.charCodeAt(0)] = 0;

/**
 * The list's own cells of a roster row, made from the row's CSV cells (as RosterRows renders
 * them, csvCell): a CSV cell holds the text neutralised (neutraliseCell), quoted when it
 * must be, and the sheet shows the text neutralised too. So the sheet needs no rendering of
 * its own while the list is read: the bytes of most cells are copied between the tags, and
 * the rest (quoted, escaped, not ASCII, spaces at either end) go through textCell as text.
 */
export class SheetCells {
  private readonly delimiter: number;
  private readonly open = encode(`${INLINE}<t>`);
  private readonly openRest = this.open.subarray(2);
  private readonly close = encode("</t></is></c>");
  private readonly empty = encode(EMPTY_CELL);

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Writes the cells of the CSV row at [start, end) of `src`; the first without its "<c",
   * which the row's start has written with the cell's place.
   */
  write(out: ByteWriter, src: Uint8Array, start: number, end: number): void {
    const d = this.delimiter;
    const { open, close, openRest, empty } = this;
    // at most one cell per byte and a delimiter: room for all, written byte by byte here
    let room = (end - start + 1) * (open.length + close.length + 1);
    let buf = out.reserve(room);
    let o = out.length;
    let p = start;
    let skip = 2;
    for (;;) {
      let text: string | undefined;
      if (p < end && src[p] === 0x22) {
        // a quoted cell: "" stands for "
        const q = closingQuote(src, p, end);
        text = Buffer.from(src.buffer, src.byteOffset + p + 1, q - p - 1).toString("utf8").replaceAll('""', '"');
        p = q + 1;
      } else {
        let q = p;
        let plain = 1;
        for (; q < end; q++) {
          const b = src[q] as number;
          if (b === d) break;
          plain &= PLAIN_BYTE[b] as number;
        }
        if (q === p) {
          for (let k = skip; k < empty.length; k++) buf[o++] = empty[k] as number;
        } else if (plain && src[p] !== 0x20 && src[q - 1] !== 0x20) {
          if (skip) {
            buf.set(openRest, o);
            o += openRest.length;
          } else {
            buf.set(open, o);
            o += open.length;
          }
          for (let k = p; k < q; k++) buf[o++] = src[k] as number;
          buf.set(close, o);
          o += close.length;
        } else text = Buffer.from(src.buffer, src.byteOffset + p, q - p).toString("utf8");
        p = q;
      }
      if (text !== undefined) {
        // escaped, not ASCII or spaced: written as text, then back to bytes
        out.advance(o);
        out.write(textCell(text).slice(skip));
        room = (end - p + 1) * (open.length + close.length + 1);
        buf = out.reserve(room);
        o = out.length;
      }
      if (p >= end) break;
      p++;
      skip = 0;
    }
    out.advance(o);
  }
}

/** Text cells point into one shared-string table: each distinct text is escaped once. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly xml: string[] = [];
  count = 0;

  ref(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.xml.length;
      this.index.set(text, i);
      this.xml.push(`<si>${textElement(text)}</si>`);
    }
    return i;
  }

  document(): Buffer[] {
    const head = `${HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.xml.length}">`;
    return chunked([head, ...this.xml, "</sst>"]);
  }
}

/** Joins many small strings into ~64 KB buffers (no single huge string). */
function chunked(parts: Iterable<string>): Buffer[] {
  const out: Buffer[] = [];
  let s = "";
  for (const p of parts) {
    s += p;
    if (s.length > 1 << 16) {
      out.push(Buffer.from(s, "utf8"));
      s = "";
    }
  }
  out.push(Buffer.from(s, "utf8"));
  return out;
}

/** Column width from the longest text in it: at least 8, at most 60 characters. */
export function columnWidth(header: string, longest: number): number {
  return Math.min(Math.max(header.length + 2, longest + 1, 8), 60);
}

export interface XlsxMeta {
  title: string;
  /** yyyy-mm-dd: the workbook's created/modified date and every zip entry's date. */
  date: string;
  confidential: boolean;
}

/**
 * The roster's one sheet, written a row at a time in roster order: the list's own cells
 * made from the row's CSV cells (SheetCells), then status, urutan and alasan. Cells carry no
 * reference: each follows the one before it, and only a row's first cell is given its place
 * (A5).
 */
export class RosterSheet {
  private readonly sst = new SharedStrings();
  private readonly kind: ("rank" | "inline" | "shared")[];

  /** `kinds`: the canonical column of every column of the sheet, in order. */
  constructor(readonly kinds: readonly (string | undefined)[]) {
    // urutan is the one number: it sorts as a number in Excel. The list's own cells are
    // inline strings: they are copied from the CSV cells' bytes without being made into
    // strings, so they cannot be looked up in a shared-string table (Excel makes its own on
    // saving); status, with three values, is shared
    this.kind = kinds.map((k) => (k === "urutan" ? "rank" : k === "status" ? "shared" : "inline"));
  }

  /** The cells of `values`, the sheet's columns from `from` on; an empty value is an empty cell. */
  cells(values: readonly string[], from = 0): string {
    let x = "";
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      const kind = this.kind[from + i];
      if (v === "") x += EMPTY_CELL;
      else if (kind === "rank") x += `<c><v>${Number(v)}</v></c>`;
      else if (kind === "inline") x += textCell(v);
      else x += sharedCell(this.sst.ref(v));
    }
    return x;
  }

  /**
   * The workbook. `writeRows` writes the `count` rows after the header, each as
   * rowStart(n), then its cells as cells() gave them without their first "<c", then "</row>";
   * `widths`: each column's width in characters.
   */
  workbook(header: readonly string[], count: number, widths: readonly number[], meta: XlsxMeta, writeRows: (out: ByteWriter) => void): Buffer {
    const lastCol = colName(header.length - 1);
    const last = `${lastCol}${count + 1}`;
    // deflated as it is written: 100,000 rows are 37 MB of XML
    const out = new DeflateWriter();
    out.write(`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
    out.write(`<dimension ref="A1:${last}"/>`);
    out.write(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    );
    out.write('<sheetFormatPr defaultRowHeight="15"/><cols>');
    out.write(widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join(""));
    out.write('</cols><sheetData><row r="1">');
    out.write(header.map((h, i) => `<c r="${colName(i)}1" s="1" t="s"><v>${this.sst.ref(h)}</v></c>`).join(""));
    out.write("</row>");
    writeRows(out);
    out.write(`</sheetData><autoFilter ref="A1:${last}"/>`);
    out.write('<pageMargins left="0.4" right="0.4" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>');
    out.write('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const top = meta.confidential ? `<oddHeader>&amp;C&amp;B${CONFIDENTIAL}</oddHeader>` : "";
    out.write(`<headerFooter>${top}<oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter></headerFooter></worksheet>`);
    return xlsxPackage({
      title: meta.confidential ? `${meta.title} (${CONFIDENTIAL})` : meta.title,
      when: `${meta.date}T00:00:00Z`,
      sheets: [
        {
          name: SHEET,
          data: out.finish(),
          names: [
            ["_xlnm._FilterDatabase", `${sheetRef(SHEET)}$A$1:$${lastCol}$${count + 1}`],
            ["_xlnm.Print_Titles", `${sheetRef(SHEET)}$1:$1`],
          ],
        },
      ],
      styles: STYLES,
      sharedStrings: this.sst.document(),
    });
  }

  /** The start of row n and of its first cell, which is the only one given its place (A5). */
  static rowStart(n: number): string {
    return `<row r="${n}"><c r="A${n}"`;
  }

  /**
   * Writes rows of 100,000s as bytes: writeStart(out, n) writes rowStart(n); writeEnd writes
   * a row's status, urutan and alasan cells (the sheet's last three columns: the decision's
   * status, rank and reason) and "</row>",
   * as cells() would, without their first "<c" when they are the row's first cells. The
   * texts around the numbers are encoded once.
   */
  rowWriter(): { writeStart(out: ByteWriter, n: number): void; writeEnd(out: ByteWriter, t: DecisionTable, k: number, first: boolean): void } {
    const sst = this.sst;
    const rowOpen = encode('<row r="');
    const cellOpen = encode('"><c r="A');
    const quote = encode('"');
    // a status's cell, by its number (and once more for a row that has no other cell)
    const status: (Uint8Array | undefined)[] = [];
    const rankOpen = encode("<c><v>");
    const rankClose = encode("</v></c>");
    const empty = encode(EMPTY_CELL);
    const textOpen = encode(`${INLINE}<t>`);
    const textClose = encode("</t></is></c></row>");
    const rowClose = encode("</row>");
    const reserve = new NumberedText((cause, n) => `${textCell(reserveReason(cause, n))}</row>`);
    return {
      writeStart(out, n) {
        out.put(rowOpen);
        out.int(n);
        out.put(cellOpen);
        out.int(n);
        out.put(quote);
      },
      writeEnd(out, t, k, first) {
        const st = t.status[k] as number;
        const s = STATUSES[st] as string;
        // status is never empty: a shared string, referenced once more for each row
        const key = first ? st + STATUSES.length : st;
        let cell = status[key];
        if (cell === undefined) status[key] = cell = encode(sharedCell(sst.ref(s)).slice(first ? 2 : 0));
        // the same text once more: counted, not looked up
        else sst.count++;
        out.put(cell);
        const rank = t.rank[k] as number;
        if (rank === 0) out.put(empty);
        else {
          out.put(rankOpen);
          out.int(rank);
          out.put(rankClose);
        }
        // a reserve's reason, written without being made
        if (st === CADANGAN) {
          reserve.write(out, t.causes[t.cause[k] as number] as string, t.reserve[k] as number);
          return;
        }
        const reason = t.reasons.get(k) ?? "";
        if (reason !== "" && PLAIN.test(reason)) {
          out.put(textOpen);
          out.write(reason);
          out.put(textClose);
        } else {
          out.write(textCell(reason));
          out.put(rowClose);
        }
      },
    };
  }
}

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A whole roster table at once (small tables, tests): `rows` hold every column of `header`. */
export function rosterXlsx(t: { header: readonly string[]; kinds: readonly (string | undefined)[]; rows: readonly (readonly string[])[] }, meta: XlsxMeta): Buffer {
  const sheet = new RosterSheet(t.kinds);
  const longest = t.header.map((_, i) => t.rows.reduce((n, r) => Math.max(n, r[i]?.length ?? 0), 0));
  const rows = t.rows.map((r) => sheet.cells(r));
  return sheet.workbook(t.header, rows.length, t.header.map((h, i) => columnWidth(h, longest[i] ?? 0)), meta, (out) => {
    rows.forEach((cells, i) => out.write(`${RosterSheet.rowStart(i + 2)}${cells.slice(2)}</row>`));
  });
}
