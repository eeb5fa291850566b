/**
 * Properties of the selection, checked against brute force on small instances: every
 * subset of eligible applicants that keeps the quotas is tried, and the selection must
 * reach the best (group minimums met, then kecamatan covered) that any subset reaches.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicantTable, selectApplicants, selectParticipants, type Applicant, type GroupRule, type SelectionRules } from "../../src/domain/selection.js";

interface Instance {
  apps: Applicant[];
  rules: SelectionRules;
}

const district = (n: number) => ({ code: `35.14.${String(n + 1).padStart(2, "0")}`, name: `K${n + 1}` });

/** groupsMode: 0 none, 1 one group, 2 two disjoint groups on one field (e.g. P and L). */
function instance(maxApps: number, groupsMode: 0 | 1 | 2): fc.Arbitrary<Instance> {
  const person = fc.record({
    d: fc.integer({ min: 0, max: 4 }),
    member: fc.boolean(),
    state: fc.constantFrom("eligible", "eligible", "eligible", "ineligible", "invalid") as fc.Arbitrary<Applicant["state"]>,
    day: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  });
  const bound = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
  return fc
    .record({
      people: fc.array(person, { maxLength: maxApps }),
      seats: fc.integer({ min: 1, max: 7 }),
      perDistrict: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      g0: fc.record({ min: bound, max: bound }),
      g1: fc.record({ min: bound, max: bound }),
    })
    .map(({ people, seats, perDistrict, g0, g1 }) => {
      const rule = (label: string, b: { min?: number; max?: number }): GroupRule => {
        const r: GroupRule = { label };
        const min = b.min !== undefined ? Math.min(b.min, seats) : undefined;
        if (min !== undefined) r.min = min;
        if (b.max !== undefined) r.max = Math.max(b.max, min ?? 0);
        return r;
      };
      const groups = groupsMode === 0 ? [] : groupsMode === 1 ? [rule("g", g0)] : [rule("p", g0), rule("l", g1)];
      const apps = people.map((p, index): Applicant => {
        const a: Applicant = {
          index,
          state: p.state,
          groups: groupsMode === 0 ? [] : groupsMode === 1 ? [p.member] : [p.member, !p.member],
          reasons: p.state === "eligible" ? [] : ["x"],
        };
        if (p.state !== "invalid") a.district = district(p.d);
        if (p.day !== undefined) a.registeredAt = `2022-10-0${p.day}`;
        return a;
      });
      const rules: SelectionRules = { seats, groups };
      if (perDistrict !== undefined) rules.perDistrict = perDistrict;
      return { apps, rules };
    });
}

function keepsQuotas(chosen: readonly Applicant[], rules: SelectionRules): boolean {
  if (chosen.length > rules.seats) return false;
  const per = new Map<string, number>();
  for (const a of chosen) per.set(a.district?.code ?? "", (per.get(a.district?.code ?? "") ?? 0) + 1);
  if (rules.perDistrict !== undefined && [...per.values()].some((n) => n > (rules.perDistrict ?? 0))) return false;
  return rules.groups.every((g, i) => g.max === undefined || chosen.filter((a) => a.groups[i]).length <= g.max);
}

/** [sum over groups of min(count, min), kecamatan covered] */
function score(chosen: readonly Applicant[], rules: SelectionRules): [number, number] {
  const minSat = rules.groups.reduce((n, g, i) => n + Math.min(chosen.filter((a) => a.groups[i]).length, g.min ?? 0), 0);
  return [minSat, new Set(chosen.map((a) => a.district?.code)).size];
}

function best(apps: readonly Applicant[], rules: SelectionRules): [number, number] {
  const el = apps.filter((a) => a.state === "eligible");
  let top: [number, number] = [-1, -1];
  for (let mask = 0; mask < 1 << el.length; mask++) {
    const chosen = el.filter((_, i) => mask & (1 << i));
    if (!keepsQuotas(chosen, rules)) continue;
    const s = score(chosen, rules);
    if (s[0] > top[0] || (s[0] === top[0] && s[1] > top[1])) top = s;
  }
  return top;
}

function chosenOf(inst: Instance): Applicant[] {
  const sel = selectParticipants(inst.apps, inst.rules);
  return inst.apps.filter((_, i) => sel.decisions[i]?.status === "peserta");
}

const runs = { numRuns: Number(process.env.PROP_RUNS ?? 400) };

describe("selection properties", () => {
  it("never breaks the total, the per-kecamatan cap or a group maximum", () => {
    fc.assert(
      fc.property(instance(20, 2), (inst) => keepsQuotas(chosenOf(inst), inst.rules)),
      runs,
    );
  });

  it("without groups, covers min(seats, kecamatan with eligible applicants) and fills every seat it can", () => {
    fc.assert(
      fc.property(instance(20, 0), ({ apps, rules }) => {
        const chosen = chosenOf({ apps, rules });
        const el = apps.filter((a) => a.state === "eligible");
        const kec = new Set(el.map((a) => a.district?.code));
        expect(new Set(chosen.map((a) => a.district?.code)).size).toBe(Math.min(rules.seats, kec.size));
        const cap = rules.perDistrict ?? Infinity;
        const room = [...kec].reduce((n, k) => n + Math.min(cap, el.filter((a) => a.district?.code === k).length), 0);
        expect(chosen.length).toBe(Math.min(rules.seats, room));
      }),
      runs,
    );
  });

  for (const mode of [1, 2] as const) {
    it(`meets group minimums whenever possible, then covers as many kecamatan as possible (${mode} group${mode > 1 ? "s" : ""}, brute force)`, () => {
      fc.assert(
        fc.property(instance(10, mode), (inst) => {
          expect(score(chosenOf(inst), inst.rules)).toEqual(best(inst.apps, inst.rules));
        }),
        runs,
      );
    });
  }

  it("is deterministic and does not depend on the order the rows are passed in", () => {
    fc.assert(
      fc.property(
        instance(20, 2).chain((inst) => fc.tuple(fc.constant(inst), fc.shuffledSubarray(inst.apps, { minLength: inst.apps.length, maxLength: inst.apps.length }))),
        ([inst, shuffled]) => {
          const a = selectParticipants(inst.apps, inst.rules);
          const again = selectParticipants(inst.apps, inst.rules);
          const b = selectParticipants(shuffled, inst.rules);
          expect(again).toEqual(a);
          const byIndex = (s: typeof a) => [...s.decisions].sort((x, y) => x.index - y.index);
          expect(byIndex(b)).toEqual(byIndex(a));
          expect(b.shortfalls).toEqual(a.shortfalls);
        },
      ),
      runs,
    );
  });

  it("selects from columns without indexes (as a roster reads its list) as from the records in row order", () => {
    fc.assert(
      fc.property(instance(20, 2), (inst) => {
        const records = selectParticipants(inst.apps, inst.rules);
        const { index, ...columns } = applicantTable(inst.apps);
        expect([...(index ?? [])]).toEqual(inst.apps.map((_, i) => i));
        const s = selectApplicants(columns, inst.rules);
        expect(s.decisions).toEqual(records.decisions);
        expect(s.table).toEqual(records.table);
        expect([s.districts, s.groups, s.shortfalls]).toEqual([records.districts, records.groups, records.shortfalls]);
      }),
      runs,
    );
  });

  it("ranks every peserta 1..n and every cadangan n+1..n+m, and reports unmet minimums", () => {
    fc.assert(
      fc.property(instance(20, 2), (inst) => {
        const s = selectParticipants(inst.apps, inst.rules);
        const ranks = s.decisions.filter((d) => d.rank !== undefined).map((d) => d.rank).sort((x, y) => (x ?? 0) - (y ?? 0));
        expect(ranks).toEqual(Array.from({ length: s.selected + s.reserves }, (_, i) => i + 1));
        for (const d of s.decisions) if (d.status === "cadangan") expect(d.rank).toBeGreaterThan(s.selected);
        expect(s.shortfalls.map((x) => x.label)).toEqual(s.groups.filter((g) => !g.met).map((g) => g.label));
      }),
      runs,
    );
  });
});
