/**
 * Checks on a list as a whole, fed row by row so nothing but counts and NIK keys is kept:
 * duplicate NIKs, Excel-damaged NIK columns, quotas and coverage.
 */
import { finding, type Finding } from "./findings.js";
import { maskNik, type NikOk } from "./nik.js";
import type { AreaRef, Participant } from "./participant.js";
import type { GroupQuota, Program } from "./program.js";
import { foldHeader } from "./columns.js";
import { NikTable } from "./nik-table.js";
import { parseSex } from "./values.js";

/**
 * The test of membership in a quota group: whether a participant's value in `field` is
 * `value` (case- and punctuation-insensitive). The quota's side is prepared once: the test
 * runs on every row.
 */
export function groupMatcher(q: GroupQuota, index: ReadonlyMap<string, number>): (p: Participant) => boolean {
  const want = foldHeader(q.value);
  switch (q.field) {
    case "jenis_kelamin": {
      const sex = parseSex(q.value);
      const value = sex.ok ? sex.value : undefined;
      return (p) => value !== undefined && p.sex === value;
    }
    case "disabilitas":
      return want === "ya" ? (p) => p.disabilities.length > 0 : (p) => p.disabilities.some((d) => d === want);
    case "kecamatan":
      return (p) => p.district !== undefined && foldHeader(p.district.name) === want;
    default: {
      const at = index.get(q.field) ?? -1;
      return (p) => foldHeader(p.cells[at] ?? "") === want;
    }
  }
}

export interface ListSummary {
  findings: Finding[];
  covered: AreaRef[];
  missing: AreaRef[];
}

interface DistrictCount {
  ref: AreaRef;
  count: number;
  overLine?: number;
  /** In a part: the lines of the first cap+1 rows, for the line that goes over the cap once merged. */
  lines?: number[];
}

/** A ListChecker's counts over the second part of a list, to merge (see ListChecker.merge). */
export interface CheckerPart {
  validNiks: number;
  endingInZero: number;
  inProgram: number;
  perDistrict: DistrictCount[];
  groups: number[];
}

/**
 * Valid NIKs of a part of a list in row order, four numbers a row: the NIK's two 8-digit
 * halves (NikTable.halves), the line, and the place its duplicate finding would take.
 */
export class NikLog {
  data: Uint32Array;
  length = 0;

  constructor(rows = 1024) {
    this.data = new Uint32Array(Math.max(rows, 1024) * 4);
  }

  push(h: number, l: number, line: number, seq: number): void {
    if (this.length + 4 > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const d = this.data;
    d[this.length] = h;
    d[this.length + 1] = l;
    d[this.length + 2] = line;
    d[this.length + 3] = seq;
    this.length += 4;
  }
}

/**
 * How a ListChecker checks NIKs for duplicates:
 * - `inline` (default): each NIK against the table as its row is read; add() returns the finding;
 * - `batched`: NIKs are buffered and checked against the table a few thousand at a time, in a
 *   tight loop where the processor overlaps the table's cache misses (~3x faster on a million
 *   rows); each finding takes the place `seq` reserved for it (see duplicates()), and past
 *   `keep` findings the rest are only counted (duplicatesNotKept), as a sink would;
 * - `logged`: a part of a list read by another thread: NIKs are only logged, for merge().
 */
export type NikMode =
  | { kind: "inline" }
  | {
      kind: "batched";
      seq(): number;
      /** findings made beyond this are only counted (duplicatesNotKept) */
      keep: number;
      /** Called for every row found to repeat a NIK (its line), when its batch is checked. */
      onDuplicate?: (line: number) => void;
      /** Called after each batch is checked. */
      onBatch?: () => void;
    }
  | { kind: "logged"; niks: NikLog; seq(): number };

const BATCH_ROWS = 4096;

export class ListChecker {
  private validNiks = 0;
  private endingInZero = 0;
  private inProgram = 0;
  private readonly perDistrict = new Map<string, DistrictCount>();
  private readonly groups: number[];
  private groupTests: ((p: Participant) => boolean)[] | undefined;
  private readonly findings: Finding[] = [];
  private readonly batch: NikLog | undefined;
  private readonly dups: { seq: number; finding: Finding }[] = [];
  /** Duplicates found in `batched` mode beyond the first `keep`: counted, no finding made. */
  duplicatesNotKept = 0;
  private duplicatesMade = 0;

  constructor(
    private readonly program: Program,
    private readonly file: string,
    /** Valid NIKs of the list with the line of their first row. */
    private readonly niks: NikTable = new NikTable(),
    private readonly mode: NikMode = { kind: "inline" },
  ) {
    this.groups = program.quota.groups.map(() => 0);
    this.batch = mode.kind === "batched" ? new NikLog(BATCH_ROWS) : undefined;
  }

  /** `inProgram`: the row counts for quotas. Returns the duplicate finding in `inline` mode, if any. */
  add(p: Participant, nik: NikOk | undefined, inProgram: boolean, index: ReadonlyMap<string, number>): Finding | undefined {
    let dup: Finding | undefined;
    if (nik) {
      this.validNiks++;
      if (nik.nik.charCodeAt(15) === 48) this.endingInZero++;
      const mode = this.mode;
      if (mode.kind === "inline") {
        const first = this.niks.add(nik.nik, p.line);
        if (first !== undefined) dup = this.duplicate(nik.nik, p.line, first);
      } else {
        const log = mode.kind === "logged" ? mode.niks : (this.batch as NikLog);
        log.push(nik.high, nik.low, p.line, mode.seq());
        // with onBatch the caller flushes (batchFull), once the row is where its mark goes
        if (log === this.batch && log.length === BATCH_ROWS * 4 && !(mode.kind === "batched" && mode.onBatch)) this.flush();
      }
    }
    if (!inProgram) return dup;
    this.inProgram++;
    if (p.district) {
      let d = this.perDistrict.get(p.district.code);
      if (d === undefined) this.perDistrict.set(p.district.code, (d = { ref: p.district, count: 0 }));
      d.count++;
      const cap = this.program.quota.perDistrict;
      if (cap !== undefined && d.count === cap + 1) d.overLine = p.line;
      if (this.mode.kind === "logged" && cap !== undefined && d.count <= cap + 1) (d.lines ??= []).push(p.line);
    }
    const tests = (this.groupTests ??= this.program.quota.groups.map((q) => groupMatcher(q, index)));
    for (let i = 0; i < tests.length; i++) {
      if ((tests[i] as (p: Participant) => boolean)(p)) this.groups[i] = (this.groups[i] ?? 0) + 1;
    }
    return dup;
  }

  /** `batched` mode: the NIK_DUPLICATE findings so far, each with the place reserved for it. */
  duplicates(): { seq: number; finding: Finding }[] {
    this.flush();
    return this.dups.splice(0);
  }

  /** `batched` mode: a batch of NIKs waits to be checked (flush). */
  get batchFull(): boolean {
    return this.batch !== undefined && this.batch.length >= BATCH_ROWS * 4;
  }

  /** `batched` mode: checks the NIKs buffered so far (done by itself every 4,096 NIKs, unless onBatch is set). */
  flush(): void {
    const log = this.batch;
    if (!log) return;
    if (log.length > 0) this.checkLog(log, this.dups);
    log.length = 0;
    if (this.mode.kind === "batched") this.mode.onBatch?.();
  }

  /** Checks logged NIKs against the table in row order. */
  private checkLog(log: { data: Uint32Array; length: number }, out: { seq: number; finding: Finding }[]): void {
    const t = log.data;
    const mode = this.mode;
    for (let o = 0; o < log.length; o += 4) {
      const first = this.niks.addHalves(t[o] as number, t[o + 1] as number, t[o + 2] as number);
      if (first === undefined) continue;
      if (mode.kind === "batched") mode.onDuplicate?.(t[o + 2] as number);
      if (mode.kind === "batched" && this.duplicatesMade >= mode.keep) {
        this.duplicatesNotKept++;
        continue;
      }
      this.duplicatesMade++;
      out.push({ seq: t[o + 3] as number, finding: this.duplicate(NikTable.nikOf(t[o] as number, t[o + 1] as number), t[o + 2] as number, first) });
    }
  }

  private duplicate(nik: string, line: number, first: number): Finding {
    return finding("NIK_DUPLICATE", this.file, { line, field: "nik" }, { nik: maskNik(nik), first });
  }

  part(): CheckerPart {
    const { validNiks, endingInZero, inProgram, groups } = this;
    return { validNiks, endingInZero, inProgram, perDistrict: [...this.perDistrict.values()], groups };
  }

  /**
   * Adds the counts of a part read after every row seen here, and checks its NIKs in row
   * order as add() would have: returns the duplicate findings with their places (in the
   * part's numbering; a `batched` checker's own come first from duplicates()).
   */
  merge(part: CheckerPart, log: { data: Uint32Array; length: number }): { seq: number; finding: Finding }[] {
    this.validNiks += part.validNiks;
    this.endingInZero += part.endingInZero;
    this.inProgram += part.inProgram;
    part.groups.forEach((n, i) => (this.groups[i] = (this.groups[i] ?? 0) + n));
    const cap = this.program.quota.perDistrict;
    for (const w of part.perDistrict) {
      let d = this.perDistrict.get(w.ref.code);
      if (d === undefined) this.perDistrict.set(w.ref.code, (d = { ref: w.ref, count: 0 }));
      if (cap !== undefined && d.count <= cap && d.count + w.count > cap) d.overLine = w.lines?.[cap - d.count];
      d.count += w.count;
    }
    this.flush();
    const dups: { seq: number; finding: Finding }[] = [];
    this.checkLog(log, dups);
    return dups;
  }

  finish(districts: readonly AreaRef[], headerLine: number): ListSummary {
    const { program, file } = this;
    const out = this.findings;
    if (this.validNiks >= 3 && this.endingInZero === this.validNiks) {
      out.push(finding("NIK_EXCEL_DAMAGE", file, { line: headerLine, field: "nik" }, { count: this.validNiks }));
    }
    if (this.inProgram > program.quota.total) {
      out.push(finding("QUOTA_TOTAL", file, { line: headerLine }, { count: this.inProgram, total: program.quota.total }));
    }
    const cap = program.quota.perDistrict;
    if (cap !== undefined) {
      for (const d of [...this.perDistrict.values()].sort((a, b) => a.ref.code.localeCompare(b.ref.code))) {
        if (d.count > cap) {
          out.push(finding("QUOTA_DISTRICT", file, { line: d.overLine ?? headerLine, field: "kecamatan" }, { district: d.ref.name, count: d.count, max: cap }));
        }
      }
    }
    program.quota.groups.forEach((q, i) => {
      const count = this.groups[i] ?? 0;
      if ((q.min !== undefined && count < q.min) || (q.max !== undefined && count > q.max)) {
        out.push(finding("QUOTA_GROUP", file, { line: headerLine, field: q.field }, { value: q.value, count, min: q.min, max: q.max }));
      }
    });
    const covered = districts.filter((d) => this.perDistrict.has(d.code));
    const missing = districts.filter((d) => !this.perDistrict.has(d.code));
    const min = program.quota.minDistricts;
    if (min !== undefined && covered.length < min) {
      out.push(finding("COVERAGE_LOW", file, { line: headerLine, field: "kecamatan" }, { covered: covered.length, min, total: districts.length }));
    }
    return { findings: out, covered, missing };
  }
}
