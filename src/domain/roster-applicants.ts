/** Participants of a list -> the applicants and rules of the selection. */
import type { Code } from "./findings.js";
import { groupMatcher } from "./list-checks.js";
import type { AreaRef, Participant } from "./participant.js";
import type { GroupQuota, Program } from "./program.js";
import { ELIGIBLE, INELIGIBLE, INVALID, type ApplicantTable, type GroupRule, type SelectionRules } from "./selection-types.js";
import { parseSex } from "./values.js";

/** Short Indonesian words for the data errors that make a row unusable. */
const ERROR_WORDS: Partial<Record<Code, string>> = {
  NIK_FORMAT: "NIK tidak valid",
  NIK_DATE: "tanggal dalam NIK tidak mungkin",
  NIK_DUPLICATE: "NIK ganda",
  NAME_MISSING: "nama kosong",
  DISTRICT_UNKNOWN: "kecamatan tidak dikenal",
  DATE_INVALID: "tanggal tidak valid",
  SEX_INVALID: "jenis kelamin tidak valid",
  DISABILITY_INVALID: "disabilitas tidak dikenal",
  ATTENDANCE_INVALID: "kehadiran tidak valid",
  VALUE_INVALID: "isian kolom tidak valid",
};

/** Findings that selection settles (quotas, coverage, eligibility): they stop neither roster nor certificates. */
export const SETTLED_BY_SELECTION: ReadonlySet<Code> = new Set<Code>([
  "QUOTA_TOTAL",
  "QUOTA_DISTRICT",
  "QUOTA_GROUP",
  "COVERAGE_LOW",
  "AGE_OUT_OF_RANGE",
  "DISABILITY_REQUIRED",
  "SEX_NOT_ELIGIBLE",
]);

/** Codes that go into `Participant.errors`: a row with one of these cannot be selected. */
export const ROW_ERROR_CODES: ReadonlySet<Code> = new Set(Object.keys(ERROR_WORDS) as Code[]);

/** "perempuan", "penyandang disabilitas", "disabilitas fisik", "pendidikan SMA". */
export function groupLabel(q: GroupQuota): string {
  if (q.field === "jenis_kelamin") {
    const sex = parseSex(q.value);
    if (sex.ok && sex.value) return sex.value === "P" ? "perempuan" : "laki-laki";
  }
  if (q.field === "disabilitas") {
    return q.value.trim().toLowerCase() === "ya" ? "penyandang disabilitas" : `disabilitas ${q.value.trim()}`;
  }
  return `${q.field.replace(/_/g, " ")} ${q.value.trim()}`;
}

export function selectionRules(program: Program): SelectionRules {
  const groups: GroupRule[] = program.quota.groups.map((q) => {
    const r: GroupRule = { label: groupLabel(q) };
    if (q.min !== undefined) r.min = q.min;
    if (q.max !== undefined) r.max = q.max;
    return r;
  });
  const rules: SelectionRules = { seats: program.quota.total, groups };
  if (program.quota.perDistrict !== undefined) rules.perDistrict = program.quota.perDistrict;
  return rules;
}

/**
 * The applicant records of a list as columns, added row by row while the list is read:
 * 100,000 rows are a few typed arrays, not 100,000 objects, and the selection reads them as
 * they are (table()).
 */
export class ApplicantColumns {
  private b: ApplicantBatch = { count: 0, state: new Uint8Array(1024), district: new Int32Array(1024), groups: new Uint32Array(1024), registeredAt: new Map(), reasons: new Map() };
  private readonly tests: ((p: Participant) => boolean)[];
  private readonly at: Map<string, number>;

  constructor(
    program: Program,
    /** Canonical column name -> cell position (for group fields that are plain columns). */
    index: ReadonlyMap<string, number>,
    /** The region's kecamatan: a row's kecamatan is one of them (or none). */
    private readonly districts: readonly AreaRef[],
  ) {
    this.tests = program.quota.groups.map((q) => groupMatcher(q, index));
    this.at = new Map(districts.map((d, i) => [d.code, i]));
  }

  private room(n: number): void {
    const b = this.b;
    if (n <= b.state.length) return;
    const size = Math.max(n, b.state.length * 2);
    const grow = <T extends Uint8Array | Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(a);
      return next;
    };
    b.state = grow(b.state, (n) => new Uint8Array(n));
    b.district = grow(b.district, (n) => new Int32Array(n));
    b.groups = grow(b.groups, (n) => new Uint32Array(n));
  }

  /** Adds the record of the next row. */
  add(p: Participant): void {
    const b = this.b;
    const i = b.count;
    this.room(i + 1);
    b.count = i + 1;
    let mask = 0;
    for (let g = 0; g < this.tests.length; g++) if ((this.tests[g] as (p: Participant) => boolean)(p)) mask |= 1 << g;
    b.groups[i] = mask;
    b.district[i] = p.district ? (this.at.get(p.district.code) ?? -1) : -1;
    if (p.registeredAt !== undefined) b.registeredAt.set(i, p.registeredAt);
    if (p.errors.length > 0 || b.district[i] === -1) {
      b.state[i] = INVALID;
      const words = [...new Set(p.errors.map((c) => ERROR_WORDS[c] ?? c))];
      b.reasons.set(i, words.length > 0 ? words : ["kecamatan tidak dikenal"]);
    } else if (p.ineligible.length > 0) {
      b.state[i] = INELIGIBLE;
      b.reasons.set(i, p.ineligible.map((e) => e.reason));
    } else b.state[i] = ELIGIBLE;
  }

  /** Record i's row repeats an earlier row's NIK (found after it was added). */
  markDuplicate(i: number): void {
    const b = this.b;
    const words = b.state[i] === INVALID ? (b.reasons.get(i) ?? []) : [];
    b.state[i] = INVALID;
    b.reasons.set(i, [...new Set([...words, ERROR_WORDS.NIK_DUPLICATE as string])]);
  }

  /** The records as data another thread can hand over. */
  batch(): ApplicantBatch {
    const b = this.b;
    return { ...b, state: b.state.slice(0, b.count), district: b.district.slice(0, b.count), groups: b.groups.slice(0, b.count) };
  }

  /** Adds the records of a part read by another thread, after the ones here. */
  append(part: ApplicantBatch): void {
    const b = this.b;
    const first = b.count;
    this.room(first + part.count);
    b.state.set(part.state.subarray(0, part.count), first);
    b.district.set(part.district.subarray(0, part.count), first);
    b.groups.set(part.groups.subarray(0, part.count), first);
    for (const [i, v] of part.registeredAt) b.registeredAt.set(first + i, v);
    for (const [i, v] of part.reasons) b.reasons.set(first + i, v);
    b.count = first + part.count;
  }

  /** The records, in row order, as the selection reads them. */
  table(): ApplicantTable {
    return { ...this.b, districts: this.districts };
  }
}

/**
 * Applicant records as plain arrays, to hand from the thread that read part of a list to
 * the one that selects: kecamatan as positions in the region's list, groups as bits, and
 * dates and reasons only where there are some (an ApplicantTable without its kecamatan).
 */
export interface ApplicantBatch {
  count: number;
  /** A number in APPLICANT_STATES: 0 eligible, 1 ineligible, 2 invalid. */
  state: Uint8Array;
  /** Position in the region's kecamatan list; -1: none. */
  district: Int32Array;
  /** Bit g: member of quota group g. */
  groups: Uint32Array;
  registeredAt: Map<number, string>;
  reasons: Map<number, readonly string[]>;
}
