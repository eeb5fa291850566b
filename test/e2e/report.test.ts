import ExcelJS from "exceljs";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, expectGolden, runCli, transcript } from "../helpers/cli.js";

const FIXTURE = join(REPO, "test", "fixtures", "report");
const SAMPLE = REPO; // data/programs of the sample workspace

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "pelatihan-report-"));
}

/** Runs report into a fresh folder; the transcript names it <out>. */
function report(cwd: string, args: string[]) {
  const out = tmp();
  const run = runCli(["report", ...args, "--out", out], { cwd });
  const shown = { ...run, stdout: run.stdout.split(out).join("<out>") };
  return { out, run, shown };
}

function goldenFolder(name: string, cwd: string, year: string) {
  const args = ["--year", year];
  const { out, run, shown } = report(cwd, args);
  expect(run.code, run.stderr).toBe(0);
  expectGolden(join(name, "transcript.md"), transcript(["report", ...args, "--out", "<out>"], shown));
  for (const f of readdirSync(out).sort()) {
    if (f.endsWith(".xlsx")) continue; // binary: checked by determinism and read-back tests
    expectGolden(join(name, f), readFileSync(join(out, f), "utf8"));
  }
  return out;
}

function sameFolders(a: string, b: string): void {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

describe("pelatihan report (built binary)", () => {
  it("golden: fixture workspace 2022 (md, csv, html)", () => {
    goldenFolder("report-fixture-2022", FIXTURE, "2022");
  });

  it.skipIf(!existsSync(join(SAMPLE, "data", "programs")))("golden: the sample workspace's 2022 report", () => {
    goldenFolder("report-2022", SAMPLE, "2022");
  });

  it("same input, same bytes (xlsx included)", () => {
    const ws = existsSync(join(SAMPLE, "data", "programs")) ? SAMPLE : FIXTURE;
    const a = report(ws, ["--year", "2022"]);
    const b = report(ws, ["--year", "2022"]);
    expect(a.run.code).toBe(0);
    sameFolders(a.out, b.out);
  });

  it("XLSX opened back agrees with the JSON figures", async () => {
    const json = JSON.parse(runCli(["report", "--year", "2022", "--json"], { cwd: FIXTURE }).stdout) as {
      renja: { title: string; targetK: number; targetRp: number; totalK: number; totalRp: number; quarters: ({ k: number; rp: number } | null)[] }[];
      renjaTotal: { totalK: number; totalRp: number; targetK: number };
      people: number;
      trainings: number;
    };
    const { out } = report(FIXTURE, ["--year", "2022", "--format", "xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "laporan-2022-TW4.xlsx"));
    const ws = wb.getWorksheet("renja")!;
    const val = (r: number, c: number) => {
      const v = ws.getCell(r, c).value;
      return v !== null && typeof v === "object" && "result" in v ? v.result : v;
    };
    json.renja.forEach((r, i) => {
      const row = 4 + i;
      expect(val(row, 3)).toBe(r.title);
      expect([val(row, 6), val(row, 7), val(row, 16), val(row, 17)]).toEqual([r.targetK, r.targetRp, r.totalK, r.totalRp]);
      r.quarters.forEach((q, k) => expect(val(row, 8 + 2 * k)).toBe(q ? q.k : null));
    });
    const total = 4 + json.renja.length;
    expect([val(total, 6), val(total, 16), val(total, 17)]).toEqual([json.renjaTotal.targetK, json.renjaTotal.totalK, json.renjaTotal.totalRp]);
    const summary = wb.getWorksheet("ringkasan")!;
    const rows = summary.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3) : []));
    expect(rows).toContainEqual(["Orang terjangkau (NIK dihitung sekali)", String(json.people)]);
    expect(json.people).toBe(json.trainings - 1); // one person in two programs
  });

  it("--quarter II: a program ending in November is in the Renja with its target only; its list is not read", () => {
    const { out, run } = report(FIXTURE, ["--year", "2022", "--quarter", "II", "--format", "csv"]);
    expect(run.code, run.stderr).toBe(0);
    const renja = readFileSync(join(out, "laporan-2022-TW2-renja.csv"), "utf8").split("\r\n");
    const handicraft = renja.find((l) => l.includes("Handicraft"));
    expect(handicraft).toMatch(/,20,45000000,,,,,,,,,0,,0\.0,,Bidang Perindustrian,.*belum selesai pada triwulan ini/);
  });

  it("a list with errors: exit 1 and nothing written; --allow-errors leaves it out and says so first", () => {
    const ws = tmp();
    cpSync(join(FIXTURE, "data"), join(ws, "data"), { recursive: true });
    const list = join(ws, "data", "participants", "batik-2022.csv");
    const lines = readFileSync(list, "utf8").split("\r\n");
    lines[3] = lines[3]!.replace(/^\d{16}/, "3.51401E+15");
    writeFileSync(list, lines.join("\r\n"));
    const blocked = report(ws, ["--year", "2022"]);
    expect(blocked.run.code).toBe(1);
    expect(blocked.run.stderr).toContain("batik-2022.csv");
    expect(blocked.run.stderr).toContain("--allow-errors");
    expect(readdirSync(blocked.out)).toEqual([]);
    const allowed = report(ws, ["--year", "2022", "--allow-errors", "--format", "md,xlsx"]);
    expect(allowed.run.code, allowed.run.stderr).toBe(0);
    const md = readFileSync(join(allowed.out, "laporan-2022-TW4.md"), "utf8");
    expect(md.split("\n").slice(0, 6).join("\n")).toMatch(/> \*\*Program batik-2022 .* TIDAK dihitung: daftar pesertanya berisi 1 galat/);
    expect(md).not.toContain("| 2 | 3.31.02.2.01.03 |");
    expect(md).toContain("| TIDAK dihitung: batik-2022 (Pelatihan Membatik &lt;Tulis> & Cap) | 1 galat, data/participants/batik-2022.csv |");
  });

  it("usage errors exit 2", () => {
    expect(runCli(["report", "--year", "2022", "--quarter", "V"], { cwd: FIXTURE }).code).toBe(2);
    expect(runCli(["report", "--year", "2019"], { cwd: FIXTURE }).code).toBe(2);
    expect(runCli(["report", "--year", "2022", "--format", "pdf"], { cwd: FIXTURE }).code).toBe(2);
  });
});

describe("pelatihan summary (built binary)", () => {
  it("golden: terminal view", () => {
    const run = runCli(["summary"], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    expectGolden(join("summary", "terminal.md"), transcript(["summary"], run));
  });

  it("--json: figures only on stdout; public profile has no cube and shows <5", () => {
    const run = runCli(["summary", "--json", "--profile", "public", "data/programs/barista-2022.yaml"], { cwd: FIXTURE });
    const json = JSON.parse(run.stdout) as { profile: string; programs: { id: string; cube?: unknown; breakdown: { disability: Record<string, unknown> } }[] };
    expect(json.profile).toBe("public");
    expect(json.programs[0]?.cube).toBeUndefined();
    expect(json.programs[0]?.breakdown.disability.intelektual).toBe("<5");
    expect(run.stdout).not.toMatch(/\b35\d{14}\b/);
  });

  it("--out writes <id>/ringkasan.md and ringkasan.html (golden)", () => {
    const out = tmp();
    const run = runCli(["summary", "data/programs/handicraft-2022.yaml", "--out", out], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, "handicraft-2022")).sort()).toEqual(["ringkasan.html", "ringkasan.md"]);
    expectGolden(join("summary", "handicraft-2022-ringkasan.md"), readFileSync(join(out, "handicraft-2022", "ringkasan.md"), "utf8"));
    expectGolden(join("summary", "handicraft-2022-ringkasan.html"), readFileSync(join(out, "handicraft-2022", "ringkasan.html"), "utf8"));
  });
});
