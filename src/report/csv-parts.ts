/** One CSV document per table (Excel-safe: BOM, CRLF, formulas neutralised). */
import { csvDocument } from "../io/csv-write.js";
import { csvValue, type Table } from "./table.js";

export function csvTable(t: Table): string {
  const rows = [...t.rows, ...t.footer.map((f) => f.cells)].map((r) => t.columns.map((c, i) => csvValue(r[i] ?? null, c.kind)));
  return csvDocument(t.columns.map((c) => c.header), rows);
}
