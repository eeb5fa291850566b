/** Participants of a list -> the applicants and rules of the selection. */
import type { Code } from "./findings.js";
import { groupMatcher } from "./list-checks.js";
import type { Participant } from "./participant.js";
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
  const shared = new Map<string, readonly boolean[]>();
  const membership = (p: Participant): readonly boolean[] => {
    const groups = tests.map((t) => t(p));
    const key = groups.map((g) => (g ? "1" : "0")).join("");
    let m = shared.get(key);
    if (!m) shared.set(key, (m = Object.freeze(groups)));
    return m;
  };
  return (p) => {
    const a: Applicant = { index: p.index, state: "eligible", groups: membership(p), reasons: NO_REASONS };
    if (p.registeredAt !== undefined) a.registeredAt = p.registeredAt;
    if (p.district) a.district = p.district;
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
