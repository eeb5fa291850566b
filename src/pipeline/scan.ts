/** One streaming pass over a program's participant list: rows checked, list checked. */
import { open, stat } from "node:fs/promises";
import { createDistrictMatcher, createVillageMatcher, type VillageMatcher } from "../domain/area-names.js";
import { mapHeader, type HeaderMap } from "../domain/columns.js";
import { compareFindings, finding, isFatal } from "../domain/findings.js";
import { ListChecker } from "../domain/list-checks.js";
import { NikTable } from "../domain/nik-table.js";
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import { columnIndex, type RowContext } from "../domain/row-check.js";
import { loadVillages } from "../io/area-data.js";
import { readCsv, type CsvSplit, type RangeSyntax } from "../io/csv-read.js";
import { FindingSink, MAX_FINDINGS_PER_CODE } from "./finding-sink.js";
import { isBlankRow, scanRow } from "./list-rows.js";
import { canSplit, spawnPart, type SecondPart } from "./part-worker.js";
import type { PartResult } from "./scan-worker.js";
import type { ListResult, ScanOptions } from "./types.js";
import { displayPath, type Workspace } from "./workspace.js";

export { isInProgram } from "./list-rows.js";

const villageCache = new Map<string, Promise<VillageMatcher>>();
function villageMatcher(region: string): Promise<VillageMatcher> {
  let m = villageCache.get(region);
  if (!m) {
    m = loadVillages(region).then(createVillageMatcher);
    villageCache.set(region, m);
  }
  return m;
}

/** About one person per 96 bytes of list: NIK tables are sized once from it, not grown. */
const rowsOf = (size: number): number => Math.ceil(size / 96);

/** NIKs of one list (valid ones), for checks across programs; the list's size when known. */
export interface ScanExtras {
  niks?: NikTable;
  size?: number;
}

export async function scanList(ws: Workspace, program: Program, opts: ScanOptions = {}, extras: ScanExtras = {}): Promise<ListResult> {
  const file = displayPath(ws.cwd, program.participantsPath);
  const districts = ws.areas.districtsOf(program.region);
  const matchDistrict = createDistrictMatcher(districts).match;
  const size = extras.size ?? (await stat(program.participantsPath).then((s) => s.size, () => 0));
  // A big list is read in two parts at once when only findings are needed (no rows kept or
  // handed out), or for a roster, whose worker renders its part's rows too. The worker
  // thread starts now, so that it has loaded its code by the time the header is read.
  const roster = opts.onParticipant && opts.onDuplicate ? opts.rosterPart : undefined;
  const split = (!opts.keep && !opts.onParticipant) || roster ? await splitPoint(program.participantsPath, size) : undefined;
  const worker = split !== undefined ? spawnPart() : undefined;
  const stopOnError = (e: unknown): never => {
    worker?.stop();
    throw e;
  };
  const villages = await villageMatcher(program.region).catch(stopOnError);
  const niks = extras.niks ?? new NikTable(rowsOf(size));
  // Rows not kept need no NIK_DUPLICATE mark as they are read: their NIKs are checked in
  // batches and the findings put in place once the list is read. Rows handed out wait for
  // their batch (a few thousand rows), so that they carry the mark.
  const batched = !opts.keep;
  const sink = new FindingSink(undefined, { numbered: batched });
  // rows handed out wait for their NIK batch, unless their duplicates are reported apart
  const early = opts.onDuplicate;
  const waiting = opts.onParticipant && !early ? new WaitingRows((p) => opts.onParticipant?.(p, program)) : undefined;
  // once the second part is merged, its duplicate NIKs are lines of rows handed over after it
  const partDuplicates: number[] = [];
  let merging = false;
  const hooks = waiting?.hooks() ?? (early ? { onDuplicate: (line: number) => early(line, program), onBatch: undefined } : undefined);
  const checker = new ListChecker(
    program,
    file,
    niks,
    batched
      ? {
          kind: "batched",
          seq: () => sink.reserve(),
          keep: MAX_FINDINGS_PER_CODE,
          ...(hooks ? { onDuplicate: (line: number) => (merging ? partDuplicates.push(line) : hooks.onDuplicate(line)) } : {}),
          ...(hooks?.onBatch ? { onBatch: hooks.onBatch } : {}),
        }
      : undefined,
  );
  const result: ListResult = {
    program,
    file,
    header: [],
    columns: [],
    rows: 0,
    inProgram: 0,
    hasStatusColumn: false,
    hasAttendance: false,
    findings: [],
    errors: 0,
    warnings: 0,
    fatal: false,
    participants: [],
  };
  let ctx: RowContext | undefined;
  let map: HeaderMap | undefined;
  let headerLine = 1;
  let rowIndex = 0;
  const counts = { inProgram: 0 };
  const villageList = split !== undefined ? await loadVillages(program.region).catch(stopOnError) : undefined;
  let part: SecondPart | undefined;
  let splitPassed = false;

  const read = await readCsv(program.participantsPath, file, {
    onHeader(cells, line, info) {
      headerLine = line;
      result.header = cells;
      map = mapHeader(cells, file, program.days, line);
      result.columns = map.columns;
      sink.addAll(map.findings);
      result.hasStatusColumn = map.index.has("status");
      result.hasAttendance = map.days > 0;
      const structural = map.findings.some((f) => f.code === "CSV_HEADER_MISSING" || f.code === "CSV_HEADER_DUPLICATE");
      if (structural) return;
      const c: RowContext = { program, file, index: map.index, col: columnIndex(map.index, program.days), days: map.days, matchDistrict };
      if (map.index.has("desa")) c.matchVillage = (d, raw) => villages.match(d, raw);
      ctx = c;
      opts.onHeader?.({ header: cells, columns: map.columns, index: map.index, size }, program);
      if (worker && split !== undefined && info.encoding !== "utf-16le" && !splitPassed) {
        part = worker.start({
          path: program.participantsPath,
          file,
          range: { start: split, line: 1, encoding: info.encoding, delimiter: info.delimiter, expected: cells.length, skip: info.bom ? 3 : 0 },
          program,
          index: [...map.index],
          days: map.days,
          hasStatusColumn: result.hasStatusColumn,
          districts,
          villages: map.index.has("desa") ? villageList : undefined,
          ...(roster ? { roster: { profile: roster.profile, delimiter: roster.delimiter, header: cells, columns: map.columns, size: size - split } } : {}),
        });
      }
    },
    onRow(cells, line) {
      if (isBlankRow(cells)) return;
      result.rows++;
      if (!ctx) return;
      const p = scanRow(ctx, cells, line, rowIndex++, result.hasStatusColumn, sink, checker, counts);
      if (waiting) {
        // rows without a valid NIK do not fill a batch: they are handed out in bounded groups too
        if (waiting.push(p) >= WAITING_MAX || checker.batchFull) checker.flush();
      } else opts.onParticipant?.(p, program);
      if (opts.keep) result.participants.push(p);
    },
    onProgress: opts.onProgress ? (b, t) => opts.onProgress?.(b, t, program) : undefined,
    split:
      split === undefined
        ? undefined
        : partSplit(split, () => {
            splitPassed = true;
            return part;
          }),
  }).finally(() => worker?.stop());
  const rest = part?.taken;
  if (rest) {
    result.rows += rest.rows;
    counts.inProgram += rest.inProgram;
  }
  let all = sink;
  if (batched) {
    // The second part's rows come after every row read here, in the same order as one pass.
    all = new FindingSink();
    all.merge(sink.part(), checker.duplicates());
    merging = true;
    if (rest) all.merge(rest.sink, checker.merge(rest.checker, rest.niks));
    if (rest?.roster && roster) {
      roster.onPart(rest.roster, program);
      for (const line of partDuplicates) early?.(line, program);
    }
    all.addCounted("NIK_DUPLICATE", checker.duplicatesNotKept);
  }
  result.inProgram = counts.inProgram;
  for (const f of read.findings) all.add(f);
  if (read.findings.some(isFatal)) result.fatal = true;
  if (!result.fatal && ctx) {
    const summary = checker.finish(districts, headerLine);
    all.addAll(summary.findings);
    result.coverage = {
      region: program.region,
      regionName: ws.areas.regency(program.region)?.name ?? program.region,
      districts,
      covered: summary.covered,
      missing: summary.missing,
    };
  }
  result.findings = [...all.kept, ...all.truncation(file)].sort(compareFindings);
  result.errors = all.errors;
  result.warnings = all.warnings;
  return result;
}

/** Rows handed out wait for their NIK check in groups of at most this many. */
const WAITING_MAX = 8192;

/**
 * Rows to hand out (ScanOptions.onParticipant) while their NIKs wait in the checker's batch:
 * a row found to repeat a NIK gets its NIK_DUPLICATE mark, then the batch's rows go out in
 * row order.
 */
class WaitingRows {
  private readonly rows: Participant[] = [];
  private marked = 0;

  constructor(private readonly handOut: (p: Participant) => void) {}

  /** How many rows wait now. */
  push(p: Participant): number {
    return this.rows.push(p);
  }

  hooks(): { onDuplicate(line: number): void; onBatch(): void } {
    return {
      onDuplicate: (line) => {
        const rows = this.rows;
        // duplicates come in row order: one walk over the waiting rows per batch
        while (this.marked < rows.length && (rows[this.marked] as Participant).line < line) this.marked++;
        const p = rows[this.marked];
        if (p?.line === line) p.errors = [...p.errors, "NIK_DUPLICATE"];
      },
      onBatch: () => {
        for (const p of this.rows) this.handOut(p);
        this.rows.length = 0;
        this.marked = 0;
      },
    };
  }
}

/**
 * Lists smaller than this are read by one thread: below it a worker's start-up and the
 * compiling of its code cost more than it saves (for validate, and for a roster, which
 * renders each row too: a 100,000-row list of 7 MB is 3-8% slower in two parts, 150,000
 * rows / 11 MB 7% faster, 1,000,000 rows 15% faster).
 */
const SPLIT_MIN_BYTES = 8 << 20;
/**
 * Where the second part starts, as a share of the file, as measured best on 1M rows: the
 * worker starts only once this thread has checked the encoding and read the header, and
 * this thread merges the worker's NIKs at the end.
 */
const SPLIT_SHARE = 0.51;

/**
 * Where a second thread could start reading: just after the first line feed from SPLIT_SHARE
 * of the file on. Undefined for a small list, one core, or when the worker is not built (tests on the
 * sources). PELATIHAN_SPLIT_MIN_BYTES overrides the size and PELATIHAN_SPLIT_TRACE says on stderr
 * where a split was used (tests compare both paths on small lists).
 */
async function splitPoint(path: string, size: number): Promise<number | undefined> {
  const min = Number(process.env.PELATIHAN_SPLIT_MIN_BYTES ?? SPLIT_MIN_BYTES);
  if (!(size >= min) || !canSplit()) return undefined;
  const from = Math.floor(size * SPLIT_SHARE);
  const buf = Buffer.alloc(Math.min(1 << 16, size - from));
  let fh;
  try {
    fh = await open(path, "r");
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    const lf = buf.subarray(0, bytesRead).indexOf(10);
    return lf === -1 || from + lf + 1 >= size ? undefined : from + lf + 1;
  } catch {
    return undefined; // the reader reports what is wrong with the file
  } finally {
    await fh?.close();
  }
}

/**
 * At the split, the worker's part is used only when every record before it is complete (no
 * quoted field runs across it, reading has not stopped): otherwise this thread reads on.
 */
function partSplit(at: number, part: () => SecondPart | undefined): CsvSplit {
  const t0 = performance.now();
  return {
    at,
    async reached(line: number, clean: boolean): Promise<RangeSyntax | undefined> {
      const p = part();
      if (!p) return undefined;
      const here = performance.now() - t0;
      const r = clean ? await p.done : undefined;
      p.stop();
      if (!r) return undefined;
      shiftLines(r, line - 1);
      p.taken = r;
      if (process.env.PELATIHAN_SPLIT_TRACE) {
        const ms = (n: number): string => n.toFixed(0);
        process.stderr.write(`split: line ${line} (this thread ${ms(here)} ms, worker ${ms(r.ms)} ms, waited ${ms(performance.now() - t0 - here)} ms)\n`);
      }
      return r.syntax;
    },
  };
}

/** The worker counted lines from 1 at the split: made lines of the file. */
function shiftLines(r: PartResult, by: number): void {
  for (const f of r.sink.kept) if (f.line !== undefined) f.line += by;
  for (const f of r.syntax.kept) if (f.line !== undefined) f.line += by;
  for (const d of r.checker.perDistrict) {
    if (d.overLine !== undefined) d.overLine += by;
    if (d.lines) d.lines = d.lines.map((l) => l + by);
  }
  const t = r.niks.data;
  for (let o = 2; o < r.niks.length; o += 4) t[o] = (t[o] as number) + by;
  const lines = r.roster?.lines;
  if (lines) for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] as number) + by;
}

/** scanList for each program, then the same NIK in two programs of one fiscal year (PERSON_REPEATED). */
export async function scanPrograms(ws: Workspace, opts: ScanOptions & { programs?: Program[] } = {}): Promise<ListResult[]> {
  const programs = opts.programs ?? ws.programs;
  const results: ListResult[] = [];
  const byYear = new Map<number, NikTable>();
  const perYear = new Map<number, number>();
  for (const p of programs) perYear.set(p.fiscalYear, (perYear.get(p.fiscalYear) ?? 0) + 1);
  const sizes = await Promise.all(programs.map((p) => stat(p.participantsPath).then((s) => s.size, () => 0)));
  const rowsPerYear = new Map<number, number>();
  programs.forEach((p, i) => rowsPerYear.set(p.fiscalYear, (rowsPerYear.get(p.fiscalYear) ?? 0) + rowsOf(sizes[i] ?? 0)));
  for (const [i, program] of programs.entries()) {
    const size = sizes[i] ?? 0;
    const niks = new NikTable(rowsOf(size));
    const r = await scanList(ws, program, opts, { niks, size });
    results.push(r);
    // a program alone in its year cannot repeat anyone: skip a pass over its NIKs
    if (r.fatal || (perYear.get(program.fiscalYear) ?? 0) < 2) continue;
    let year = byYear.get(program.fiscalYear);
    if (!year) byYear.set(program.fiscalYear, (year = new NikTable(rowsPerYear.get(program.fiscalYear))));
    const seen = year;
    let repeated = 0;
    niks.forEachHalves((h, l, line) => {
      // the year's table holds the index of the first program with the NIK
      const first = seen.addHalves(h, l, results.length - 1);
      if (first === undefined) return;
      if (++repeated <= MAX_FINDINGS_PER_CODE) {
        const nik = NikTable.nikOf(h, l);
        r.findings.push(finding("PERSON_REPEATED", r.file, { line, field: "nik" }, { nik: maskNik(nik), other: programs[first]?.id }));
      }
      r.warnings++;
    });
    if (repeated > MAX_FINDINGS_PER_CODE) {
      r.findings.push(finding("FINDINGS_TRUNCATED", r.file, {}, { code: "PERSON_REPEATED", shown: MAX_FINDINGS_PER_CODE, total: repeated }));
    }
    r.findings.sort(compareFindings);
  }
  return results;
}
