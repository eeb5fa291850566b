import { describe, expect, it } from "vitest";
import { openWorkspace } from "../../src/pipeline/workspace.js";
import { scanPrograms } from "../../src/pipeline/scan.js";
import { makeWorkspace, type ProgramSpec } from "../helpers/workspace.js";

const H = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,disabilitas";
// valid NIKs: kecamatan 35.14.01-04, women with day + 40
const ROWS = [
  "3514011201850001,Budi,L,12/01/1985,Purwodadi,fisik",
  "3514015203900002,Siti,P,12/03/1990,Purwodadi,",
  "3514021005880003,Ahmad,L,10/05/1988,Tutur,netra",
  "3514035001100004,Ani,P,10/01/2010,Puspo,fisik",
  "3514044101550005,Sri,P,01/01/1955,Lumbang,fisik",
];

async function scan(specs: ProgramSpec[]) {
  const ws = await openWorkspace([], { cwd: makeWorkspace(specs) });
  return scanPrograms(ws);
}
const codesOf = (r: { findings: { code: string; line?: number }[] }) => r.findings.map((f) => `${f.code}@${f.line ?? 0}`).sort();

describe("quotas, eligibility and coverage", () => {
  it("reports total, per-kecamatan, group and coverage quotas over the people in the program", async () => {
    const yaml =
      "quota:\n  total: 4\n  per_district: 1\n  min_districts: 5\n  groups:\n    - { field: jenis_kelamin, value: P, min: 4 }\n";
    const [r] = await scan([{ id: "q", list: [H, ...ROWS].join("\n"), yaml }]);
    expect(codesOf(r!)).toEqual(["COVERAGE_LOW@1", "QUOTA_DISTRICT@3", "QUOTA_GROUP@1", "QUOTA_TOTAL@1"]);
    expect(r!.coverage?.covered.map((d) => d.name)).toEqual(["Purwodadi", "Tutur", "Puspo", "Lumbang"]);
    expect(r!.coverage?.missing).toHaveLength(20);
  });

  it("checks eligibility (age on the first day, disability) for people in the program only", async () => {
    const yaml = "quota:\n  total: 10\neligibility:\n  disability_required: true\n  age: { min: 18, max: 60 }\n";
    const [r] = await scan([{ id: "e", list: [H, ...ROWS].join("\n"), yaml }]);
    expect(codesOf(r!)).toEqual(["AGE_OUT_OF_RANGE@5", "AGE_OUT_OF_RANGE@6", "DISABILITY_REQUIRED@3"]);
    const withStatus = [`${H},status`, ...ROWS.map((row, i) => `${row},${i < 3 ? "peserta" : "cadangan"}`)].join("\n");
    const [s] = await scan([{ id: "s", list: withStatus, yaml: `${yaml}` }]);
    expect(codesOf(s!)).toEqual(["DISABILITY_REQUIRED@3"]);
    expect(s!.inProgram).toBe(3);
    expect(s!.rows).toBe(5);
  });

  it("counts only `peserta` rows against the seats when the list has a status column", async () => {
    const list = [`${H},status`, ...ROWS.map((row, i) => `${row},${i < 2 ? "peserta" : "cadangan"}`)].join("\n");
    const [r] = await scan([{ id: "st", list, yaml: "quota:\n  total: 2\n" }]);
    expect(codesOf(r!)).toEqual([]);
  });

  it("warns when the same person is in two programs of the same fiscal year, not of another", async () => {
    const [a, b, c] = await scan([
      { id: "a", list: [H, ROWS[0], ROWS[2]].join("\n") },
      { id: "b", list: [H, ROWS[1], ROWS[2]].join("\n") },
      { id: "c", list: [H, ROWS[2]].join("\n"), start: "2023-02-01", end: "2023-02-03" },
    ]);
    expect(codesOf(a!)).toEqual([]);
    expect(codesOf(b!)).toEqual(["PERSON_REPEATED@3"]);
    expect(b!.findings[0]?.args.other).toBe("a");
    expect(codesOf(c!)).toEqual([]);
  });

  it("refuses two programs with the same id", async () => {
    const root = makeWorkspace([{ id: "a", list: H }]);
    const { writeFileSync, readFileSync } = await import("node:fs");
    writeFileSync(`${root}/data/programs/b.yaml`, readFileSync(`${root}/data/programs/a.yaml`));
    const ws = await openWorkspace([], { cwd: root });
    expect(ws.findings.map((f) => f.code)).toEqual(["PROGRAM_ID_DUPLICATE"]);
    expect(ws.programs).toHaveLength(1);
  });
});
