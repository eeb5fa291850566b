/** Seats taken so far during a selection: counts per kecamatan and group, and the reasons. */
import type { AreaRef } from "./participant.js";
import { ELIGIBLE, type ApplicantTable, type Phase, type SelectionRules } from "./selection-types.js";

/**
 * The eligible entries of `t` in registration order: dated entries by date, then undated
 * ones; Applicant.index breaks ties.
 */
export function registrationOrder(t: ApplicantTable): Int32Array {
  const all = new Int32Array(t.count);
  let n = 0;
  for (let k = 0; k < t.count; k++) if (t.state[k] === ELIGIBLE && (t.district[k] as number) >= 0) all[n++] = k;
  const order = all.subarray(0, n);
  const index = t.index;
  const dates = t.registeredAt;
  const before = (a: number, b: number): number => {
    if (dates.size > 0) {
      const ra = dates.get(a);
      const rb = dates.get(b);
      if (ra !== rb) {
        if (ra === undefined) return 1;
        if (rb === undefined) return -1;
        return ra < rb ? -1 : 1;
      }
    }
    return index ? (index[a] as number) - (index[b] as number) : a - b;
  };
  // lists without tanggal_daftar arrive in registration order already: no sort needed
  for (let i = 1; i < n; i++) {
    if (before(order[i - 1] as number, order[i] as number) >= 0) return order.sort(before);
  }
  return order;
}

export const NOT_BLOCKED = -1;
export const DISTRICT_FULL = -2;

/**
 * The eligible applicants by their position in registration order, and the seats taken so
 * far. Everything an applicant is asked for is in columns by position (entry, kecamatan
 * number, groups as bits): the passes over 100,000 applicants read typed arrays.
 */
export class Seats {
  total = 0;
  readonly perGroup: number[];
  readonly chosen: Uint8Array;
  /** Positions, in the order they were chosen. */
  readonly order: number[] = [];
  readonly reasons = new Map<number, { phase: Phase; reason: string }>();
  /** How many eligible applicants there are: positions 0..count-1. */
  readonly count: number;
  /** Each position's entry in the applicant table. */
  readonly entry: Int32Array;
  /** Each position's groups: bit g for group g. */
  private readonly mask: Uint32Array;
  /**
   * Kecamatan by number (in order of first appearance): each position's kecamatan, and the
   * counts below by number.
   */
  readonly district: Int32Array;
  readonly codes: string[] = [];
  /** The kecamatan by number. */
  private readonly refs: AreaRef[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly taken: Int32Array;
  /** Per kecamatan number and group (d * groups + g): members not chosen yet. */
  private readonly unchosen: Int32Array;
  /** The same as `unchosen` before anyone is chosen. */
  private readonly memberCounts: Int32Array;

  constructor(
    readonly rules: SelectionRules,
    t: ApplicantTable,
    /** The eligible entries of `t` in registration order (registrationOrder). */
    entries: Int32Array,
  ) {
    const groups = rules.groups.length;
    const n = entries.length;
    this.count = n;
    this.entry = entries;
    this.perGroup = rules.groups.map(() => 0);
    this.chosen = new Uint8Array(n);
    this.mask = new Uint32Array(n);
    this.district = new Int32Array(n);
    // the table's kecamatan -> their number here
    const numbered = new Int32Array(t.districts.length).fill(-1);
    const counts = new Int32Array(t.districts.length * groups);
    for (let pos = 0; pos < n; pos++) {
      const k = entries[pos] as number;
      const at = t.district[k] as number;
      let d = numbered[at] as number;
      if (d < 0) {
        const ref = t.districts[at] as AreaRef;
        d = numbered[at] = this.codes.length;
        this.numberOf.set(ref.code, d);
        this.codes.push(ref.code);
        this.refs.push(ref);
      }
      this.district[pos] = d;
      const m = t.groups[k] as number;
      this.mask[pos] = m;
      if (m !== 0) for (let g = 0; g < groups; g++) if ((m >>> g) & 1) (counts[d * groups + g] as number)++;
    }
    this.unchosen = counts;
    this.memberCounts = counts.slice(0, this.codes.length * groups);
    this.taken = new Int32Array(this.codes.length);
  }

  /** Whether the applicant at `pos` is a member of group g. */
  member(pos: number, g: number): boolean {
    return (((this.mask[pos] as number) >>> g) & 1) === 1;
  }

  /** The kecamatan of the applicant at `pos`. */
  districtOf(pos: number): AreaRef {
    return this.refs[this.district[pos] as number] as AreaRef;
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
    const groups = this.rules.groups;
    for (let g = 0; g < groups.length; g++) {
      if (groups[g]?.min === undefined) continue;
      const before = this.reachable(g, -1);
      if (this.reachable(g, pos) + (this.member(pos, g) ? 1 : 0) < before) return false;
    }
    return true;
  }

  /** Members of group g still needed that can still be chosen (after taking `pos`, if >= 0). */
  private reachable(g: number, pos: number): number {
    const min = this.rules.groups[g]?.min ?? 0;
    const taken = pos >= 0 ? 1 : 0;
    const mine = pos >= 0 && this.member(pos, g) ? 1 : 0;
    const need = min - (this.perGroup[g] ?? 0) - mine;
    if (need <= 0) return 0;
    const cap = this.rules.perDistrict ?? Number.POSITIVE_INFINITY;
    const limit = Math.min(need, this.rules.seats - this.total - taken);
    let reachable = 0;
    const groups = this.rules.groups.length;
    const mineAt = pos >= 0 ? (this.district[pos] as number) : -1;
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

  /** Number of groups with an unmet minimum that the applicant at `pos` would count for. */
  helps(pos: number): number {
    let n = 0;
    for (let g = 0; g < this.rules.groups.length; g++) if (this.member(pos, g) && this.needy(g)) n++;
    return n;
  }

  /** What blocks this applicant: -1 nothing, -2 the kecamatan cap, g >= 0 the maximum of group g. */
  blockedBy(pos: number): number {
    const cap = this.rules.perDistrict;
    if (cap !== undefined && (this.taken[this.district[pos] as number] as number) >= cap) return DISTRICT_FULL;
    const m = this.mask[pos] as number;
    if (m === 0) return NOT_BLOCKED;
    const groups = this.rules.groups;
    for (let g = 0; g < groups.length; g++) {
      const max = groups[g]?.max;
      if ((m >>> g) & 1 && max !== undefined && (this.perGroup[g] ?? 0) >= max) return g;
    }
    return NOT_BLOCKED;
  }

  takeable(pos: number): boolean {
    return this.chosen[pos] === 0 && !this.full && this.blockedBy(pos) === NOT_BLOCKED;
  }

  take(pos: number, phase: Phase): void {
    const k = this.district[pos] as number;
    this.chosen[pos] = 1;
    this.total++;
    (this.taken[k] as number)++;
    let firstNeedy: number | undefined;
    const groups = this.rules.groups.length;
    for (let g = 0; g < groups; g++) {
      if (!this.member(pos, g)) continue;
      (this.unchosen[k * groups + g] as number)--;
      if (firstNeedy === undefined && this.needy(g)) firstNeedy = g;
      this.perGroup[g] = (this.perGroup[g] ?? 0) + 1;
    }
    this.order.push(pos);
    const where = `kecamatan ${this.districtOf(pos).name} ${this.districtShare(pos)}`;
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

  /** The seats taken in the kecamatan of `pos`: "(2/2)" with a per-kecamatan cap, "(ke-3)" without one. */
  districtShare(pos: number): string {
    const cap = this.rules.perDistrict;
    const n = this.taken[this.district[pos] as number] as number;
    return cap === undefined ? `(ke-${n})` : `(${n}/${cap})`;
  }
}
