/**
 * Tables as an XLSX workbook: one sheet per table, Indonesian headers, rupiah and percent
 * formats, totals as formulas with their results cached, A4 landscape. exceljs is imported
 * lazily (heavy) and its zip dates are fixed so the same input gives the same bytes.
 */
import type { Worksheet, CellValue } from "exceljs";
import { fixZipDates } from "./zip-dates.js";
import { neutraliseCell } from "./csv-write.js";
import { isHidden, type Kind, type Table, type Value } from "../report/table.js";

const FORMAT: Record<Kind, string | undefined> = { text: undefined, int: "#,##0", rp: '"Rp"#,##0', pct: "0.0%" };

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}-${n}`;
  used.add(name.toLowerCase());
  return name;
}

function plain(v: Value, kind: Kind): CellValue {
  if (v === null) return null;
  if (isHidden(v)) return v.hidden;
  if (typeof v === "string") return neutraliseCell(v);
  return kind === "pct" ? v / 100 : v;
}

/** Lines a row needs when its text wraps at the column widths (exceljs cannot auto-fit heights). */
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

function writeTable(ws: Worksheet, t: Table, notices: readonly string[]): void {
  ws.getCell("A1").value = neutraliseCell(t.title);
  ws.getCell("A1").font = { bold: true, size: 13 };
  notices.forEach((n, k) => {
    const cell = ws.getCell(2 + k, 1);
    cell.value = neutraliseCell(n);
    cell.font = { bold: true, color: { argb: "FFC0392B" } };
  });
  const headerRow = 3 + notices.length;
  const first = headerRow + 1;
  const last = headerRow + t.rows.length;
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    // never narrower than the header's longest word: Excel would break it mid-word
    col.width = Math.max(c.width ?? 12, ...c.header.split(/\s+/).map((w) => w.length + 3));
    const fmt = FORMAT[c.kind];
    if (fmt) col.numFmt = fmt;
    const h = ws.getCell(headerRow, i + 1);
    h.value = c.header;
    h.font = { bold: true };
    h.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    h.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  });
  ws.getRow(headerRow).height = 15 * rowLines(t, t.columns.map((c) => c.header));
  const hiddenIn = t.columns.map((_, i) => t.rows.some((r) => isHidden(r[i] ?? null)));
  const put = (rowNo: number, cells: readonly Value[], sumFooter: boolean) => {
    const lines = rowLines(t, cells);
    if (lines > 1) ws.getRow(rowNo).height = 15 * lines;
    t.columns.forEach((c, i) => {
      const v = cells[i] ?? null;
      const cell = ws.getCell(rowNo, i + 1);
      const f = t.rowFormulas?.[i];
      const ref = (k: number) => `${colName(k)}${rowNo}`;
      if (typeof v === "number" && f) {
        const result = c.kind === "pct" ? v / 100 : v;
        const formula = "sum" in f ? `SUM(${f.sum.map(ref).join(",")})` : `IF(${ref(f.pct[1])}=0,"",${ref(f.pct[0])}/${ref(f.pct[1])})`;
        cell.value = { formula, result };
      } else if (typeof v === "number" && sumFooter && c.kind !== "pct" && !hiddenIn[i] && t.rows.length > 0) {
        cell.value = { formula: `SUM(${colName(i)}${first}:${colName(i)}${last})`, result: v };
      } else {
        cell.value = plain(v, c.kind);
      }
      if (isHidden(v)) cell.alignment = { horizontal: "right", vertical: "top" };
      else if (c.kind === "text") cell.alignment = { wrapText: true, vertical: "top" };
      else cell.alignment = { vertical: "top" };
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    });
  };
  t.rows.forEach((r, k) => put(first + k, r, false));
  t.footer.forEach((f, k) => {
    put(last + 1 + k, f.cells, f.sum);
    for (let i = 1; i <= t.columns.length; i++) ws.getCell(last + 1 + k, i).font = { bold: true };
  });
  t.notes.forEach((n, k) => {
    const cell = ws.getCell(last + t.footer.length + 2 + k, 1);
    cell.value = neutraliseCell(n);
    cell.font = { italic: true };
  });
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&L&A&RHalaman &P dari &N" };
}

/** `when`: the date written in the workbook and its zip entries (e.g. the end of the quarter). */
export async function renderXlsx(tables: Table[], opts: { title: string; when: Date; notices?: string[] }): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "pelatihan";
  wb.lastModifiedBy = "pelatihan";
  wb.title = opts.title;
  wb.created = opts.when;
  wb.modified = opts.when;
  wb.calcProperties = { fullCalcOnLoad: true };
  const used = new Set<string>();
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(sheetName(t.id, used));
    // first sheet: programs left out and the profile, above everything else
    writeTable(ws, t, i === 0 ? (opts.notices ?? []) : []);
  });
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(buf, opts.when);
}
