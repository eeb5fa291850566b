import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, expectGolden, runCli, transcript } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const BAD = join(REPO, "test", "fixtures", "workspaces", "bad");

describe("pelatihan validate (built binary)", () => {
  it.each([
    ["bad-id.md", ["validate"]],
    ["bad-en.md", ["validate", "--lang", "en"]],
    ["bad-json.md", ["validate", "--json", "--lang", "en"]],
    ["bad-one-program.md", ["validate", "data/programs/jahit-2022.yaml"]],
  ])("golden %s", (name, args) => {
    const run = runCli(args, { cwd: BAD });
    expect(run.code).toBe(1);
    expectGolden(join("validate", name), transcript(args, run));
  });

  it("prints only JSON on stdout with --json, with the documented fields", () => {
    const run = runCli(["validate", "--json"], { cwd: BAD });
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      errors: number;
      programs: { id: string | null; coverage: { districts_total: number; missing: string[] } | null; findings: { code: string; line: number | null; field: string | null; message: string }[] }[];
    };
    expect(json.ok).toBe(false);
    const p = json.programs.find((x) => x.id === "jahit-2022");
    expect(p?.coverage?.districts_total).toBe(24);
    expect(p?.coverage?.missing).toContain("Tosari");
    expect(p?.findings.find((f) => f.code === "NIK_DUPLICATE")).toMatchObject({ line: 4, field: "nik" });
    expect(run.stdout).not.toMatch(/3514015203900002/);
  });

  it("never prints a full NIK", () => {
    const run = runCli(["validate", "--lang", "en"], { cwd: BAD });
    expect(run.stdout + run.stderr).not.toMatch(/\d{16}/);
  });

  it("exits 0 on a clean workspace, 1 on warnings with --strict", () => {
    const H = "nik,nama,kecamatan";
    const ok = makeWorkspace([{ id: "a", list: `${H}\n3514011201850001,Budi,Purwodadi\n` }]);
    expect(runCli(["validate"], { cwd: ok }).code).toBe(0);
    const warn = makeWorkspace([{ id: "a", list: `${H},umur\n3514011201850001,Budi,Purwodadi,30\n` }]);
    expect(runCli(["validate"], { cwd: warn }).code).toBe(0);
    expect(runCli(["validate", "--strict"], { cwd: warn }).code).toBe(1);
  });

  it("exits 2 for files that cannot be used and for usage errors", () => {
    const ws = makeWorkspace([{ id: "a", list: "" }]);
    const empty = runCli(["validate"], { cwd: ws });
    expect(empty.code).toBe(2);
    expect(empty.stdout).toContain("CSV_EMPTY");
    expect(runCli(["validate", "nope.yaml"], { cwd: ws }).code).toBe(2);
    expect(runCli(["validate"], { cwd: "/" }).code).toBe(2);
    expect(runCli(["validate", "--lang", "fr"], { cwd: ws }).code).toBe(2);
  });
});
