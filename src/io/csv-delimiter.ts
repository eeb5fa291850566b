/**
 * The delimiter is read from the header: Excel writes `;` in comma-decimal locales
 * (Indonesia among them) and tabs in "Unicode text".
 */

export type Delimiter = "," | ";" | "\t";

const BLANK_LINE = /^[\s,;"]*$/;

/**
 * Counts `,` `;` and tab outside quotes on the first non-blank line; the most frequent wins,
 * a tie or none gives `,`. Returns undefined when `text` stops before that line ends and more
 * may come (`final` false).
 */
export function detectDelimiter(text: string, final: boolean): Delimiter | undefined {
  let start = 0;
  for (;;) {
    if (start >= text.length) return final ? "," : undefined;
    let end = start;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
    if (end === text.length && !final) return undefined;
    if (!BLANK_LINE.test(text.substring(start, end))) break;
    start = end + 1;
  }
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") return pick(counts);
    else if (c === "," || c === ";" || c === "\t") counts[c]++;
  }
  return final ? pick(counts) : undefined;
}

function pick(counts: Record<Delimiter, number>): Delimiter {
  const [first, second] = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1]);
  if (!first || first[1] === 0 || (second && second[1] === first[1])) return ",";
  return first[0];
}
