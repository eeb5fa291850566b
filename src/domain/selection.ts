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
  CADANGAN,
  PESERTA,
  reserveReason,
  TIDAK_MEMENUHI_SYARAT,
  type Applicant,
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

export function selectParticipants(applicants: readonly Applicant[], rules: SelectionRules): Selection {
  const eligible = applicants.filter((a) => a.state === "eligible" && a.district !== undefined);
  // lists without tanggal_daftar arrive in registration order already: no sort needed
  if (!eligible.every((a, i) => i === 0 || byRegistration(eligible[i - 1] as Applicant, a) < 0)) eligible.sort(byRegistration);
  const s = new Seats(rules, eligible);
  const lists = districtLists(s);
  fillGroupMinimums(s, lists);
  coverDistricts(s, lists);
  fillInOrder(s);

  // by applicant index (0-based row order): columns, not an object per applicant
  let top = -1;
  // applicants passed in row order (as a roster reads them): the columns by index are then
  // the columns in the order given
  let inOrder = true;
  for (let k = 0; k < applicants.length; k++) {
    const i = (applicants[k] as Applicant).index;
    if (i > top) top = i;
    if (i !== k) inOrder = false;
  }
  const n = top + 1;
  const status = new Uint8Array(n).fill(UNDECIDED);
  const rank = new Int32Array(n);
  const reserve = new Int32Array(n);
  const cause = new Int32Array(n);
  const causes: string[] = [];
  const reasons = new Map<number, string>();
  const phases = new Map<number, Phase>();
  s.order.forEach((pos, i) => {
    const a = (eligible[pos] as Applicant).index;
    const r = s.reasons.get(pos);
    status[a] = PESERTA;
    rank[a] = i + 1;
    reasons.set(a, r?.reason ?? "");
    phases.set(a, r?.phase ?? "fill");
  });
  let reserves = 0;
  // a reserve's cause is one of a few, made once: the kecamatan's cap ("kuota kecamatan Bangil
  // penuh (2/2)", by kecamatan number), a group's maximum (by group) or "kursi penuh"
  const districtCause: (number | undefined)[] = [];
  const groupCause: (number | undefined)[] = [];
  let seatsCause: number | undefined;
  const causeOf = (pos: number): number => causes.push(reserveCause(s, pos)) - 1;
  const chosen = s.order.length;
  for (let pos = 0; pos < eligible.length; pos++) {
    if (s.chosen[pos]) continue;
    reserves++;
    const a = (eligible[pos] as Applicant).index;
    const block = s.blockedBy(pos);
    cause[a] =
      block === DISTRICT_FULL
        ? (districtCause[s.district[pos] as number] ??= causeOf(pos))
        : block >= 0
          ? (groupCause[block] ??= causeOf(pos))
          : (seatsCause ??= causeOf(pos));
    status[a] = CADANGAN;
    rank[a] = chosen + reserves;
    reserve[a] = reserves;
  }
  let ineligible = 0;
  let invalid = 0;
  for (const a of applicants) {
    if (status[a.index] !== UNDECIDED) continue;
    status[a.index] = TIDAK_MEMENUHI_SYARAT;
    if (a.state === "invalid" || a.district === undefined) {
      invalid++;
      const why = a.reasons.length > 0 ? a.reasons.join(", ") : "kecamatan tidak dikenal";
      reasons.set(a.index, `data tidak valid: ${why}`);
    } else {
      ineligible++;
      reasons.set(a.index, a.reasons.join("; ") || "tidak memenuhi syarat");
    }
  }
  const byIndex: DecisionTable = { index: Int32Array.from({ length: n }, (_, i) => i), status, rank, reserve, cause, causes, reasons, phases };
  const table = inOrder && n === applicants.length ? byIndex : inInputOrder(byIndex, applicants);
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
    districts: districtOutcomes(applicants, byIndex),
    groups,
    shortfalls: shortfalls(s, groups, lists),
  };
}

const UNDECIDED = 255;

/** The columns by index, in the order the applicants were given. */
function inInputOrder(t: DecisionTable, applicants: readonly Applicant[]): DecisionTable {
  const n = applicants.length;
  const out: DecisionTable = {
    index: new Int32Array(n),
    status: new Uint8Array(n),
    rank: new Int32Array(n),
    reserve: new Int32Array(n),
    cause: new Int32Array(n),
    causes: t.causes,
    reasons: new Map(),
    phases: new Map(),
  };
  applicants.forEach((a, k) => {
    const i = a.index;
    out.index[k] = i;
    out.status[k] = t.status[i] as number;
    out.rank[k] = t.rank[i] as number;
    out.reserve[k] = t.reserve[i] as number;
    out.cause[k] = t.cause[i] as number;
    const reason = t.reasons.get(i);
    if (reason !== undefined) out.reasons.set(k, reason);
    const phase = t.phases.get(i);
    if (phase !== undefined) out.phases.set(k, phase);
  });
  return out;
}

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

function districtOutcomes(applicants: readonly Applicant[], byIndex: DecisionTable): DistrictOutcome[] {
  const m = new Map<string, DistrictOutcome>();
  for (const a of applicants) {
    if (!a.district) continue;
    let o = m.get(a.district.code);
    if (!o) m.set(a.district.code, (o = { district: a.district, applicants: 0, eligible: 0, selected: 0, reserves: 0 }));
    o.applicants++;
    if (a.state === "eligible") o.eligible++;
    const st = byIndex.status[a.index];
    if (st === PESERTA) o.selected++;
    else if (st === CADANGAN) o.reserves++;
  }
  return [...m.values()].sort((x, y) => (x.district.code < y.district.code ? -1 : 1));
}
