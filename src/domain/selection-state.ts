/** Seats taken so far during a selection: counts per kecamatan and group, and the reasons. */
import type { Applicant, Phase, SelectionRules } from "./selection-types.js";

/** Registration order: dated rows by date, then undated rows; row order breaks ties. */
export function byRegistration(a: Applicant, b: Applicant): number {
  const ra = a.registeredAt;
  const rb = b.registeredAt;
  if (ra !== rb) {
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra < rb ? -1 : 1;
  }
  return a.index - b.index;
}

export const NOT_BLOCKED = -1;
export const DISTRICT_FULL = -2;

export class Seats {
  total = 0;
  readonly perGroup: number[];
  readonly chosen: Uint8Array;
  /** Positions in `eligible`, in the order they were chosen. */
  readonly order: number[] = [];
  readonly reasons = new Map<number, { phase: Phase; reason: string }>();
  /**
   * Kecamatan by number (in order of first appearance): each eligible position's kecamatan,
   * and the counts below by number, so that the passes over 100,000 applicants look up
   * arrays and not maps of kecamatan codes.
   */
  readonly district: Int32Array;
  readonly codes: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly taken: Int32Array;
  /** Per kecamatan number and group (d * groups + g): members not chosen yet. */
  private readonly unchosen: Int32Array;
  /** The same as `unchosen` before anyone is chosen. */
  private readonly memberCounts: Int32Array;

  constructor(
    readonly rules: SelectionRules,
    /** Eligible applicants in registration order; every one has a district. */
    readonly eligible: readonly Applicant[],
  ) {
    const groups = rules.groups.length;
    this.perGroup = rules.groups.map(() => 0);
    this.chosen = new Uint8Array(eligible.length);
    this.district = new Int32Array(eligible.length);
    let counts = new Int32Array(64 * groups);
    eligible.forEach((a, pos) => {
      const c = code(a);
      let d = this.numberOf.get(c);
      if (d === undefined) {
        d = this.codes.length;
        this.numberOf.set(c, d);
        this.codes.push(c);
        if ((d + 1) * groups > counts.length) {
          const more = new Int32Array(counts.length * 2);
          more.set(counts);
          counts = more;
        }
      }
      this.district[pos] = d;
      const m = a.groups;
      for (let g = 0; g < groups; g++) if (m[g]) (counts[d * groups + g] as number)++;
    });
    this.unchosen = counts;
    this.memberCounts = counts.slice(0, this.codes.length * groups);
    this.taken = new Int32Array(this.codes.length);
  }

  /** How many eligible applicants are members of group g. */
  members(g: number): number {
    const groups = this.rules.groups.length;
    let n = 0;
    for (let d = 0; d < this.codes.length; d++) n += this.memberCounts[d * groups + g] as number;
    return n;
  }

  /** How many eligible applicants of kecamatan `code` are members of group g. */
  membersIn(code: string, g: number): number {
    const d = this.numberOf.get(code);
    return d === undefined ? 0 : (this.memberCounts[d * this.rules.groups.length + g] as number);
  }

  /**
   * Whether taking `pos` keeps every group minimum as reachable as it was: per group, the
   * members still needed that seats and kecamatan room allow may only fall by what the
   * pick itself counts for. Minimums that cannot be met anyway do not block other picks.
   */
  keepsMinimumsReachable(pos: number): boolean {
    const a = this.eligible[pos] as Applicant;
    return this.rules.groups.every((rule, g) => {
      if (rule.min === undefined) return true;
      const before = this.reachable(g, undefined);
      return this.reachable(g, a) + (a.groups[g] ? 1 : 0) >= before;
    });
  }

  /** Members of group g still needed that can still be chosen (after taking `a`, if given). */
  private reachable(g: number, a: Applicant | undefined): number {
    const min = this.rules.groups[g]?.min ?? 0;
    const taken = a ? 1 : 0;
    const mine = a?.groups[g] ? 1 : 0;
    const need = min - (this.perGroup[g] ?? 0) - mine;
    if (need <= 0) return 0;
    const cap = this.rules.perDistrict ?? Number.POSITIVE_INFINITY;
    const limit = Math.min(need, this.rules.seats - this.total - taken);
    let reachable = 0;
    const groups = this.rules.groups.length;
    const mineAt = a === undefined ? -1 : (this.numberOf.get(code(a)) as number);
    for (let d = 0; d < this.codes.length; d++) {
      const here = d === mineAt;
      const room = cap - (this.taken[d] as number) - (here ? 1 : 0);
      reachable += Math.max(0, Math.min(room, (this.unchosen[d * groups + g] as number) - (here ? mine : 0)));
      if (reachable >= limit) return limit;
    }
    return reachable;
  }

  get full(): boolean {
    return this.total >= this.rules.seats;
  }

  districtCount(code: string): number {
    const d = this.numberOf.get(code);
    return d === undefined ? 0 : (this.taken[d] as number);
  }

  /** Whether a group still needs members to reach its minimum. */
  needy(g: number): boolean {
    const min = this.rules.groups[g]?.min;
    return min !== undefined && (this.perGroup[g] ?? 0) < min;
  }

  anyNeedy(): boolean {
    return this.rules.groups.some((_, g) => this.needy(g));
  }

  /** Whether kecamatan `d` still has someone not chosen in a group that needs members. */
  offersNeeded(d: string): boolean {
    const k = this.numberOf.get(d);
    if (k === undefined) return false;
    const groups = this.rules.groups.length;
    for (let g = 0; g < groups; g++) if ((this.unchosen[k * groups + g] as number) > 0 && this.needy(g)) return true;
    return false;
  }

  /** Number of groups with an unmet minimum that this applicant would count for. */
  helps(a: Applicant): number {
    let n = 0;
    for (let g = 0; g < a.groups.length; g++) if (a.groups[g] && this.needy(g)) n++;
    return n;
  }

  /** What blocks this applicant: -1 nothing, -2 the kecamatan cap, g >= 0 the maximum of group g. */
  blockedBy(pos: number): number {
    const a = this.eligible[pos] as Applicant;
    const cap = this.rules.perDistrict;
    if (cap !== undefined && (this.taken[this.district[pos] as number] as number) >= cap) return DISTRICT_FULL;
    for (let g = 0; g < a.groups.length; g++) {
      const max = this.rules.groups[g]?.max;
      if (a.groups[g] && max !== undefined && (this.perGroup[g] ?? 0) >= max) return g;
    }
    return NOT_BLOCKED;
  }

  takeable(pos: number): boolean {
    return this.chosen[pos] === 0 && !this.full && this.blockedBy(pos) === NOT_BLOCKED;
  }

  take(pos: number, phase: Phase): void {
    const a = this.eligible[pos] as Applicant;
    const d = code(a);
    const k = this.district[pos] as number;
    this.chosen[pos] = 1;
    this.total++;
    (this.taken[k] as number)++;
    let firstNeedy: number | undefined;
    const groups = this.rules.groups.length;
    for (let g = 0; g < a.groups.length; g++) {
      if (!a.groups[g]) continue;
      (this.unchosen[k * groups + g] as number)--;
      if (firstNeedy === undefined && this.needy(g)) firstNeedy = g;
      this.perGroup[g] = (this.perGroup[g] ?? 0) + 1;
    }
    this.order.push(pos);
    const where = `kecamatan ${a.district?.name ?? d} ${this.districtShare(d)}`;
    let reason: string;
    if (phase === "group" && firstNeedy !== undefined) {
      const rule = this.rules.groups[firstNeedy];
      reason = `terpilih untuk kuota ${rule?.label} (${this.perGroup[firstNeedy]}/${rule?.min}), ${where}`;
    } else if (phase === "coverage") {
      reason = `terpilih: ${where}`;
    } else {
      reason = `terpilih menurut urutan pendaftaran, ${where}`;
    }
    this.reasons.set(pos, { phase, reason });
  }

  /** "(2/2)" with a per-kecamatan cap, "(ke-3)" without one. */
  districtShare(d: string): string {
    const cap = this.rules.perDistrict;
    const n = this.districtCount(d);
    return cap === undefined ? `(ke-${n})` : `(${n}/${cap})`;
  }
}

export function code(a: Applicant): string {
  return a.district?.code ?? "";
}
