/** The data that goes into and comes out of the roster selection (src/domain/selection.ts). */
import type { AreaRef, RosterStatus } from "./participant.js";

export interface Applicant {
  /** 0-based row order in the list: identity and the last tie-break. */
  index: number;
  /** `tanggal_daftar` (ISO) when the list has it; rows without one come after dated rows. */
  registeredAt?: string;
  state: "eligible" | "ineligible" | "invalid";
  /** Required for eligible applicants. */
  district?: AreaRef;
  /** Membership of each quota group, in the order of `SelectionRules.groups`. */
  groups: readonly boolean[];
  /** Why an ineligible or invalid applicant cannot be chosen (short Indonesian phrases). */
  reasons: readonly string[];
}

/** Applicant states by their number in ApplicantTable.state. */
export const APPLICANT_STATES = ["eligible", "ineligible", "invalid"] as const;
export const ELIGIBLE = 0;
export const INELIGIBLE = 1;
export const INVALID = 2;

/**
 * Applicants as columns, one entry per applicant in input order: how a roster keeps the
 * records of 100,000 rows (ApplicantColumns), without an object each. selectParticipants
 * makes one from Applicant records.
 */
export interface ApplicantTable {
  count: number;
  /** Each entry's Applicant.index; absent: the entry's own position. */
  index?: Int32Array;
  /** A number in APPLICANT_STATES. */
  state: Uint8Array;
  /** A position in `districts`; -1: none (never eligible). */
  district: Int32Array;
  /** The kecamatan the entries point to, one per code. */
  districts: readonly AreaRef[];
  /** Bit g: member of quota group g (groups 0..31). */
  groups: Uint32Array;
  /** `tanggal_daftar` and the reasons, by entry, where there are some. */
  registeredAt: ReadonlyMap<number, string>;
  reasons: ReadonlyMap<number, readonly string[]>;
}

export interface GroupRule {
  /** Indonesian words for the group: "perempuan", "disabilitas fisik". */
  label: string;
  min?: number;
  max?: number;
}

export interface SelectionRules {
  seats: number;
  perDistrict?: number;
  groups: readonly GroupRule[];
}

/** Which step chose a participant: a group minimum, kecamatan coverage, or registration order. */
export type Phase = "group" | "coverage" | "fill";

export interface Decision {
  index: number;
  status: RosterStatus;
  /** Peserta 1..n in the order chosen, then cadangan n+1.. in registration order. */
  rank?: number;
  /** One line in Indonesian. */
  reason: string;
  phase?: Phase;
  /** A reserve's cause and its place among the reserves (1..): its reason is reserveReason(cause, reserve). */
  cause?: string;
  reserve?: number;
}

const RESERVE = ", cadangan ke-";

/** A reserve's reason: "kursi penuh, cadangan ke-3". */
export function reserveReason(cause: string, n: number): string {
  return `${cause}${RESERVE}${n}`;
}

/** reserveReason(cause, n).length for an n of `digits` digits, without making it. */
export function reserveReasonLength(cause: string, digits: number): number {
  return cause.length + RESERVE.length + digits;
}

export interface GroupOutcome extends GroupRule {
  /** Eligible applicants in the group, and how many were chosen. */
  eligible: number;
  selected: number;
  met: boolean;
}

/** A group minimum that could not be met, and the first cause found. */
export interface Shortfall {
  label: string;
  min: number;
  selected: number;
  eligible: number;
  /** applicants: too few eligible in the group; per_district: the kecamatan cap allows fewer;
   *  seats/conflict: other quotas took the seats. */
  cause: "applicants" | "per_district" | "conflict";
}

export interface DistrictOutcome {
  district: AreaRef;
  applicants: number;
  eligible: number;
  selected: number;
  reserves: number;
}

/** The statuses by their number in DecisionTable.status. */
export const STATUSES: readonly RosterStatus[] = ["peserta", "cadangan", "tidak_memenuhi_syarat"];
export const PESERTA = 0;
export const CADANGAN = 1;
export const TIDAK_MEMENUHI_SYARAT = 2;

/**
 * The decisions as columns, one entry per applicant in input order: what the roster's
 * documents read for 100,000 rows, without an object per row.
 */
export interface DecisionTable {
  /** The applicant's index (Applicant.index). */
  index: Int32Array;
  /** Its number in STATUSES. */
  status: Uint8Array;
  /** Peserta 1..n, cadangan n+1..; 0: none. */
  rank: Int32Array;
  /** Cadangan: its place among the reserves (1..) and its cause, a number in `causes`. */
  reserve: Int32Array;
  cause: Int32Array;
  causes: string[];
  /** Peserta and tidak_memenuhi_syarat: the reason, by entry. */
  reasons: Map<number, string>;
  /** Peserta: the step that chose them, by entry. */
  phases: Map<number, Phase>;
}

export interface Selection {
  /** One per applicant, in input order (made from `table` when first read). */
  readonly decisions: Decision[];
  /** The same decisions as columns. */
  table: DecisionTable;
  seats: number;
  selected: number;
  reserves: number;
  ineligible: number;
  invalid: number;
  /** Kecamatan with at least one applicant, in code order. */
  districts: DistrictOutcome[];
  groups: GroupOutcome[];
  shortfalls: Shortfall[];
}
