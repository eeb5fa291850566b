/**
 * Streaming reader for participant lists: detects the encoding (before any row is
 * delivered) and the delimiter, hands each row to the caller with the line it starts on,
 * and turns every problem with the file into a finding. Memory stays bounded by the chunk
 * size whatever the file's length.
 */
import { open, type FileHandle } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { createRequire } from "node:module";
import { finding, type Finding } from "../domain/findings.js";
import { detectEncoding, lineAtOffset, type Encoding } from "./csv-encoding.js";
import { detectDelimiter, type Delimiter } from "./csv-delimiter.js";
import { CsvRecordReader, MAX_RECORD_CHARS, type SyntaxKind } from "./csv-records.js";

export interface CsvInfo {
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
}

export interface CsvHandlers {
  /** First non-blank line. */
  onHeader(cells: string[], line: number, info: CsvInfo): void;
  /** Each data row; `line` is the 1-based line where the row starts (the header is line 1 when it is the first line). */
  onRow(cells: string[], line: number): void;
  /** Bytes of the file consumed so far (for a progress bar). */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Lets another thread read the file from a byte offset on (see CsvSplit). */
  split?: CsvSplit;
}

/**
 * A second reader for the rest of the file from `at`, a byte just after a line feed.
 * When reading reaches `at`, `reached` is called with the line starting there and whether
 * every record before it is complete (`clean`). It returns the rest's CSV_SYNTAX findings
 * when that part was read elsewhere (reading stops), or undefined to read on here.
 */
export interface CsvSplit {
  at: number;
  reached(line: number, clean: boolean): Promise<RangeSyntax | undefined>;
}

/** What the reader of a part of a file found: its CSV_SYNTAX findings (the first MAX_SYNTAX_FINDINGS and how many in all) and its data rows. */
export interface RangeSyntax {
  kept: Finding[];
  count: number;
  rows: number;
}

export interface CsvReadResult {
  info?: CsvInfo;
  rows: number;
  findings: Finding[];
}

/** CSV_SYNTAX findings kept; past this they are only counted (FINDINGS_TRUNCATED). */
export const MAX_SYNTAX_FINDINGS = 1000;
const PROGRESS_BYTES = 4 << 20;
/** Papaparse's stream chunk size too: 1 MB chunks were no faster and took 50 MB more RSS on 1M rows. */
export const READ_CHUNK_BYTES = 1 << 16;

/** `path` to open, `file` is how findings name it. Never throws for problems with the file: they are findings. */
export async function readCsv(path: string, file: string, handlers: CsvHandlers): Promise<CsvReadResult> {
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (e) {
    return fail(finding("FILE_UNREADABLE", file, {}, { reason: reasonOf(e) }));
  }
  try {
    return await readOpen(fh, file, handlers);
  } catch (e) {
    if (!(e instanceof ReadFailure)) throw e;
    return fail(finding("FILE_UNREADABLE", file, {}, { reason: reasonOf(e.cause) }));
  } finally {
    await fh.close();
  }
}

async function readOpen(fh: FileHandle, file: string, handlers: CsvHandlers): Promise<CsvReadResult> {
  const st = await io(fh.stat());
  if (st.isDirectory()) return fail(finding("FILE_UNREADABLE", file, {}, { reason: "directory" }));
  if (!st.isFile()) return fail(finding("FILE_UNREADABLE", file, {}, { reason: "not_file" }));
  const size = st.size;
  if (size === 0) return fail(finding("CSV_EMPTY", file));
  const det = await io(detectEncoding(fh, size));
  if (!det.ok) {
    if (det.offset === undefined) return fail(finding("CSV_ENCODING_INVALID", file, {}, { reason: det.reason }));
    const skip = det.unit === 2 ? 2 : 0;
    const line = await io(lineAtOffset(fh, det.offset, skip, det.unit));
    const args = det.reason ? { line, offset: det.offset, reason: det.reason } : { line, offset: det.offset };
    return fail(finding("CSV_ENCODING_INVALID", file, { line }, args));
  }
  const findings: Finding[] = [];
  if (det.encoding === "windows-1252") findings.push(finding("CSV_ENCODING", file, {}, { encoding: "windows-1252" }));

  let info: CsvInfo | undefined;
  let header = false;
  let expected = 0;
  let rows = 0;
  let syntaxCount = 0;
  const syntax = (line: number, args: Record<string, string | number>): void => {
    if (++syntaxCount <= MAX_SYNTAX_FINDINGS) findings.push(finding("CSV_SYNTAX", file, { line }, args));
  };
  let reader: CsvRecordReader | undefined;
  const rowSink = dataRows(expected, syntax, handlers.onRow);
  const sink = {
    record(cells: string[], line: number): void {
      if (header) {
        if (rowSink.record(cells, line)) rows++;
        return;
      }
      if (isBlank(cells)) return;
      header = true;
      expected = cells.length;
      rowSink.expected = expected;
      handlers.onHeader(cells, line, info as CsvInfo);
    },
    syntax(kind: SyntaxKind, line: number): void {
      syntax(line, { kind });
      // Without a header no later line can be trusted to be one.
      if (!header) reader?.stop();
    },
  };

  const decode = decoder(det.encoding);
  // Two buffers: the next chunk is read from disk while the current one is parsed.
  const bufs = [Buffer.allocUnsafe(READ_CHUNK_BYTES), Buffer.allocUnsafe(READ_CHUNK_BYTES)] as const;
  let k = 0;
  let head = "";
  let pos = det.skip;
  let reported = 0;
  const feed = (text: string, final: boolean): void => {
    if (reader) return final ? reader.end() : reader.push(text);
    head += text;
    const delimiter = detectDelimiter(head, final) ?? (head.length > MAX_RECORD_CHARS ? "," : undefined);
    if (!delimiter) return;
    info = { encoding: det.encoding, bom: det.bom, delimiter };
    reader = new CsvRecordReader(delimiter, sink);
    reader.push(head);
    head = "";
    if (final) reader.end();
  };
  // With a split, the chunk before it ends exactly there; chunks keep their places in the
  // file either way (the record reader's length limit is checked at chunk ends).
  let splitAt = handlers.split && det.encoding !== "utf-16le" && handlers.split.at > pos ? handlers.split.at : size;
  const readAt = (b: Buffer, at: number) => fh.read(b, 0, chunkLength(at, det.skip, at < splitAt ? splitAt : size), at);
  let next = pos < size ? readAt(bufs[0], pos) : undefined;
  let rest: RangeSyntax | undefined;
  while (next && !reader?.stopped) {
    const { bytesRead } = await io(next);
    next = undefined;
    if (bytesRead === 0) break;
    const cur = k === 0 ? bufs[0] : bufs[1];
    pos += bytesRead;
    k ^= 1;
    if (pos < size && pos !== splitAt) next = readAt(k === 0 ? bufs[0] : bufs[1], pos);
    feed(decode.write(cur.subarray(0, bytesRead)), false);
    if (handlers.onProgress && pos - reported >= PROGRESS_BYTES) {
      reported = pos;
      handlers.onProgress(Math.round((pos / splitAt) * size), size);
    }
    if (pos === splitAt && handlers.split) {
      const clean = header && reader !== undefined && reader.atRecordStart;
      rest = await handlers.split.reached(reader?.nextLine ?? 1, clean);
      if (rest) break;
      splitAt = size;
      if (pos < size) next = readAt(k === 0 ? bufs[0] : bufs[1], pos);
    }
  }
  if (next) await next.catch(() => undefined);
  if (rest) {
    // The rest was read elsewhere: its findings continue this part's.
    for (const f of rest.kept) if (++syntaxCount <= MAX_SYNTAX_FINDINGS) findings.push(f);
    syntaxCount += rest.count - rest.kept.length;
    rows += rest.rows;
    pos = size;
  } else feed(decode.end(), true);
  handlers.onProgress?.(pos, size);

  if (!header && syntaxCount === 0) findings.push(finding("CSV_EMPTY", file));
  if (syntaxCount > MAX_SYNTAX_FINDINGS) {
    findings.push(finding("FINDINGS_TRUNCATED", file, {}, { code: "CSV_SYNTAX", shown: MAX_SYNTAX_FINDINGS, total: syntaxCount }));
  }
  return { info, rows, findings };
}

/** Bytes to read at `at`: up to the next multiple of the chunk size from `base`, never past `end`. */
function chunkLength(at: number, base: number, end: number): number {
  const boundary = at + READ_CHUNK_BYTES - ((at - base) % READ_CHUNK_BYTES);
  return Math.min(boundary, end) - at;
}

/** Data rows after the header: blank lines skipped, rows of the wrong width reported. */
function dataRows(
  expected: number,
  syntax: (line: number, args: Record<string, string | number>) => void,
  onRow: (cells: string[], line: number) => void,
): { expected: number; record(cells: string[], line: number): boolean } {
  return {
    expected,
    record(cells, line) {
      if (isBlank(cells)) return false;
      if (cells.length !== this.expected) {
        syntax(line, { kind: "ragged", expected: this.expected, got: cells.length });
        return false;
      }
      onRow(cells, line);
      return true;
    },
  };
}

/** Where and how to read the data rows of a part of a file (the header was read elsewhere). */
export interface CsvRange {
  /** Byte just after a line feed, and the line that starts there. */
  start: number;
  line: number;
  encoding: Encoding;
  delimiter: Delimiter;
  /** Cells in the header. */
  expected: number;
  /** Where the encoding's pre-scan started (BOM skipped): chunks are counted from it. */
  skip: number;
}

/**
 * Reads the data rows from `range.start` to the end of the file, as readCsv would after the
 * same point. Throws when the file cannot be read (the caller reads the part itself then).
 */
export async function readCsvRange(path: string, file: string, range: CsvRange, onRow: (cells: string[], line: number) => void): Promise<RangeSyntax> {
  const kept: Finding[] = [];
  let count = 0;
  let rows = 0;
  const syntax = (line: number, args: Record<string, string | number>): void => {
    if (++count <= MAX_SYNTAX_FINDINGS) kept.push(finding("CSV_SYNTAX", file, { line }, args));
  };
  const rowSink = dataRows(range.expected, syntax, onRow);
  const reader = new CsvRecordReader(
    range.delimiter,
    {
      record(cells, line) {
        if (rowSink.record(cells, line)) rows++;
      },
      syntax(kind, line) {
        syntax(line, { kind });
      },
    },
    range.line,
  );
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const decode = decoder(range.encoding);
    const buf = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let pos = range.start;
    while (pos < size && !reader.stopped) {
      const { bytesRead } = await fh.read(buf, 0, chunkLength(pos, range.skip, size), pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      reader.push(decode.write(buf.subarray(0, bytesRead)));
    }
    const tail = decode.end();
    if (tail !== "") reader.push(tail);
    reader.end();
  } finally {
    await fh.close();
  }
  return { kept, count, rows };
}

interface Decoder {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * iconv-lite, loaded on the first Windows-1252 list only (a UTF-8 run saves loading it). Not
 * Node's TextDecoder("windows-1252"): Node 20 decodes 0x80-0x9F as Latin-1 there (U+0080, not €).
 */
let iconv: { decode(b: Buffer, encoding: string): string } | undefined;

function decoder(encoding: Encoding): Decoder {
  if (encoding === "windows-1252") {
    iconv ??= createRequire(import.meta.url)("iconv-lite") as { decode(b: Buffer, encoding: string): string };
    const lib = iconv;
    return { write: (b) => lib.decode(b, "windows-1252"), end: () => "" };
  }
  const d = new StringDecoder(encoding === "utf-8" ? "utf8" : "utf16le");
  return { write: (b) => d.write(b), end: () => d.end() };
}

const BLANK_CELL = /^[\s,;]*$/;

/** A line of nothing but delimiters and whitespace carries no data (the same test that finds the header). */
function isBlank(cells: string[]): boolean {
  for (const c of cells) {
    const ch = c.charCodeAt(0);
    if (ch > 32 && ch < 127 && ch !== 44 && ch !== 59) return false;
    if (!BLANK_CELL.test(c)) return false;
  }
  return true;
}

function fail(f: Finding): CsvReadResult {
  return { rows: 0, findings: [f] };
}

/** A failed read of the list (EIO, a file gone mid-read), kept apart from errors thrown by the handlers. */
class ReadFailure extends Error {
  constructor(override readonly cause: unknown) {
    super("read failed");
  }
}

function io<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    throw new ReadFailure(e);
  });
}

function reasonOf(e: unknown): string {
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  if (code === "ENOENT" || code === "ENOTDIR") return "missing";
  if (code === "EISDIR") return "directory";
  if (code === "EACCES" || code === "EPERM") return "permission";
  return code ?? "unknown";
}
