/**
 * One list's roster as the list is read, by either thread (scan.ts, scan-worker.ts): each
 * row rendered (RosterRows), its applicant record for the selection, and its line, in list
 * order. A row found later to repeat an earlier row's NIK is marked by its line.
 */
import type { AreaRef, Participant } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import { ApplicantColumns, type ApplicantBatch } from "../domain/roster-applicants.js";
import type { ApplicantTable } from "../domain/selection-types.js";
import { RosterRows, type Profile, type RenderedRows } from "../report/roster-rows.js";

/** The rows of a part read by another thread, as data it can hand over (buffers and typed arrays). */
export interface RosterPart {
  rows: RenderedRows;
  applicants: ApplicantBatch;
  /** Each row's line in the file (the worker counts from its part's start; scan.ts shifts them). */
  lines: Int32Array;
}

export interface RosterListOptions {
  header: readonly string[];
  columns: readonly (string | undefined)[];
  /** Canonical column -> cell index. */
  index: ReadonlyMap<string, number>;
  profile: Profile;
  delimiter: string;
  /** The list's (or part's) size in bytes: the buffers are sized once from it. */
  size: number;
  /** The region's kecamatan (a row's kecamatan is one of them). */
  districts: readonly AreaRef[];
}

export class RosterList {
  readonly rows: RosterRows;
  private readonly records: ApplicantColumns;
  private readonly lines: number[] = [];

  constructor(program: Program, o: RosterListOptions) {
    this.rows = new RosterRows(o.header, o.columns, o.profile, o.delimiter, o.size);
    this.records = new ApplicantColumns(program, o.index, o.districts);
  }

  add(p: Participant): void {
    this.rows.add(p);
    this.records.add(p);
    this.lines.push(p.line);
  }

  /** The row at `line` repeats an earlier row's NIK (found after it was added). */
  markDuplicate(line: number): void {
    const i = lowerBound(this.lines, line);
    if (this.lines[i] === line) this.records.markDuplicate(i);
  }

  /** The applicant records of the rows, in row order, for the selection. */
  applicants(): ApplicantTable {
    return this.records.table();
  }

  /** The rows added here, for the thread that reads the rest of the list. */
  part(): RosterPart {
    return { rows: this.rows.part(), applicants: this.records.batch(), lines: Int32Array.from(this.lines) };
  }

  /** Adds the rows of a part read by another thread, after the rows here. */
  append(part: RosterPart): void {
    this.rows.append(part.rows);
    this.records.append(part.applicants);
    for (const line of part.lines) this.lines.push(line);
  }
}

/** The first position in an ascending array whose value is at least `x`. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
