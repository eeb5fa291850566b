/**
 * The three steps of the selection, in priority order: group minimums, kecamatan coverage,
 * then the remaining seats in registration order. Each step only ever adds people.
 */
import type { Seats } from "./selection-state.js";

/** Eligible positions per kecamatan code, each list in registration order. */
export type DistrictLists = ReadonlyMap<string, readonly number[]>;

/** Per kecamatan and group: every eligible applicant of the kecamatan is in the group (only it can cover it). */
function onlyMembers(s: Seats, lists: DistrictLists): Map<string, boolean[]> {
  const m = new Map<string, boolean[]>();
  for (const [d, list] of lists) {
    m.set(d, s.rules.groups.map((_, g) => s.membersIn(d, g) === list.length));
  }
  return m;
}

/**
 * Group minimums first, as that is the only step that can fail for lack of seats. Members
 * from kecamatan not yet represented are preferred (kecamatan that only members of the
 * group can represent before others), so the minimum costs as little coverage as possible.
 */
export function fillGroupMinimums(s: Seats, lists: DistrictLists): void {
  if (!s.anyNeedy()) return;
  const only = onlyMembers(s, lists);
  // first only picks that keep the other minimums reachable, then any pick that helps
  for (const careful of [true, false]) {
    const ok = (pos: number): boolean => s.takeable(pos) && (!careful || s.keepsMinimumsReachable(pos));
    for (;;) {
      if (s.full || !s.anyNeedy()) break;
      let best: { pos: number; restricted: boolean; helps: number } | undefined;
      for (const [d, list] of lists) {
        // a kecamatan with nobody left in a needy group would be read to its end for nothing
        if (s.districtCount(d) > 0 || !s.offersNeeded(d)) continue;
        const onlyHere = only.get(d);
        for (const pos of list) {
          const helps = s.helps(pos);
          if (helps === 0 || !ok(pos)) continue;
          const restricted = s.rules.groups.some((_, g) => s.member(pos, g) && s.needy(g) && onlyHere?.[g] === true);
          const better =
            !best ||
            (restricted !== best.restricted ? restricted : helps !== best.helps ? helps > best.helps : pos < best.pos);
          if (better) best = { pos, restricted, helps };
          break;
        }
      }
      if (!best) break;
      s.take(best.pos, "group");
    }
    // second and later members of a kecamatan, in registration order; needs only shrink
    for (let pos = 0; pos < s.count && !s.full && s.anyNeedy(); pos++) {
      if (s.helps(pos) > 0 && ok(pos)) s.take(pos, "group");
    }
  }
}

/**
 * One seat for every kecamatan not yet represented, kecamatan taken in the registration
 * order of their earliest applicant who can still be chosen. When a group has a maximum,
 * its places are kept for kecamatan that only its members can represent.
 */
export function coverDistricts(s: Seats, lists: DistrictLists): void {
  const groups = s.rules.groups;
  // only a group maximum makes a kecamatan's members matter beyond the first takeable one
  const capped = groups.some((rule) => rule.max !== undefined);
  for (;;) {
    if (s.full) break;
    const open: { d: string; first: number; list: readonly number[]; onlyIn: boolean[] }[] = [];
    for (const [d, list] of lists) {
      if (s.districtCount(d) > 0) continue;
      const first = list.find((pos) => s.takeable(pos));
      if (first === undefined) continue;
      const onlyIn = capped ? groups.map((_, g) => list.every((pos) => !s.takeable(pos) || s.member(pos, g))) : [];
      open.push({ d, first, list, onlyIn });
    }
    if (open.length === 0) break;
    open.sort((x, y) => x.first - y.first);
    const next = open[0];
    if (!next) break;
    let pos = next.first;
    if (capped) {
      const demand = groups.map((_, g) => open.filter((o) => o !== next && o.onlyIn[g]).length);
      const safe = (p: number): boolean => {
        return groups.every((rule, g) => {
          if (!s.member(p, g) || rule.max === undefined) return true;
          return rule.max - (s.perGroup[g] ?? 0) - 1 >= (demand[g] ?? 0);
        });
      };
      pos = next.list.find((p) => s.takeable(p) && safe(p)) ?? next.first;
    }
    s.take(pos, "coverage");
  }
}

/** The remaining seats in registration order; caps only tighten, so one pass suffices. */
export function fillInOrder(s: Seats): void {
  for (let pos = 0; pos < s.count && !s.full; pos++) {
    if (s.takeable(pos)) s.take(pos, "fill");
  }
}

/** Kecamatan lists of eligible positions (kecamatan in code order). */
export function districtLists(s: Seats): Map<string, number[]> {
  const lists: number[][] = s.codes.map(() => []);
  const n = s.count;
  for (let pos = 0; pos < n; pos++) (lists[s.district[pos] as number] as number[]).push(pos);
  const m = new Map(s.codes.map((c, d) => [c, lists[d] as number[]]));
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
