/** CSV for Excel: UTF-8 with BOM, CRLF, quoted when needed, formulas neutralised. */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that Excel would run as a formula (= + - @, tab, CR) gets a leading apostrophe,
 * the convention Excel itself shows for text. Plain negative numbers are left alone.
 */
export function neutraliseCell(value: string): string {
  if (!FORMULA_START.test(value)) return value;
  if (/^-\d+([.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}

export function csvCell(value: string, delimiter: string): string {
  const v = neutraliseCell(value);
  if (v.includes(delimiter) || v.includes('"') || v.includes("\n") || v.includes("\r")) {
    return `"${v.replace(/"/g, '""')}"`;
  }
  return v;
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + "\r\n";
}

/** The whole document, BOM first so Excel reads it as UTF-8. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>, delimiter = ","): string {
  let out = "\uFEFF" + csvLine(header, delimiter);
  for (const r of rows) out += csvLine(r, delimiter);
  return out;
}
