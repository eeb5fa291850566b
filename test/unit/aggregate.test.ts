import { describe, expect, it } from "vitest";
import { ProgramAccumulator, ageBandOf, programQuarter } from "../../src/domain/aggregate.js";
import { isCompleter } from "../../src/domain/completion.js";
import { DISTRICTS, person, program } from "./report-helpers.js";

function figures(prog = program(), people: ReturnType<typeof person>[] = [], certificates?: number) {
  const acc = new ProgramAccumulator(prog, { districts: DISTRICTS, regionName: "Kabupaten Pasuruan" });
  for (const p of people) acc.add(p);
  return acc.finish(certificates === undefined ? {} : { certificates });
}

describe("age bands on the program start", () => {
  it.each([
    ["1997-11-08", "<25"], // 24 on 7 Nov 2022 (birthday the next day)
    ["1997-11-07", "25-39"], // 25 on the day
    ["1982-11-08", "25-39"], // 39
    ["1982-11-07", "40-54"],
    ["1967-11-08", "40-54"],
    ["1967-11-07", "55+"],
    [undefined, "tidak_diketahui"],
  ])("born %s -> %s", (birth, band) => {
    expect(ageBandOf(birth, "2022-11-07")).toBe(band);
  });
});

describe("quarter of a program: the quarter of its end", () => {
  it.each([
    ["2022-03-01", "2022-03-31", 1],
    ["2022-04-01", "2022-04-01", 2],
    ["2022-03-28", "2022-04-02", 2], // spans two quarters: counts where it ends
    ["2022-06-30", "2022-06-30", 2],
    ["2022-07-01", "2022-07-03", 3],
    ["2022-09-30", "2022-10-01", 4],
    ["2022-12-31", "2022-12-31", 4],
    ["2022-12-30", "2023-01-02", 4], // ends after its fiscal year: last quarter of the year
  ] as const)("%s..%s -> TW %i", (start, end, q) => {
    expect(programQuarter({ end, fiscalYear: 2022, ...{ start } })).toBe(q);
  });
});

describe("completion rule", () => {
  const prog = program({ days: 5, completion: { minAttendance: 0.8, minScore: 70, attendanceCertificate: false } });
  it.each([
    [[true, true, true, true, false], 70, true], // 80% and score at the bar
    [[true, true, true, false, false], 90, false], // 60%
    [[true, true, true, true, true], 69, false],
    [[true, true, true, true, true], undefined, false], // score required but missing
    [[], 100, undefined], // attendance not recorded
  ])("%j score %s -> %s", (attendance, score, want) => {
    expect(isCompleter(person({ attendance, score }), prog)).toBe(want);
  });
  it("without a minimum score attendance alone decides", () => {
    expect(isCompleter(person({ attendance: [true, true, true, true] }), program())).toBe(true);
  });
});

describe("program figures", () => {
  const prog = program({ budget: { allocated: 45_000_000, spent: 43_500_000 } });
  const people = [
    person({ sex: "P", disabilities: ["fisik"], birthDate: "2000-05-05", attendance: [true, true, true, true], nib: "1234567890123" }),
    person({ sex: "P", disabilities: ["fisik", "netra"], birthDate: "1980-01-01", attendance: [true, true, true, false], exhibition: true }),
    person({ sex: "L", disabilities: ["rungu"], birthDate: "1960-01-01", attendance: [true, false, false, true], district: DISTRICTS[1] }),
    person({ sex: "L", disabilities: [], birthDate: undefined, attendance: [true, true, false, true], district: DISTRICTS[1] }),
    // not counted: a reserve, a rejected one, a row with a data error
    person({ status: "cadangan", attendance: [true, true, true, true] }),
    person({ status: "tidak_memenuhi_syarat" }),
    person({ errors: ["NIK_FORMAT"], attendance: [true, true, true, true] }),
  ];
  const f = figures(prog, people);

  it("counts only in-program rows without errors", () => {
    expect(f.seats).toBe(20);
    expect(f.participants).toBe(4);
    expect(f.notCounted).toBe(1);
  });
  it("breaks down by sex, disability group and age band", () => {
    expect(f.breakdown.sex).toEqual({ L: 2, P: 2, "?": 0 });
    expect(f.breakdown.disability).toEqual({ fisik: 1, intelektual: 0, mental: 0, sensorik: 1, ganda: 1, tidak_ada: 1 });
    expect(f.breakdown.age).toEqual({ "<25": 1, "25-39": 0, "40-54": 1, "55+": 1, tidak_diketahui: 1 });
    expect(f.cube).toHaveLength(4);
    expect(f.cube).toContainEqual({ sex: "L", disability: "sensorik", age: "55+", district: "35.14.02", count: 1 });
  });
  it("per kecamatan and coverage", () => {
    expect(f.districts).toEqual([
      { code: "35.14.01", name: "Purwodadi", count: 2, L: 0, P: 2 },
      { code: "35.14.02", name: "Tutur", count: 2, L: 2, P: 0 },
      { code: "35.14.03", name: "Puspo", count: 0, L: 0, P: 0 },
    ]);
    expect(f.coverage).toEqual({ total: 3, reached: 2, missing: [{ code: "35.14.03", name: "Puspo" }] });
  });
  it("attendance per day, completers, follow-up, budget", () => {
    expect(f.attendance?.perDay.map((d) => d.present)).toEqual([4, 3, 2, 3]);
    expect(f.attendance?.perDay[2]?.rate).toBe(0.5);
    expect(f.completers).toBe(1); // only 4/4: 3 of 4 days is 75%, under 80%
    expect(f.certificates).toEqual({ count: 1, source: "completers" });
    expect(f.nib).toBe(1);
    expect(f.exhibitions).toBe(1);
    expect(f.budget).toEqual({ allocated: 45_000_000, spent: 43_500_000, rate: 43_500_000 / 45_000_000 });
  });
  it("certificates from the ledger when given", () => {
    expect(figures(prog, [], 7).certificates).toEqual({ count: 7, source: "ledger" });
  });
  it("no attendance columns: completers unknown", () => {
    const g = figures(program(), [person()]);
    expect(g.attendance).toBeNull();
    expect(g.completers).toBeNull();
  });
});
