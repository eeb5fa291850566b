/**
 * A big list is validated in two parts at once (a worker thread reads the second half):
 * the output must be byte for byte what one pass gives. PELATIHAN_SPLIT_MIN_BYTES=0 splits
 * every list; a huge value never does.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO, type CliRun } from "../helpers/cli.js";
import { H, QUOTA, capsRows, splitsOverGenerated } from "../helpers/lists.js";
import { makeWorkspace } from "../helpers/workspace.js";

const ONE = { PELATIHAN_SPLIT_MIN_BYTES: "1e18" };
const TWO = { PELATIHAN_SPLIT_MIN_BYTES: "0", PELATIHAN_SPLIT_TRACE: "1" };

/** runCli with room for the JSON of thousands of findings. */
function runCli(args: string[], opts: { cwd: string; env: Record<string, string> }): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC", LANG: "C", ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Both paths on a workspace, text and JSON; how many lists the split path did split. */
function compare(cwd: string, variants: string[][] = [[], ["--json"]]): number {
  let splits = 0;
  for (const extra of variants) {
    const a = runCli(["validate", ...extra], { cwd, env: ONE });
    const b = runCli(["validate", ...extra], { cwd, env: TWO });
    expect(b.stdout).toBe(a.stdout);
    expect(b.code).toBe(a.code);
    expect(b.stderr.replace(/^split: line \d+ .*\n/gm, "")).toBe(a.stderr);
    splits = Math.max(splits, (b.stderr.match(/^split: line \d+ /gm) ?? []).length);
  }
  return splits;
}

describe("validate in two parts gives what one pass gives", () => {
  const fixtures = join(REPO, "test", "fixtures");

  it.each(["workspaces/bad", "roster", "report"])("workspace %s", (ws) => {
    expect(compare(join(fixtures, ws), [[], ["--json", "--lang", "en"]])).toBeGreaterThan(0);
  });

  it("every list fixture", () => {
    const lists = readdirSync(join(fixtures, "lists")).filter((f) => f.endsWith(".csv"));
    const ws = makeWorkspace(lists.map((f, i) => ({ id: `l${i}`, list: join(fixtures, "lists", f) })));
    expect(compare(ws)).toBeGreaterThan(0);
  });

  it("generated lists: duplicates and errors near the split, quoted lines, two programs of one year", () => {
    expect(splitsOverGenerated(makeWorkspace, compare, 6)).toBeGreaterThan(0);
  });

  it("encodings decided on the whole file when the second part is not clean UTF-8", () => {
    const rows = Array.from({ length: 400 }, (_, i) => `35140${(i % 9) + 1}0101900${String((i % 99) + 1).padStart(3, "0")},Siti,P,01/01/1990,Bangil,,-,081234567890,H,H,H,H`);
    const head = Buffer.from(`${H}\n${rows.join("\n")}\n`);
    const tail = (bytes: number[]) => Buffer.concat([Buffer.from("3514010101900001,Ren"), Buffer.from(bytes), Buffer.from(",P,01/01/1990,Bangil,,-,081234567890,H,H,H,H\n")]);
    const ws = makeWorkspace([
      { id: "a", list: "x" },
      { id: "b", list: "x" },
      { id: "c", list: "x" },
    ]);
    const dir = join(ws, "data", "participants");
    writeFileSync(join(dir, "a.csv"), Buffer.concat([head, tail([0xe9])])); // Windows-1252 é
    writeFileSync(join(dir, "b.csv"), Buffer.concat([head, tail([0x00])])); // NUL: not a text file
    writeFileSync(join(dir, "c.csv"), Buffer.concat([head, tail([0xc3, 0xa9])])); // UTF-8 é
    expect(compare(ws)).toBeGreaterThan(0);
    const one = runCli(["validate", "--json"], { cwd: ws, env: ONE });
    const codes = (JSON.parse(one.stdout) as { programs: { findings: { code: string }[] }[] }).programs.map((p) => p.findings.map((f) => f.code));
    expect(codes[0]).toContain("CSV_ENCODING");
    expect(codes[1]).toContain("CSV_ENCODING_INVALID");
    expect(codes[2]).not.toContain("CSV_ENCODING");
  });

  it("caps: over 1,000 findings of several codes, first seen on either side of the split", () => {
    const rows = capsRows();
    const ws = makeWorkspace([
      { id: "a", list: `${H}\r\n${rows.join("\r\n")}\r\n`, yaml: QUOTA },
      { id: "b", list: `${H}\n${rows.slice(2000).join("\n")}\n` },
    ]);
    expect(compare(ws)).toBe(2);
  });
});
