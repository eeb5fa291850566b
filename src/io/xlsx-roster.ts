/**
 * The roster as an XLSX workbook, written as SpreadsheetML directly: exceljs needed 4 s
 * (streaming) to 9 s for 100,000 rows, which alone broke the roster's time budget. Every
 * text cell is a text-formatted inline string (NIK and phone never become numbers), the
 * header is bold, frozen, filtered and printed on every page; zip dates come from the
 * program, so the same roster gives the same bytes.
 */
import { neutraliseCell } from "./csv-write.js";
import { colName, HEAD, MAIN, REL, sheetRef, xlsxPackage, xmlText } from "./xlsx-package.js";
import type { RosterTable } from "../report/roster-table.js";

const SHEET = "Daftar Peserta";
export const CONFIDENTIAL = "RAHASIA - untuk keperluan internal";

/** Widths from the header and the first rows (a full scan of 100,000 rows gains nothing). */
function widths(t: RosterTable): number[] {
  return t.header.map((h, i) => {
    let w = h.length + 2;
    for (let r = 0; r < Math.min(t.rows.length, 500); r++) w = Math.max(w, (t.rows[r]?.[i]?.length ?? 0) + 1);
    return Math.min(Math.max(w, 8), 60);
  });
}

// alasan: a reserve's reason carries its rank ("cadangan ke-2001"), so it is unique too
const UNIQUE_COLUMNS = new Set(["nik", "nama", "telepon", "tanggal_lahir", "catatan", "alasan"]);
// eslint-disable-next-line no-control-regex -- plain text has none of these
const PLAIN = /^[^&<>"\u0000-\u001f\ufffe\uffff=+\-@\s][^&<>"\u0000-\u001f\ufffe\uffff]*(?<!\s)$/;

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

function* sheetXml(t: RosterTable, confidential: boolean, sst: SharedStrings): Generator<string> {
  const cols = t.header.map((_, i) => colName(i));
  const last = `${colName(t.header.length - 1)}${t.rows.length + 1}`;
  const rankAt = t.kinds.indexOf("urutan");
  // one-of-a-kind values (NIK, name, phone, birth date) are written in place: a shared
  // string table of 100,000 unique texts costs more than it saves
  const inline = t.kinds.map((k) => k === undefined || UNIQUE_COLUMNS.has(k));
  yield `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  yield `<dimension ref="A1:${last}"/>`;
  yield '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  yield '<sheetFormatPr defaultRowHeight="15"/><cols>';
  yield widths(t).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  yield '</cols><sheetData><row r="1">';
  yield t.header.map((h, i) => `<c r="${cols[i]}1" s="1" t="s"><v>${sst.ref(h)}</v></c>`).join("");
  yield "</row>";
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r] as string[];
    const n = r + 2;
    let x = `<row r="${n}">`;
    for (let i = 0; i < row.length; i++) {
      const v = row[i] ?? "";
      if (v === "") continue;
      // urutan is the one number: it sorts as a number in Excel
      if (i === rankAt) x += `<c r="${cols[i]}${n}"><v>${Number(v)}</v></c>`;
      else if (inline[i]) x += `<c r="${cols[i]}${n}" s="2" t="inlineStr"><is>${textElement(v)}</is></c>`;
      else x += `<c r="${cols[i]}${n}" s="2" t="s"><v>${sst.ref(v)}</v></c>`;
    }
    yield `${x}</row>`;
  }
  yield `</sheetData><autoFilter ref="A1:${last}"/>`;
  yield '<pageMargins left="0.4" right="0.4" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>';
  yield '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
  const header = confidential ? `<oddHeader>&amp;C&amp;B${CONFIDENTIAL}</oddHeader>` : "";
  yield `<headerFooter>${header}<oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter></headerFooter></worksheet>`;
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

export interface XlsxMeta {
  title: string;
  /** yyyy-mm-dd: the workbook's created/modified date and every zip entry's date. */
  date: string;
  confidential: boolean;
}

export function rosterXlsx(t: RosterTable, meta: XlsxMeta): Buffer {
  const last = `$${colName(t.header.length - 1)}$${t.rows.length + 1}`;
  const sst = new SharedStrings();
  const sheet = chunked(sheetXml(t, meta.confidential, sst));
  return xlsxPackage({
    title: meta.confidential ? `${meta.title} (${CONFIDENTIAL})` : meta.title,
    when: `${meta.date}T00:00:00Z`,
    sheets: [
      {
        name: SHEET,
        data: sheet,
        names: [
          ["_xlnm._FilterDatabase", `${sheetRef(SHEET)}$A$1:${last}`],
          ["_xlnm.Print_Titles", `${sheetRef(SHEET)}$1:$1`],
        ],
      },
    ],
    styles: STYLES,
    sharedStrings: sst.document(),
  });
}
