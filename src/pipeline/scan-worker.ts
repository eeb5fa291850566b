/**
 * Worker thread: checks the second part of a big participant list while the main thread
 * checks the first (scan.ts, scanList). Lines are counted from 1 at the start of the part;
 * NIKs are logged for the main thread to check in row order; findings come numbered by
 * arrival so that the main thread can merge them as if it had read every row itself.
 */
import { parentPort } from "node:worker_threads";
import { createDistrictMatcher, createVillageMatcher } from "../domain/area-names.js";
import { ListChecker, NikLog, type CheckerPart } from "../domain/list-checks.js";
import type { AreaRef } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import { columnIndex, type RowContext } from "../domain/row-check.js";
import type { VillageRef } from "../domain/area-names.js";
import { readCsvRange, type CsvRange, type RangeSyntax } from "../io/csv-read.js";
import { FindingSink, type SinkPart } from "./finding-sink.js";
import { isBlankRow, scanRow } from "./list-rows.js";
import type { Profile } from "../report/roster-rows.js";
import { RosterList, type RosterPart } from "./roster-list.js";

export interface PartJob {
  path: string;
  file: string;
  /** `line` is 1: lines are shifted by the main thread once it knows where the part starts. */
  range: CsvRange;
  program: Program;
  index: [string, number][];
  days: number;
  hasStatusColumn: boolean;
  districts: AreaRef[];
  villages?: VillageRef[];
  /** Also render each row for a roster and make its applicant record (ScanOptions.rosterPart). */
  roster?: RosterPartJob;
}

export interface RosterPartJob {
  profile: Profile;
  delimiter: string;
  header: string[];
  columns: (string | undefined)[];
  size: number;
}

export interface PartResult {
  rows: number;
  inProgram: number;
  sink: SinkPart;
  checker: CheckerPart;
  niks: { data: Uint32Array; length: number };
  syntax: RangeSyntax;
  /** Milliseconds the part took (PELATIHAN_SPLIT_TRACE). */
  ms: number;
  roster?: RosterPart;
}

async function checkPart(job: PartJob): Promise<PartResult> {
  const t0 = performance.now();
  const { program, file } = job;
  const index = new Map(job.index);
  const ctx: RowContext = { program, file, index, col: columnIndex(index, program.days), days: job.days, matchDistrict: createDistrictMatcher(job.districts).match };
  if (job.villages) {
    const villages = createVillageMatcher(job.villages);
    ctx.matchVillage = (d, raw) => villages.match(d, raw);
  }
  const sink = new FindingSink(undefined, { numbered: true });
  const niks = new NikLog();
  const checker = new ListChecker(program, file, undefined, { kind: "logged", niks, seq: () => sink.reserve() });
  const counts = { inProgram: 0 };
  let rows = 0;
  const roster = job.roster ? new RosterList(program, { ...job.roster, index, districts: job.districts }) : undefined;
  const syntax = await readCsvRange(job.path, file, job.range, (cells, line) => {
    if (isBlankRow(cells)) return;
    const p = scanRow(ctx, cells, line, rows++, job.hasStatusColumn, sink, checker, counts);
    roster?.add(p);
  });
  const result: PartResult = { rows, inProgram: counts.inProgram, sink: sink.part(), checker: checker.part(), niks: { data: niks.data, length: niks.length }, syntax, ms: 0 };
  if (roster) result.roster = roster.part();
  result.ms = performance.now() - t0;
  return result;
}

/** Buffers a result can hand over without a copy. */
function transferable(r: PartResult): ArrayBuffer[] {
  const out = [r.niks.data.buffer as ArrayBuffer];
  const x = r.roster;
  if (x) {
    for (const a of [x.rows.csv, x.rows.pdf]) out.push(a.bytes.buffer as ArrayBuffer, a.ends.buffer as ArrayBuffer);
    out.push(x.applicants.state.buffer as ArrayBuffer, x.applicants.district.buffer as ArrayBuffer, x.applicants.groups.buffer as ArrayBuffer, x.lines.buffer as ArrayBuffer);
  }
  return [...new Set(out)];
}

// Started before the job is known (while the main thread loads the rest): the job comes as a message.
const port = parentPort;
port?.once("message", (job: PartJob) => {
  checkPart(job).then(
    (r) => port.postMessage({ ok: r }, transferable(r)),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
