/** CSV for Excel: UTF-8 with BOM, CRLF, quoted when needed, formulas neutralised. */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that Excel would run as a formula (= + - @, tab, CR) gets a leading apostrophe,
 * the convention Excel itself shows for text. Plain negative numbers are left alone.
 */
export function neutraliseCell(value: string): string {
  // most cells start with a letter or digit: no regex for them
  const c = value.charCodeAt(0);
  if (!(c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13)) return value;
  if (!FORMULA_START.test(value)) return value;
  if (/^-\d+([.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}

const NEEDS_QUOTES = { ",": /[,"\n\r]/, ";": /[;"\n\r]/ } as const;

export function csvCell(value: string, delimiter: string): string {
  const v = neutraliseCell(value);
  const special = NEEDS_QUOTES[delimiter as "," | ";"];
  const quote = special ? special.test(v) : v.includes(delimiter) || v.includes('"') || v.includes("\n") || v.includes("\r");
  return quote ? `"${v.replace(/"/g, '""')}"` : v;
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

/**
 * In CSV written here (bytes in `src`): the closing quote of the quoted cell that opens at
 * `open` ("" inside it is a quote), or `end` when the cell is not closed before `end`.
 */
export function closingQuote(src: Uint8Array, open: number, end: number): number {
  let q = open + 1;
  for (; q < end; q++) {
    if (src[q] !== 0x22) continue;
    if (q + 1 >= end || src[q + 1] !== 0x22) break;
    q++;
  }
  return q;
}
