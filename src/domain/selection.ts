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
import { byRegistration, code, DISTRICT_FULL, Seats } from "./selection-state.js";
import { coverDistricts, districtLists, fillGroupMinimums, fillInOrder } from "./selection-phases.js";
import {
  reserveReason,
  type Applicant,
  type Decision,
  type DistrictOutcome,
  type GroupOutcome,
  type Phase,
  type Selection,
  type SelectionRules,
  type Shortfall,
} from "./selection-types.js";

export type * from "./selection-types.js";

export function selectParticipants(applicants: readonly Applicant[], rules: SelectionRules): Selection {
  const eligible = applicants.filter((a) => a.state === "eligible" && a.district !== undefined);
  // lists without tanggal_daftar arrive in registration order already: no sort needed
  if (!eligible.every((a, i) => i === 0 || byRegistration(eligible[i - 1] as Applicant, a) < 0)) eligible.sort(byRegistration);
  const s = new Seats(rules, eligible);
  const lists = districtLists(s);
  fillGroupMinimums(s, lists);
  coverDistricts(s, lists);
  fillInOrder(s);

  // by applicant index (0-based row order, so an array and not a map of 100,000 entries),
  // made at its full length: written out of order, a growing array would become a dictionary
  let top = -1;
  // applicants passed in row order (as a roster reads them): the decisions by index are then
  // the decisions in the order given
  let inOrder = true;
  for (let k = 0; k < applicants.length; k++) {
    const i = (applicants[k] as Applicant).index;
    if (i > top) top = i;
    if (i !== k) inOrder = false;
  }
  const decisions = new Array<Decision | undefined>(top + 1);
  s.order.forEach((pos, i) => {
    const a = eligible[pos] as Applicant;
    const r = s.reasons.get(pos);
    decisions[a.index] = new RosterDecision(a.index, "peserta", i + 1, r?.reason ?? "", r?.phase ?? "fill");
  });
  let reserves = 0;
  // a reserve's cause is one of a few, made once: the kecamatan's cap ("kuota kecamatan Bangil
  // penuh (2/2)", by kecamatan number), a group's maximum (by group) or "kursi penuh"
  const districtCause: (string | undefined)[] = [];
  const groupCause: (string | undefined)[] = [];
  let seatsCause: string | undefined;
  const chosen = s.order.length;
  for (let pos = 0; pos < eligible.length; pos++) {
    if (s.chosen[pos]) continue;
    reserves++;
    const a = eligible[pos] as Applicant;
    const block = s.blockedBy(pos);
    const cause =
      block === DISTRICT_FULL
        ? (districtCause[s.district[pos] as number] ??= reserveCause(s, pos))
        : block >= 0
          ? (groupCause[block] ??= reserveCause(s, pos))
          : (seatsCause ??= reserveCause(s, pos));
    decisions[a.index] = new RosterDecision(a.index, "cadangan", chosen + reserves, "", undefined, cause, reserves);
  }
  let ineligible = 0;
  let invalid = 0;
  for (const a of applicants) {
    if (decisions[a.index] !== undefined) continue;
    if (a.state === "invalid" || a.district === undefined) {
      invalid++;
      const why = a.reasons.length > 0 ? a.reasons.join(", ") : "kecamatan tidak dikenal";
      decisions[a.index] = new RosterDecision(a.index, "tidak_memenuhi_syarat", undefined, `data tidak valid: ${why}`);
    } else {
      ineligible++;
      decisions[a.index] = new RosterDecision(a.index, "tidak_memenuhi_syarat", undefined, a.reasons.join("; ") || "tidak memenuhi syarat");
    }
  }
  const groups = groupOutcomes(s);
  return {
    decisions: inOrder && decisions.length === applicants.length ? (decisions as Decision[]) : applicants.map((a) => decisions[a.index] as Decision),
    seats: rules.seats,
    selected: s.order.length,
    reserves,
    ineligible,
    invalid,
    districts: districtOutcomes(applicants, decisions),
    groups,
    shortfalls: shortfalls(s, groups, lists),
  };
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
  const a = s.eligible[pos] as Applicant;
  const block = s.blockedBy(pos);
  if (block === DISTRICT_FULL) return `kuota kecamatan ${a.district?.name ?? code(a)} penuh ${s.districtShare(code(a))}`;
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
      reachable += Math.min(cap, list.filter((pos) => s.eligible[pos]?.groups[g]).length);
    }
    const cause = o.eligible < o.min ? "applicants" : reachable < o.min ? "per_district" : "conflict";
    out.push({ label: o.label, min: o.min, selected: o.selected, eligible: o.eligible, cause });
  });
  return out;
}

function districtOutcomes(applicants: readonly Applicant[], decisions: readonly (Decision | undefined)[]): DistrictOutcome[] {
  const m = new Map<string, DistrictOutcome>();
  for (const a of applicants) {
    if (!a.district) continue;
    let o = m.get(a.district.code);
    if (!o) m.set(a.district.code, (o = { district: a.district, applicants: 0, eligible: 0, selected: 0, reserves: 0 }));
    o.applicants++;
    if (a.state === "eligible") o.eligible++;
    const st = decisions[a.index]?.status;
    if (st === "peserta") o.selected++;
    else if (st === "cadangan") o.reserves++;
  }
  return [...m.values()].sort((x, y) => (x.district.code < y.district.code ? -1 : 1));
}
