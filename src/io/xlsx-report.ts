/**
 * Tables as an XLSX workbook, written as SpreadsheetML directly (like the roster's): one
 * sheet per table, Indonesian headers, rupiah and percent formats, totals as formulas with
 * their results cached, borders, wrapped text, frozen headers, A4 landscape. exceljs took
 * 0.3 s to load and render a year of 200 programs; this takes a few milliseconds. The
 * workbook's dates and its zip entries' dates come from `when`, so the same input gives
 * the same bytes.
 */
import { neutraliseCell } from "./csv-write.js";
import { colName, HEAD, MAIN, REL, sheetRef, xlsxPackage, xmlText } from "./xlsx-package.js";
import { isHidden, type Kind, type Table, type Value } from "../report/table.js";


/** Number format ids: 0 general, 3 `#,##0` (built in), 164 and 165 declared in styles.xml. */
const NUM_FMT: Record<Kind, number> = { text: 0, int: 3, rp: 164, pct: 165 };
const CUSTOM_FORMATS = '<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;Rp&quot;#,##0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>';

/** Fonts: 0 normal, 1 bold, 2 the sheet title, 3 a notice (bold red), 4 a note (italic). */
const FONTS =
  '<fonts count="5"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="13"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFC0392B"/><name val="Calibri"/></font>' +
  '<font><i/><sz val="11"/><name val="Calibri"/></font></fonts>';
const FILLS =
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>';
const BORDERS =
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>' +
  '<top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>';

type Align = "none" | "header" | "text" | "number" | "hidden";
const ALIGN: Record<Align, string> = {
  none: "",
  header: '<alignment horizontal="center" vertical="center" wrapText="1"/>',
  text: '<alignment vertical="top" wrapText="1"/>',
  number: '<alignment vertical="top"/>',
  hidden: '<alignment horizontal="right" vertical="top"/>',
};

/** The cell formats (cellXfs) the sheets use, each made once. */
class Styles {
  private readonly index = new Map<string, number>([["0,0,0,0,none", 0]]);
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  of(font: number, fill: number, border: number, fmt: number, align: Align): number {
    const key = `${font},${fill},${border},${fmt},${align}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.xfs.length;
      this.index.set(key, i);
      const applied = `${fmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}`;
      const a = ALIGN[align];
      this.xfs.push(
        `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}${a ? ' applyAlignment="1">' + a + "</xf>" : "/>"}`,
      );
    }
    return i;
  }

  document(): string {
    return (
      `${HEAD}<styleSheet xmlns="${MAIN}">${CUSTOM_FORMATS}${FONTS}${FILLS}${BORDERS}` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** Lines a row needs when its text wraps at the column widths (Excel does not grow rows itself on opening). */
function rowLines(t: Table, cells: readonly (Value | string)[]): number {
  let lines = 1;
  t.columns.forEach((c, i) => {
    const v = cells[i];
    if (typeof v !== "string") return;
    const width = Math.max(4, (c.width ?? 12) - 1, ...c.header.split(/\s+/).map((w) => w.length + 2));
    let n = 1;
    let used = 0;
    for (const w of v.split(/\s+/)) {
      if (used > 0 && used + 1 + w.length > width) {
        n++;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + Math.min(w.length, width);
    }
    lines = Math.max(lines, n);
  });
  return lines;
}

function textCell(ref: string, style: number, text: string): string {
  const v = xmlText(text);
  const t = v.trim() === v ? "<t>" : '<t xml:space="preserve">';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is>${t}${v}</t></is></c>`;
}

function numberCell(ref: string, style: number, n: number, formula?: string): string {
  return `<c r="${ref}" s="${style}">${formula ? `<f>${xmlText(formula)}</f>` : ""}<v>${n}</v></c>`;
}

interface SheetXml {
  xml: string;
  /** The header row, repeated on every printed page. */
  headerRow: number;
}

function sheetXml(t: Table, notices: readonly string[], styles: Styles): SheetXml {
  const rows: string[] = [];
  const row = (r: number, cells: string, lines = 1): void => {
    rows.push(`<row r="${r}"${lines > 1 ? ` ht="${15 * lines}" customHeight="1"` : ""}>${cells}</row>`);
  };
  row(1, textCell("A1", styles.of(2, 0, 0, 0, "none"), neutraliseCell(t.title)));
  notices.forEach((n, k) => row(2 + k, textCell(`A${2 + k}`, styles.of(3, 0, 0, 0, "none"), neutraliseCell(n))));
  const headerRow = 3 + notices.length;
  const first = headerRow + 1;
  const last = headerRow + t.rows.length;
  const headerStyle = styles.of(1, 2, 0, 0, "header");
  row(
    headerRow,
    t.columns.map((c, i) => textCell(`${colName(i)}${headerRow}`, headerStyle, c.header)).join(""),
    rowLines(t, t.columns.map((c) => c.header)),
  );
  const hiddenIn = t.columns.map((_, i) => t.rows.some((r) => isHidden(r[i] ?? null)));
  const put = (rowNo: number, cells: readonly Value[], sumFooter: boolean, bold: boolean): void => {
    const font = bold ? 1 : 0;
    const out = t.columns.map((c, i) => {
      const v = cells[i] ?? null;
      const ref = `${colName(i)}${rowNo}`;
      const fmt = NUM_FMT[c.kind];
      if (isHidden(v)) return textCell(ref, styles.of(font, 0, 1, fmt, "hidden"), v.hidden);
      const style = styles.of(font, 0, 1, fmt, c.kind === "text" ? "text" : "number");
      if (v === null) return `<c r="${ref}" s="${style}"/>`;
      if (typeof v === "string") return textCell(ref, style, neutraliseCell(v));
      const value = c.kind === "pct" ? v / 100 : v;
      const f = t.rowFormulas?.[i];
      const at = (k: number) => `${colName(k)}${rowNo}`;
      if (f) return numberCell(ref, style, value, "sum" in f ? `SUM(${f.sum.map(at).join(",")})` : `IF(${at(f.pct[1])}=0,"",${at(f.pct[0])}/${at(f.pct[1])})`);
      if (sumFooter && c.kind !== "pct" && !hiddenIn[i] && t.rows.length > 0) return numberCell(ref, style, value, `SUM(${colName(i)}${first}:${colName(i)}${last})`);
      return numberCell(ref, style, value);
    });
    row(rowNo, out.join(""), rowLines(t, cells));
  };
  t.rows.forEach((r, k) => put(first + k, r, false, false));
  t.footer.forEach((f, k) => put(last + 1 + k, f.cells, f.sum, true));
  t.notes.forEach((n, k) => {
    const r = last + t.footer.length + 2 + k;
    row(r, textCell(`A${r}`, styles.of(4, 0, 0, 0, "none"), neutraliseCell(n)));
  });
  // every column's format is its cells' format (a value typed in later gets it too)
  const cols = t.columns
    .map((c, i) => {
      const width = Math.max(c.width ?? 12, ...c.header.split(/\s+/).map((w) => w.length + 3));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1" style="${styles.of(0, 0, 0, NUM_FMT[c.kind], "none")}"/>`;
    })
    .join("");
  const xml =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${first}" sqref="A${first}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows.join("")}</sheetData>` +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "<headerFooter><oddFooter>&amp;L&amp;A&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter></worksheet>";
  return { xml, headerRow };
}

/** `when`: the date written in the workbook and its zip entries (e.g. the end of the quarter). */
export async function renderXlsx(tables: Table[], opts: { title: string; when: Date; notices?: string[] }): Promise<Buffer> {
  const styles = new Styles();
  const used = new Set<string>();
  const sheets = tables.map((t, i) => {
    const name = sheetName(t.id, used);
    // first sheet: programs left out and the profile, above everything else
    const { xml, headerRow } = sheetXml(t, i === 0 ? (opts.notices ?? []) : [], styles);
    return { name, data: [Buffer.from(xml, "utf8")], names: [["_xlnm.Print_Titles", `${sheetRef(name)}$${headerRow}:$${headerRow}`]] as [string, string][] };
  });
  return xlsxPackage({
    title: opts.title,
    when: opts.when.toISOString().replace(/\.\d{3}Z$/, "Z"),
    sheets,
    // after the sheets: they add the cell formats they use
    styles: styles.document(),
    recalculate: true,
  });
}
