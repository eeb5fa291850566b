/**
 * Splits decoded CSV text into records, streaming, strictly by RFC 4180 but accepting
 * LF, CRLF and CR-only line ends (even mixed). Papaparse was the first choice but cannot
 * meet what the reader must report: it takes `ab"c` as text, and after `"ab"c` it hunts for
 * a closing quote through the rest of the file (unbounded memory, no "reading continues").
 * Lines without a quote (nearly all) take a split()-based path as fast as papaparse's own.
 */

export type SyntaxKind = "unclosed_quote" | "stray_quote" | "line_too_long";

export interface RecordSink {
  /** `line`: 1-based line where the record starts. */
  record(cells: string[], line: number): void;
  syntax(kind: SyntaxKind, line: number): void;
}

/** A quoted field longer than this is taken as a quote that never closes (keeps memory bounded). */
export const MAX_RECORD_CHARS = 1_000_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Outcome of one quoted record: `end` is where the next record starts, -1 while more text is needed. */
interface Slow {
  end: number;
  lines: number;
  cells?: string[];
  error?: SyntaxKind;
  errorLine?: number;
  /** Nothing after this can be read reliably. */
  stop?: boolean;
}

export class CsvRecordReader {
  private pending = "";
  private line: number;
  private done = false;

  /** `firstLine`: the line the text starts on (a reader of the second part of a file). */
  constructor(
    private readonly delimiter: string,
    private readonly sink: RecordSink,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Line of the next record. */
  get nextLine(): number {
    return this.line;
  }

  /** True when all text pushed so far ended whole records (no record is waiting for more text). */
  get atRecordStart(): boolean {
    return this.pending === "" && !this.done;
  }

  /** True once reading had to stop (unclosed quote): later text is ignored. */
  get stopped(): boolean {
    return this.done;
  }

  /** Stops reading: the caller found the rest cannot be trusted. */
  stop(): void {
    this.done = true;
    this.pending = "";
  }

  push(text: string): void {
    if (!this.done) this.parse(this.pending + text, false);
  }

  end(): void {
    if (!this.done) this.parse(this.pending, true);
    this.pending = "";
    this.done = true;
  }

  private parse(text: string, final: boolean): void {
    const n = text.length;
    const delim = this.delimiter;
    const sink = this.sink;
    let line = this.line;
    let pos = 0;
    let nextLF = text.indexOf("\n");
    let nextCR = text.indexOf("\r");
    let nextQ = text.indexOf('"');
    while (pos < n) {
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf("\n", pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf("\r", pos);
      if (nextQ !== -1 && nextQ < pos) nextQ = text.indexOf('"', pos);
      let eol = nextLF === -1 ? nextCR : nextCR === -1 || nextLF < nextCR ? nextLF : nextCR;
      if (eol === -1) {
        if (!final) break;
        eol = n;
      }
      if (nextQ === -1 || nextQ >= eol) {
        // A CR at the very end may be the first half of a CRLF split between chunks.
        if (eol === n - 1 && !final && text.charCodeAt(eol) === CR) break;
        sink.record(text.substring(pos, eol).split(delim), line);
        if (this.done) return;
        pos = eol + (text.charCodeAt(eol) === CR && text.charCodeAt(eol + 1) === LF ? 2 : 1);
        line++;
        continue;
      }
      const r = quotedRecord(text, pos, delim, final, line);
      if (r.end === -1) break;
      if (r.stop) {
        sink.syntax(r.error ?? "unclosed_quote", r.errorLine ?? line);
        this.done = true;
        return;
      }
      if (r.error) sink.syntax(r.error, r.errorLine ?? line);
      else if (r.cells) sink.record(r.cells, line);
      if (this.done) return;
      pos = r.end;
      line += r.lines;
    }
    this.line = line;
    this.pending = pos < n ? text.substring(pos) : "";
    if (!final && this.pending.length > MAX_RECORD_CHARS) this.tooLong();
  }

  /** A record that never ends within the limit: report where it opened and stop. */
  private tooLong(): void {
    const r = quotedRecord(this.pending, 0, this.delimiter, true, this.line);
    this.sink.syntax(r.error === "unclosed_quote" ? "unclosed_quote" : "line_too_long", r.errorLine ?? this.line);
    this.pending = "";
    this.done = true;
  }
}

/** Number of line breaks (LF, CR, CRLF) in text[from, to). */
function breaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** Where the line holding `from` ends (after its line break), or -1 if the text stops first. */
function lineEnd(text: string, from: number, final: boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) {
      if (i + 1 === text.length) return final ? i + 1 : -1;
      return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }
  return final ? text.length : -1;
}

/** The slow path: one record that has a quote somewhere on its first line. */
function quotedRecord(text: string, start: number, delimiter: string, final: boolean, line: number): Slow {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let i = start;
  let cur = line;
  const stray = (at: number): Slow => {
    const end = lineEnd(text, at, final);
    return end === -1 ? { end, lines: 0 } : { end, lines: cur - line + 1, error: "stray_quote", errorLine: cur };
  };
  for (;;) {
    let c = text.charCodeAt(i);
    if (c === QUOTE) {
      const open = cur;
      const openAt = i;
      let value = "";
      let seg = i + 1;
      for (;;) {
        const q = text.indexOf('"', seg);
        if (q === -1 || q + 1 === n) {
          if (!final) return { end: -1, lines: 0 };
          if (q === -1) return { end: n, lines: 0, error: "unclosed_quote", errorLine: open, stop: true };
        }
        cur += breaks(text, seg, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.substring(seg, q + 1);
          seg = q + 2;
          continue;
        }
        value += text.substring(seg, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i === n) return { end: n, lines: cur - line + 1, cells };
      c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c !== LF && c !== CR) {
        // `"Ani` left open swallows lines up to some later quote: the fault is where it opened.
        // Reading resumes on the line after it, so the swallowed rows are still read.
        if (cur > open) return { end: lineEnd(text, openAt, final), lines: open - line + 1, error: "unclosed_quote", errorLine: open };
        return stray(i);
      }
    } else {
      let stop = i;
      while (stop < n) {
        const d = text.charCodeAt(stop);
        if (d === LF || d === CR || d === delim) break;
        if (d === QUOTE) return stray(stop);
        stop++;
      }
      cells.push(text.substring(i, stop));
      i = stop;
      if (i === n) {
        if (!final) return { end: -1, lines: 0 };
        return { end: n, lines: cur - line + 1, cells };
      }
      if (text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
    }
    // i is at a line break that ends the record
    const end = lineEnd(text, i, final);
    if (end === -1) return { end: -1, lines: 0 };
    return { end, lines: cur - line + 1, cells };
  }
}
