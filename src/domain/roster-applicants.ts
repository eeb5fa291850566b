/** Participants of a list -> the applicants and rules of the selection. */
import type { Code } from "./findings.js";
import { groupMatcher } from "./list-checks.js";
import type { AreaRef, Participant } from "./participant.js";
import type { GroupQuota, Program } from "./program.js";
import type { Applicant, GroupRule, SelectionRules } from "./selection-types.js";
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

/** Codes that go into `Participant.errors`: a row with one of these cannot be selected. */
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

const NO_REASONS: readonly string[] = Object.freeze([]);

/**
 * The applicant record of each participant, as the list is read. `index` maps canonical
 * column names to cell positions (for group fields that are plain columns). Applicants in
 * the same groups share one membership array.
 */
export function applicantMaker(program: Program, index: ReadonlyMap<string, number>): (p: Participant) => Applicant {
  const tests = program.quota.groups.map((q) => groupMatcher(q, index));
  // one membership array for each combination of groups, found by its bits (a program has a few groups)
  const shared = new Map<number, readonly boolean[]>();
  const membership = (p: Participant): readonly boolean[] => {
    let key = 0;
    for (let g = 0; g < tests.length; g++) if ((tests[g] as (p: Participant) => boolean)(p)) key += 2 ** g;
    let m = shared.get(key);
    if (!m) shared.set(key, (m = Object.freeze(tests.map((_, g) => Math.floor(key / 2 ** g) % 2 === 1))));
    return m;
  };
  return (p) => {
    // every record has the same fields in the same order: one shape for the selection to read
    const a: Applicant = { index: p.index, registeredAt: p.registeredAt, state: "eligible", district: p.district, groups: membership(p), reasons: NO_REASONS };
    if (p.errors.length > 0 || !p.district) {
      a.state = "invalid";
      const words = [...new Set(p.errors.map((c) => ERROR_WORDS[c] ?? c))];
      a.reasons = words.length > 0 ? words : ["kecamatan tidak dikenal"];
    } else if (p.ineligible.length > 0) {
      a.state = "ineligible";
      a.reasons = p.ineligible.map((e) => e.reason);
    }
    return a;
  };
}

/**
 * Applicant records as plain arrays, to hand from the thread that read part of a list to
 * the one that selects: kecamatan as positions in the region's list, groups as bits, and
 * dates and reasons only where there are some.
 */
export interface ApplicantBatch {
  count: number;
  /** 0 eligible, 1 ineligible, 2 invalid. */
  state: Uint8Array;
  /** Position in the region's kecamatan list; -1: none. */
  district: Int32Array;
  /** Bit g: member of quota group g. */
  groups: Uint32Array;
  registeredAt: Map<number, string>;
  reasons: Map<number, readonly string[]>;
}

const STATES = ["eligible", "ineligible", "invalid"] as const;

export function encodeApplicants(list: readonly Applicant[], districts: readonly AreaRef[]): ApplicantBatch {
  const at = new Map(districts.map((d, i) => [d.code, i]));
  const n = list.length;
  const b: ApplicantBatch = {
    count: n,
    state: new Uint8Array(n),
    district: new Int32Array(n),
    groups: new Uint32Array(n),
    registeredAt: new Map(),
    reasons: new Map(),
  };
  list.forEach((a, i) => {
    b.state[i] = STATES.indexOf(a.state);
    b.district[i] = a.district ? (at.get(a.district.code) ?? -1) : -1;
    let mask = 0;
    a.groups.forEach((m, g) => {
      if (m) mask |= 1 << g;
    });
    b.groups[i] = mask;
    if (a.registeredAt !== undefined) b.registeredAt.set(i, a.registeredAt);
    if (a.reasons.length > 0) b.reasons.set(i, a.reasons);
  });
  return b;
}

/** The records again, numbered from `first` (their rows' order in the whole list). */
export function decodeApplicants(b: ApplicantBatch, districts: readonly AreaRef[], groupCount: number, first: number): Applicant[] {
  const shared = new Map<number, readonly boolean[]>();
  const out = new Array<Applicant>(b.count);
  for (let i = 0; i < b.count; i++) {
    const mask = b.groups[i] as number;
    let groups = shared.get(mask);
    if (!groups) shared.set(mask, (groups = Object.freeze(Array.from({ length: groupCount }, (_, g) => (mask & (1 << g)) !== 0))));
    // the same shape as applicantMaker's records
    out[i] = {
      index: first + i,
      registeredAt: b.registeredAt.get(i),
      state: STATES[b.state[i] as number] ?? "invalid",
      district: districts[b.district[i] as number],
      groups,
      reasons: b.reasons.get(i) ?? NO_REASONS,
    };
  }
  return out;
}

/** A row whose NIK turned out to repeat an earlier row's once the parts of a list were put together. */
export function markDuplicate(a: Applicant): void {
  const words = a.state === "invalid" ? a.reasons : [];
  a.state = "invalid";
  a.reasons = [...new Set([...words, ERROR_WORDS.NIK_DUPLICATE as string])];
}
