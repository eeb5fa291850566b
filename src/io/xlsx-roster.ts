/**
 * The roster as an XLSX workbook, written as SpreadsheetML directly: exceljs needed 4 s
 * (streaming) to 9 s for 100,000 rows, which alone broke the roster's time budget. Every
 * text cell is a text-formatted inline string (NIK and phone never become numbers), the
 * header is bold, frozen, filtered and printed on every page; zip dates come from the
 * program, so the same roster gives the same bytes.
 */
import { ByteWriter } from "./bytes.js";
import { neutraliseCell } from "./csv-write.js";
import { colName, HEAD, MAIN, REL, sheetRef, xlsxPackage, xmlText } from "./xlsx-package.js";

const SHEET = "Daftar Peserta";
export const CONFIDENTIAL = "RAHASIA - untuk keperluan internal";

// eslint-disable-next-line no-control-regex -- plain text has none of these
const PLAIN = /^[^&<>"\u0000-\u001f\ufffe\uffff=+\-@\s][^&<>"\u0000-\u001f\ufffe\uffff]*(?<!\s)$/;

/**
 * Whether a text goes into XML as it is: nothing to escape or neutralise, no spaces to
 * keep at either end (the same texts need nothing in a CSV either, but for the delimiter).
 */
export function isPlain(text: string): boolean {
  return PLAIN.test(text);
}

/** An inline text cell, as RosterSheet.cells writes the list's own columns; `plain`: isPlain(text) is known. */
export function textCell(text: string, plain = false): string {
  if (text === "") return '<c s="2"/>';
  return plain ? `<c s="2" t="inlineStr"><is><t>${text}</t></is></c>` : `<c s="2" t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/** `<t>` for a text: neutralised like the CSV, escaped, spaces kept. */
function textElement(text: string): string {
  if (PLAIN.test(text)) return `<t>${text}</t>`;
  const v = xmlText(neutraliseCell(text));
  return v.trim() === v ? `<t>${v}</t>` : `<t xml:space="preserve">${v}</t>`;
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
 * The roster's one sheet, written a row at a time: a row's cells are rendered as soon as
 * they are known (the list's columns while the list is read, status, urutan and alasan after
 * the selection) and put together in roster order at the end. Cells carry no reference:
 * each follows the one before it, and only a row's first cell is given its place (A5), so a
 * row rendered before its rank is known needs no rewriting.
 */
export class RosterSheet {
  private readonly sst = new SharedStrings();
  private readonly kind: ("rank" | "inline" | "shared")[];

  /** `kinds`: the canonical column of every column of the sheet, in order. */
  constructor(readonly kinds: readonly (string | undefined)[]) {
    // urutan is the one number: it sorts as a number in Excel. The list's own cells are
    // written in place: they are rendered as the list is read, possibly by two threads at
    // once, so they cannot point into one shared-string table (Excel makes its own on
    // saving); status, with three values, is shared
    this.kind = kinds.map((k) => (k === "urutan" ? "rank" : k === "status" ? "shared" : "inline"));
  }

  /** The cells of `values`, the sheet's columns from `from` on; an empty value is an empty cell. */
  cells(values: readonly string[], from = 0): string {
    let x = "";
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      const kind = this.kind[from + i];
      if (v === "") x += '<c s="2"/>';
      else if (kind === "rank") x += `<c><v>${Number(v)}</v></c>`;
      else if (kind === "inline") x += textCell(v);
      else x += `<c s="2" t="s"><v>${this.sst.ref(v)}</v></c>`;
    }
    return x;
  }

  /**
   * The workbook. `writeRows` writes the `count` rows after the header, each as
   * rowStart(n), then its cells as cells() gave them without their first "<c", then "</row>";
   * `widths`: each column's width in characters.
   */
  workbook(header: readonly string[], count: number, widths: readonly number[], meta: XlsxMeta, writeRows: (out: ByteWriter) => void, bytes = count * 256): Buffer {
    const lastCol = colName(header.length - 1);
    const last = `${lastCol}${count + 1}`;
    const out = new ByteWriter(bytes + 4096);
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
          data: [out.bytes()],
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
