/**
 * A big list's roster is read in two parts at once (a worker thread reads, checks and
 * renders the second half): every document must be byte for byte what one pass gives.
 * PELATIHAN_SPLIT_MIN_BYTES=0 splits every list; a huge value never does.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/cli.js";
import { H, QUOTA, capsRows, splitsOverGenerated } from "../helpers/lists.js";
import { copyWorkspace, makeWorkspace } from "../helpers/workspace.js";

const ONE = { PELATIHAN_SPLIT_MIN_BYTES: "1e18" };
const TWO = { PELATIHAN_SPLIT_MIN_BYTES: "0", PELATIHAN_SPLIT_TRACE: "1" };

function roster(cwd: string, args: string[], env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "roster", "--force", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC", LANG: "C", ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every document under `dir` (one folder per program), as bytes by "program/file". */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const program of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, program))) out.set(`${program}/${f}`, readFileSync(join(dir, program, f)));
  }
  return out;
}

/** Both paths, with and without --skip-invalid, both profiles; how many lists were split. */
function compare(cwd: string): number {
  let splits = 0;
  for (const extra of [["--skip-invalid"], ["--skip-invalid", "--profile", "internal", "--delimiter", ";"], []]) {
    const tag = extra.join("").replace(/\W/g, "");
    const a = roster(cwd, [...extra, "--out", `one${tag}`], ONE);
    const b = roster(cwd, [...extra, "--out", `two${tag}`], TWO);
    expect(b.code).toBe(a.code);
    expect(b.stdout.replaceAll(`two${tag}`, `one${tag}`)).toBe(a.stdout);
    expect(b.stderr.replace(/^split: line \d+ .*\n/gm, "")).toBe(a.stderr);
    const fa = files(join(cwd, `one${tag}`));
    const fb = files(join(cwd, `two${tag}`));
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    for (const [name, bytes] of fa) expect(fb.get(name)?.equals(bytes), name).toBe(true);
    splits = Math.max(splits, (b.stderr.match(/^split: line \d+ /gm) ?? []).length);
  }
  return splits;
}

describe("a roster read in two parts gives what one pass gives", () => {
  it("the roster fixture workspace", () => {
    expect(compare(copyWorkspace(join(REPO, "test", "fixtures", "roster")))).toBeGreaterThan(0);
  });

  it("generated lists: duplicates and errors near the split, quoted lines, two programs", () => {
    expect(splitsOverGenerated(makeWorkspace, compare, 4)).toBeGreaterThan(0);
  });

  it("thousands of repeated NIKs on both sides of the split are all marked (past the findings cap)", () => {
    const rows = capsRows().filter((r) => !r.includes("Nowhere"));
    const ws = makeWorkspace([{ id: "a", list: `${H}\n${rows.join("\n")}\n`, yaml: QUOTA }]);
    expect(compare(ws)).toBe(1);
    const csv = readFileSync(join(ws, "oneskipinvalid", "a", "daftar-peserta.csv"), "utf8");
    expect(csv.match(/NIK ganda/g)?.length).toBeGreaterThan(1000);
  });
});
