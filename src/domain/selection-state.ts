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
  private readonly perDistrict = new Map<string, number>();
  /** Per kecamatan: members of each group not chosen yet. */
  private readonly unchosen = new Map<string, number[]>();

  constructor(
    readonly rules: SelectionRules,
    /** Eligible applicants in registration order; every one has a district. */
    readonly eligible: readonly Applicant[],
  ) {
    this.perGroup = rules.groups.map(() => 0);
    this.chosen = new Uint8Array(eligible.length);
    for (const a of eligible) {
      let u = this.unchosen.get(code(a));
      if (!u) this.unchosen.set(code(a), (u = rules.groups.map(() => 0)));
      a.groups.forEach((m, g) => {
        if (m) u[g] = (u[g] ?? 0) + 1;
      });
    }
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
    for (const [d, u] of this.unchosen) {
      const here = a !== undefined && d === code(a);
      const room = cap - this.districtCount(d) - (here ? 1 : 0);
      reachable += Math.max(0, Math.min(room, (u[g] ?? 0) - (here ? mine : 0)));
      if (reachable >= limit) return limit;
    }
    return reachable;
  }

  get full(): boolean {
    return this.total >= this.rules.seats;
  }

  districtCount(code: string): number {
    return this.perDistrict.get(code) ?? 0;
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
    const u = this.unchosen.get(d);
    return u !== undefined && u.some((n, g) => n > 0 && this.needy(g));
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
    if (cap !== undefined && this.districtCount(code(a)) >= cap) return DISTRICT_FULL;
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
    this.chosen[pos] = 1;
    this.total++;
    this.perDistrict.set(d, this.districtCount(d) + 1);
    let firstNeedy: number | undefined;
    const u = this.unchosen.get(d);
    for (let g = 0; g < a.groups.length; g++) {
      if (!a.groups[g]) continue;
      if (u) u[g] = (u[g] ?? 0) - 1;
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
