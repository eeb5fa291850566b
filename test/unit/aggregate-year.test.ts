import { describe, expect, it } from "vitest";
import { ProgramAccumulator } from "../../src/domain/aggregate.js";
import { buildYearFigures } from "../../src/domain/aggregate-year.js";
import type { Participant } from "../../src/domain/participant.js";
import type { Program } from "../../src/domain/program.js";
import { DISTRICTS, person, program } from "./report-helpers.js";

function run(prog: Program, people: Participant[]) {
  const acc = new ProgramAccumulator(prog, { districts: DISTRICTS, regionName: "Kab", keepNiks: true });
  for (const p of people) acc.add(p);
  return { figures: acc.finish(), niks: acc.niks };
}

const shared = person({ sex: "P", disabilities: ["mental"], district: DISTRICTS[1] });
const a = run(
  program({ id: "a", start: "2022-03-28", end: "2022-03-31", indicator: { name: "Jumlah IKM terlatih", unit: "orang", target: 4 }, budget: { allocated: 10_000_000, spent: 9_000_000 }, musrenbang: ["U-1"] }),
  [person(), person({ sex: "P" }), shared],
);
const b = run(program({ id: "b", start: "2022-03-30", end: "2022-04-01", quota: { total: 5, groups: [] } }), [
  person({ district: DISTRICTS[1] }),
  { ...shared, line: 9, district: DISTRICTS[0] }, // same person again: once among people, twice among trainings
]);
const c = run(program({ id: "c", start: "2022-11-07", end: "2022-11-10", budget: { allocated: 5_000_000 } }), [person()]);
const regions = new Map([["35.14", { name: "Kabupaten Pasuruan", districts: DISTRICTS }]]);

describe("year figures", () => {
  const y = buildYearFigures({
    year: 2022,
    quarter: 2,
    programs: [a, b, c],
    excluded: [],
    regions,
    earlier: [{ fiscalYear: 2021, region: "35.14", reached: ["35.14.03"] }, { fiscalYear: 2020, region: "35.14", reached: ["35.14.03", "35.14.01"] }],
  });

  it("Renja: each program in the quarter of its end, later quarters empty", () => {
    const [ra, rb, rc] = y.renja;
    expect(ra?.quarters).toEqual([{ k: 3, rp: 9_000_000 }, null, null, null]); // ends 31 March
    expect(ra?.targetK).toBe(4); // indicator target
    expect(ra?.pctK).toBe(75);
    expect(ra?.pctRp).toBe(90);
    expect(rb?.quarters).toEqual([null, { k: 2, rp: null }, null, null]); // 30 March - 1 April: TW II
    expect(rb?.targetK).toBe(5); // quota when no indicator
    expect(rb?.pctK).toBe(40);
    expect(rc?.quarters).toEqual([null, null, null, null]); // ends in TW IV, report up to TW II
    expect(rc?.totalK).toBe(0);
    expect(y.renjaTotal).toEqual({
      targetK: 29, targetRp: 15_000_000,
      quarters: [{ k: 3, rp: 9_000_000 }, { k: 2, rp: 0 }, { k: 0, rp: 0 }, { k: 0, rp: 0 }],
      totalK: 5, totalRp: 9_000_000,
    });
    expect(y.later.map((f) => f.id)).toEqual(["c"]);
  });

  it("people counted once, trainings twice", () => {
    expect(y.trainings).toBe(5);
    expect(y.people).toBe(4);
    expect(y.gedsi.people.disability.mental).toBe(1);
    expect(y.gedsi.trainings.disability.mental).toBe(2);
    expect(y.gedsi.people.sex).toEqual({ L: 2, P: 2, "?": 0 });
  });

  it("coverage: per program, distinct in the year (first program decides), priority list", () => {
    const [cov] = y.coverage;
    expect(cov?.programs).toEqual(["a", "b"]);
    expect(cov?.earlierYears).toEqual([2020, 2021]);
    expect(cov?.districts.map((d) => [d.code, d.perProgram, d.year, d.earlierReached])).toEqual([
      ["35.14.01", [2, 1], 2, 1],
      ["35.14.02", [1, 1], 2, 0],
      ["35.14.03", [0, 0], 0, 2],
    ]);
    expect(cov?.reached).toBe(2);
    expect(cov?.priority).toEqual([{ code: "35.14.03", name: "Puspo", earlierReached: 2 }]);
    expect(y.musrenbang).toEqual([{ id: "a", title: "Pelatihan P", proposals: ["U-1"] }]);
  });
});

describe("programs of one year in two regions", () => {
  const KOTA = [{ code: "35.75.01", name: "Gadingrejo" }, { code: "35.75.02", name: "Purworejo" }];
  const kota = (() => {
    const acc = new ProgramAccumulator(program({ id: "k", region: "35.75" }), { districts: KOTA, regionName: "Kota Pasuruan", keepNiks: true });
    acc.add(person({ district: KOTA[1] }));
    return { figures: acc.finish(), niks: acc.niks };
  })();
  const y = buildYearFigures({
    year: 2022,
    quarter: 4,
    programs: [a, kota],
    excluded: [],
    regions: new Map([
      ["35.14", { name: "Kabupaten Pasuruan", districts: DISTRICTS }],
      ["35.75", { name: "Kota Pasuruan", districts: KOTA }],
    ]),
    earlier: [],
  });
  it("coverage is grouped by region, each with its own kecamatan and priority list", () => {
    expect(y.coverage.map((c) => [c.region, c.programs, c.reached, c.priority.map((p) => p.name)])).toEqual([
      ["35.14", ["a"], 2, ["Puspo"]],
      ["35.75", ["k"], 1, ["Gadingrejo"]],
    ]);
    expect(y.coverage[1]?.districts.map((d) => d.year)).toEqual([0, 1]);
    expect(y.people).toBe(4);
  });
});
