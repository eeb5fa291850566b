/**
 * Who gets a seat. Pure: the same applicants and rules always give the same decisions,
 * whatever order the applicants are passed in (registration date, then row order, decide).
 *
 * Priorities: (1) group minimums (e.g. at least 8 women) when enough eligible people of
 * the group applied, (2) one seat for every kecamatan with an eligible applicant before any
 * kecamatan gets a second, (3) the remaining seats in registration order. No step ever
 * breaks the total, the per-kecamatan cap or a group maximum. Everyone else eligible is a
 * ranked reserve (cadangan), in registration order.
 */
import { DISTRICT_FULL, registrationOrder, Seats } from "./selection-state.js";
import { coverDistricts, districtLists, fillGroupMinimums, fillInOrder } from "./selection-phases.js";
import type { AreaRef } from "./participant.js";
import {
  APPLICANT_STATES,
  CADANGAN,
  ELIGIBLE,
  INVALID,
  PESERTA,
  reserveReason,
  TIDAK_MEMENUHI_SYARAT,
  type Applicant,
  type ApplicantTable,
  type DecisionTable,
  type Decision,
  type DistrictOutcome,
  type GroupOutcome,
  type Phase,
  type Selection,
  type SelectionRules,
  type Shortfall,
} from "./selection-types.js";

export type * from "./selection-types.js";

/** The selection of applicant records: the decisions come in the order the records were given. */
export function selectParticipants(applicants: readonly Applicant[], rules: SelectionRules): Selection {
  return selectApplicants(applicantTable(applicants), rules);
}

/** Applicant records as columns; kecamatan are told apart by code. */
export function applicantTable(applicants: readonly Applicant[]): ApplicantTable {
  const n = applicants.length;
  const districts: AreaRef[] = [];
  const numberOf = new Map<string, number>();
  const t = {
    count: n,
    index: new Int32Array(n),
    state: new Uint8Array(n),
    district: new Int32Array(n),
    districts,
    groups: new Uint32Array(n),
    registeredAt: new Map<number, string>(),
    reasons: new Map<number, readonly string[]>(),
  };
  applicants.forEach((a, k) => {
    t.index[k] = a.index;
    t.state[k] = APPLICANT_STATES.indexOf(a.state);
    let d = -1;
    if (a.district) {
      d = numberOf.get(a.district.code) ?? -1;
      if (d < 0) {
        d = districts.push(a.district) - 1;
        numberOf.set(a.district.code, d);
      }
    }
    t.district[k] = d;
    let mask = 0;
    a.groups.forEach((member, g) => {
      if (member) mask |= 1 << g;
    });
    t.groups[k] = mask;
    if (a.registeredAt !== undefined) t.registeredAt.set(k, a.registeredAt);
    if (a.reasons.length > 0) t.reasons.set(k, a.reasons);
  });
  return t;
}

/**
 * The selection of applicants given as columns (a roster's 100,000 rows), read from typed
 * arrays: the eligible ones are picked out and put in registration order, the steps work
 * on them by position, and one last pass over everyone decides the rest and counts per
 * kecamatan.
 */
export function selectApplicants(t: ApplicantTable, rules: SelectionRules): Selection {
  const s = new Seats(rules, t, registrationOrder(t));
  const lists = districtLists(s);
  fillGroupMinimums(s, lists);
  coverDistricts(s, lists);
  fillInOrder(s);

  // by entry: columns, not an object per applicant
  const n = t.count;
  const status = new Uint8Array(n).fill(UNDECIDED);
  const rank = new Int32Array(n);
  const reserve = new Int32Array(n);
  const cause = new Int32Array(n);
  const causes: string[] = [];
  const reasons = new Map<number, string>();
  const phases = new Map<number, Phase>();
  s.order.forEach((pos, i) => {
    const k = s.entry[pos] as number;
    const r = s.reasons.get(pos);
    status[k] = PESERTA;
    rank[k] = i + 1;
    reasons.set(k, r?.reason ?? "");
    phases.set(k, r?.phase ?? "fill");
  });
  let reserves = 0;
  // a reserve's cause is one of a few, made once: the kecamatan's cap ("kuota kecamatan Bangil
  // penuh (2/2)", by kecamatan number), a group's maximum (by group) or "kursi penuh"
  const districtCause: (number | undefined)[] = [];
  const groupCause: (number | undefined)[] = [];
  let seatsCause: number | undefined;
  const causeOf = (pos: number): number => causes.push(reserveCause(s, pos)) - 1;
  const chosen = s.order.length;
  for (let pos = 0; pos < s.count; pos++) {
    if (s.chosen[pos]) continue;
    reserves++;
    const k = s.entry[pos] as number;
    const block = s.blockedBy(pos);
    cause[k] =
      block === DISTRICT_FULL
        ? (districtCause[s.district[pos] as number] ??= causeOf(pos))
        : block >= 0
          ? (groupCause[block] ??= causeOf(pos))
          : (seatsCause ??= causeOf(pos));
    status[k] = CADANGAN;
    rank[k] = chosen + reserves;
    reserve[k] = reserves;
  }
  // everyone else is not eligible; and per kecamatan: applicants, eligible, selected, reserves
  let ineligible = 0;
  let invalid = 0;
  const counts = new Int32Array(t.districts.length * 4);
  for (let k = 0; k < n; k++) {
    const d = t.district[k] as number;
    let st = status[k] as number;
    if (st === UNDECIDED) {
      st = status[k] = TIDAK_MEMENUHI_SYARAT;
      const why = t.reasons.get(k) ?? [];
      if (t.state[k] === INVALID || d < 0) {
        invalid++;
        reasons.set(k, `data tidak valid: ${why.length > 0 ? why.join(", ") : "kecamatan tidak dikenal"}`);
      } else {
        ineligible++;
        reasons.set(k, why.join("; ") || "tidak memenuhi syarat");
      }
    }
    if (d < 0) continue;
    (counts[4 * d] as number)++;
    if (t.state[k] === ELIGIBLE) (counts[4 * d + 1] as number)++;
    if (st === PESERTA) (counts[4 * d + 2] as number)++;
    else if (st === CADANGAN) (counts[4 * d + 3] as number)++;
  }
  let index = t.index;
  if (!index) {
    index = new Int32Array(n);
    for (let k = 0; k < n; k++) index[k] = k;
  }
  const table: DecisionTable = { index, status, rank, reserve, cause, causes, reasons, phases };
  const groups = groupOutcomes(s);
  let decisions: Decision[] | undefined;
  return {
    get decisions(): Decision[] {
      return (decisions ??= decisionsOf(table));
    },
    table,
    seats: rules.seats,
    selected: s.order.length,
    reserves,
    ineligible,
    invalid,
    districts: districtOutcomes(t.districts, counts),
    groups,
    shortfalls: shortfalls(s, groups, lists),
  };
}

const UNDECIDED = 255;

/** The decisions as objects, from their columns. */
function decisionsOf(t: DecisionTable): Decision[] {
  return Array.from(t.status, (st, k) => {
    const i = t.index[k] as number;
    if (st === PESERTA) return new RosterDecision(i, "peserta", t.rank[k], t.reasons.get(k) ?? "", t.phases.get(k) ?? "fill");
    if (st === CADANGAN) return new RosterDecision(i, "cadangan", t.rank[k], "", undefined, t.causes[t.cause[k] as number], t.reserve[k]);
    return new RosterDecision(i, "tidak_memenuhi_syarat", undefined, t.reasons.get(k) ?? "");
  });
}

/**
 * A decision, of any status: one class, so that the documents' loops over 100,000 of them
 * see objects of one shape (they were object literals of three shapes). A reserve's reason
 * is made when it is read: a provincial list has 100,000 reserves, whose documents write
 * the cause and the number without it (roster-rows.ts).
 */
class RosterDecision implements Decision {
  constructor(
    readonly index: number,
    readonly status: Decision["status"],
    readonly rank: number | undefined,
    private readonly text: string,
    readonly phase?: Phase,
    readonly cause?: string,
    readonly reserve?: number,
  ) {}

  get reason(): string {
    return this.cause === undefined ? this.text : reserveReason(this.cause, this.reserve as number);
  }
}

function reserveCause(s: Seats, pos: number): string {
  const block = s.blockedBy(pos);
  if (block === DISTRICT_FULL) return `kuota kecamatan ${s.districtOf(pos).name} penuh ${s.districtShare(pos)}`;
  if (block >= 0) {
    const rule = s.rules.groups[block];
    return `kuota ${rule?.label} penuh (${s.perGroup[block]}/${rule?.max})`;
  }
  return "kursi penuh";
}

function groupOutcomes(s: Seats): GroupOutcome[] {
  return s.rules.groups.map((rule, g) => {
    const eligible = s.members(g);
    const selected = s.perGroup[g] ?? 0;
    return { ...rule, eligible, selected, met: rule.min === undefined || selected >= rule.min };
  });
}

function shortfalls(s: Seats, groups: GroupOutcome[], lists: ReadonlyMap<string, readonly number[]>): Shortfall[] {
  const out: Shortfall[] = [];
  groups.forEach((o, g) => {
    if (o.met || o.min === undefined) return;
    const cap = s.rules.perDistrict ?? Number.POSITIVE_INFINITY;
    let reachable = 0;
    for (const list of lists.values()) {
      reachable += Math.min(cap, list.filter((pos) => s.member(pos, g)).length);
    }
    const cause = o.eligible < o.min ? "applicants" : reachable < o.min ? "per_district" : "conflict";
    out.push({ label: o.label, min: o.min, selected: o.selected, eligible: o.eligible, cause });
  });
  return out;
}

/** The kecamatan with at least one applicant, in code order, from their counts (4 per kecamatan). */
function districtOutcomes(districts: readonly AreaRef[], counts: Int32Array): DistrictOutcome[] {
  const out: DistrictOutcome[] = [];
  districts.forEach((district, d) => {
    const applicants = counts[4 * d] as number;
    if (applicants === 0) return;
    out.push({ district, applicants, eligible: counts[4 * d + 1] as number, selected: counts[4 * d + 2] as number, reserves: counts[4 * d + 3] as number });
  });
  return out.sort((x, y) => (x.district.code < y.district.code ? -1 : 1));
}
