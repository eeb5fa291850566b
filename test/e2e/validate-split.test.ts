/**
 * A big list is validated in two parts at once (a worker thread reads the second half):
 * the output must be byte for byte what one pass gives. PELATIHAN_SPLIT_MIN_BYTES=0 splits
 * every list; a huge value never does.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BIN, REPO, type CliRun } from "../helpers/cli.js";
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
    expect(b.stderr.replace(/^split: line \d+\n/gm, "")).toBe(a.stderr);
    splits = Math.max(splits, (b.stderr.match(/^split: line \d+$/gm) ?? []).length);
  }
  return splits;
}

const H = "nik,nama,jenis_kelamin,tanggal_lahir,kecamatan,desa,disabilitas,telepon,hadir_1,hadir_2,hadir_3,hadir_4";
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Valid NIKs of Kabupaten Pasuruan; a small pool so that duplicates fall on both sides of the split. */
const POOL = Array.from({ length: 40 }, (_, i) => `35140${(i % 9) + 1}${pad((i % 28) + 1 + (i % 2 ? 40 : 0))}0${(i % 9) + 1}8${i % 10}${pad(i + 1, 4)}`);

const cell = {
  nik: fc.oneof(fc.constantFrom(...POOL), fc.constantFrom("123", "3514014101650000", "", "3.51401E+15", "9914014101650001")),
  name: fc.constantFrom("Siti Rahayu", "Budi", '"Ani\nBaru"', '"Sri, S.Pd"', "", "<b>x</b>", '"Joko ""Jo"""'),
  sex: fc.constantFrom("L", "P", "X", ""),
  date: fc.constantFrom("01/01/1990", "31/02/1990", "abc", "", "1985-03-12"),
  district: fc.constantFrom("Purwodadi", "Bangil", "Tutur", "Nowhere", "Kec. Bangil"),
  village: fc.constantFrom("", "Xyz"),
  disability: fc.constantFrom("-", "fisik", "zzz", "netra dan rungu"),
  phone: fc.constantFrom("081234567890", "12", "+62 812-3456-7890"),
  mark: fc.constantFrom("H", "A", "?", "H", "H"),
};
const row = fc
  .tuple(cell.nik, cell.name, cell.sex, cell.date, cell.district, cell.village, cell.disability, cell.phone, cell.mark, cell.mark, cell.mark, cell.mark)
  .map((cells) => cells.join(","));
const oddLine = fc.constantFrom("", ",,,", "a,b", '3514014101650001,Ani"x,P,,Bangil,,,,H,H,H,H', '"unclosed,Ani,P,,Bangil,,,,H,H,H,H');
const list = fc.record({
  lines: fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: oddLine }), { minLength: 1, maxLength: 120 }),
  eol: fc.constantFrom("\n", "\r\n"),
});

const QUOTA = "quota:\n  total: 30\n  per_district: 3\n  min_districts: 5\n  groups:\n    - field: jenis_kelamin\n      value: P\n      min: 10\n";

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
    let splits = 0;
    fc.assert(
      fc.property(list, list, (a, b) => {
        const text = (l: { lines: string[]; eol: string }) => [H, ...l.lines].join(l.eol) + l.eol;
        const ws = makeWorkspace([
          { id: "a", list: text(a), yaml: QUOTA },
          { id: "b", list: text(b), yaml: "quota:\n  total: 100\n" },
        ]);
        splits += compare(ws);
      }),
      { numRuns: 6 },
    );
    expect(splits).toBeGreaterThan(0);
  });

  it("caps: over 1,000 findings of several codes, first seen on either side of the split", () => {
    const rows: string[] = [];
    // first half: bad phones only; second half: bad dates, then duplicates and bad districts
    for (let i = 0; i < 1500; i++) rows.push(`${POOL[i % POOL.length]},Siti,P,01/01/1990,Bangil,,-,12,H,H,H,H`);
    for (let i = 0; i < 1200; i++) rows.push(`35140${(i % 9) + 1}0101900${pad(i % 99 + 1, 3)},Budi,L,31/02/1990,Bangil,,-,081234567890,H,H,H,H`);
    for (let i = 0; i < 1300; i++) rows.push(`${POOL[i % POOL.length]},Ani,P,01/01/1990,Nowhere,,-,081234567890,H,H,H,?`);
    const ws = makeWorkspace([
      { id: "a", list: `${H}\r\n${rows.join("\r\n")}\r\n`, yaml: QUOTA },
      { id: "b", list: `${H}\n${rows.slice(2000).join("\n")}\n` },
    ]);
    expect(compare(ws)).toBe(2);
  });
});
