/**
 * Certificate number patterns such as "500.8.1/{seq:03}/424.083/{year}" (the office's
 * archive code, a running number, the year). A number is the pattern filled in; its
 * series is the pattern with everything but the running number filled in, so each
 * series (e.g. each year) counts from 1 on its own.
 */

export const DEFAULT_NUMBER_PATTERN = "{program}/{seq:03}/{year}";

export interface NumberContext {
  year: number;
  month: number;
  program: string;
}

/** Tokens other than {seq}; their values come from the issue date and the program. */
export const NUMBER_TOKENS = ["seq", "seq:0N", "year", "month", "month_roman", "program"] as const;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;
const MAX_PATTERN_CHARS = 120;

type Part = { text: string } | { token: "seq"; width: number } | { token: "year" | "month" | "month_roman" | "program" };

/** Splits a pattern into literal text and tokens, or returns the problem. */
function parse(pattern: string): Part[] | string {
  if (pattern.trim() === "") return "pola nomor kosong / the number pattern is empty";
  if (pattern.length > MAX_PATTERN_CHARS) return `pola nomor terlalu panjang (maks. ${MAX_PATTERN_CHARS} karakter) / the number pattern is too long (max ${MAX_PATTERN_CHARS} characters)`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pattern)) return "pola nomor berisi karakter kendali / the number pattern holds a control character";
  const parts: Part[] = [];
  let seqs = 0;
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf("{", i);
    const close = pattern.indexOf("}", i);
    if (close !== -1 && (open === -1 || close < open)) return `"}" tanpa "{" di posisi ${close + 1} / "}" without "{" at position ${close + 1}`;
    if (open === -1) {
      parts.push({ text: pattern.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: pattern.slice(i, open) });
    const end = pattern.indexOf("}", open);
    if (end === -1) return `"{" tanpa "}" di posisi ${open + 1} / "{" without "}" at position ${open + 1}`;
    const name = pattern.slice(open + 1, end);
    const seq = /^seq(?::0([1-9]))?$/.exec(name);
    if (seq) {
      seqs++;
      parts.push({ token: "seq", width: seq[1] ? Number(seq[1]) : 1 });
    } else if (name === "year" || name === "month" || name === "month_roman" || name === "program") {
      parts.push({ token: name });
    } else {
      return `token tidak dikenal {${name}}; yang dikenal: {seq}, {seq:03}, {year}, {month}, {month_roman}, {program} / unknown token {${name}}; known: {seq}, {seq:0N}, {year}, {month}, {month_roman}, {program}`;
    }
    i = end + 1;
  }
  if (seqs !== 1) {
    return seqs === 0
      ? "pola nomor harus memuat satu {seq} (nomor urut) / the number pattern needs one {seq} (running number)"
      : "pola nomor memuat lebih dari satu {seq} / the number pattern holds more than one {seq}";
  }
  return parts;
}

/** Problem text (bilingual, ready for a UserError or a finding), or undefined when the pattern is usable. */
export function checkNumberPattern(pattern: string): string | undefined {
  const r = parse(pattern);
  return typeof r === "string" ? r : undefined;
}

function parsed(pattern: string): Part[] {
  const r = parse(pattern);
  if (typeof r === "string") throw new RangeError(`invalid number pattern ${JSON.stringify(pattern)}: ${r}`);
  return r;
}

function fill(parts: Part[], ctx: NumberContext, seq: (width: number) => string): string {
  if (!Number.isInteger(ctx.month) || ctx.month < 1 || ctx.month > 12) throw new RangeError(`month out of range: ${ctx.month}`);
  let out = "";
  for (const p of parts) {
    if ("text" in p) out += p.text;
    else if (p.token === "seq") out += seq(p.width);
    else if (p.token === "year") out += String(ctx.year);
    else if (p.token === "month") out += String(ctx.month).padStart(2, "0");
    else if (p.token === "month_roman") out += ROMAN[ctx.month - 1];
    else out += ctx.program;
  }
  return out;
}

/**
 * The series of a number: the pattern with every token but the running number filled in,
 * and the running number written as plain "{seq}" whatever its padding, so widening
 * {seq:03} to {seq:04} continues the count instead of starting again at 1.
 */
export function numberSeries(pattern: string, ctx: NumberContext): string {
  return fill(parsed(pattern), ctx, () => "{seq}");
}

export function formatNumber(pattern: string, seq: number, ctx: NumberContext): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence number must be a positive integer: ${seq}`);
  return fill(parsed(pattern), ctx, (w) => String(seq).padStart(w, "0"));
}
