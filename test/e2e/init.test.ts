import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pelatihan-init-e2e-"));

describe("pelatihan init (built binary)", () => {
  it("writes a workspace that validates clean, and says what to run next", () => {
    const dir = tmp();
    const run = runCli(["init", "baru"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      "ruang kerja dibuat:\n  baru/data/programs/contoh-pelatihan.yaml\n  baru/data/participants/contoh-pelatihan.csv\n" +
        "berikutnya: ubah contoh sesuai program Anda, lalu jalankan: cd baru && pelatihan validate\n",
    );
    const v = runCli(["validate", "--strict"], { cwd: join(dir, "baru") });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain("contoh-pelatihan: 4 baris, 0 galat, 0 peringatan");
  });

  it("refuses to overwrite (exit 2, hint --force), then overwrites with --force", () => {
    const dir = tmp();
    expect(runCli(["init"], { cwd: dir }).code).toBe(0);
    const again = runCli(["init", "--lang", "en"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("[INIT_EXISTS]");
    expect(again.stderr).toContain("--force");
    const forced = runCli(["init", "--force", "--lang", "en"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("next: edit the example, then run: pelatihan validate");
  });
});

describe("sample workspace data/", () => {
  it("validates with exit 0 and no error findings", () => {
    const run = runCli(["validate", "--json"], { cwd: REPO });
    expect(run.code, run.stdout).toBe(0);
    const json = JSON.parse(run.stdout) as { errors: number; warnings: number; programs: { id: string }[] };
    expect(json.errors).toBe(0);
    expect(json.warnings).toBeLessThanOrEqual(5);
    expect(json.programs.map((p) => p.id)).toContain("handicraft-disabilitas-2022");
  });

  it("is exactly what scripts/make-sample-data.js generates", () => {
    const out = tmp();
    execFileSync(process.execPath, [join(REPO, "scripts", "make-sample-data.js"), out], { stdio: "ignore" });
    for (const sub of ["programs", "participants"]) {
      const names = readdirSync(join(out, "data", sub)).sort();
      expect(readdirSync(join(REPO, "data", sub)).sort()).toEqual(names);
      for (const n of names) {
        expect(readFileSync(join(out, "data", sub, n)).equals(readFileSync(join(REPO, "data", sub, n))), n).toBe(true);
      }
    }
  });
});
