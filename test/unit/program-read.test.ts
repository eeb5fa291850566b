import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/findings.js";
import { programJsonSchemaText } from "../../src/domain/program-json-schema.js";
import { programSchema } from "../../src/domain/program-schema.js";
import { knownKeysAt } from "../../src/io/program-issues.js";
import { listProgramFiles, loadProgram, programFromText } from "../../src/io/program-read.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../fixtures/programs");
const ROOT = resolve(here, "../..");
const regionExists = (code: string) => code === "35.14" || code === "35.75";

async function load(name: string) {
  return loadProgram(join(FIXTURES, name), `programs/${name}`, { regionExists });
}

/** [code, line, column, field] of each finding: positions and codes, never wording. */
const where = (fs: Finding[]) => fs.map((f) => [f.code, f.line, f.column, f.field]);

describe("loadProgram: bad inputs from docs/bad-inputs.md", () => {
  it.each([
    // fixture, expected findings [code, line, column, field] (all of them, in order)
    ["syntax-error.yaml", [["YAML_SYNTAX", 4, 1, undefined], ["YAML_SYNTAX", 5, 1, undefined]]],
    ["tab-indent.yaml", [["YAML_SYNTAX", 4, 1, undefined]]],
    ["duplicate-key.yaml", [["YAML_SYNTAX", 11, 3, undefined]]],
    ["several-documents.yaml", [["YAML_SYNTAX", 3, 1, undefined]]],
    ["yaml11-yes-boolean.yaml", [["PROGRAM_INVALID", 14, 24, "eligibility.disability_required"]]],
    [
      "unknown-tag.yaml",
      [["YAML_SYNTAX", 2, 8, undefined], ["YAML_SYNTAX", 3, 12, undefined], ["YAML_SYNTAX", 4, 8, undefined]],
    ],
    ["wrong-type.yaml", [["PROGRAM_INVALID", 10, 10, "quota.total"]]],
    [
      "out-of-range.yaml",
      [["PROGRAM_INVALID", 10, 10, "quota.total"], ["PROGRAM_INVALID", 12, 19, "completion.min_attendance"]],
    ],
    ["end-before-start.yaml", [["PROGRAM_INVALID", 7, 6, "end"]]],
    ["region-missing.yaml", [["PROGRAM_INVALID", 4, 9, "region"]]],
    // a missing required key points at its parent: the root map, or `quota:`
    [
      "missing-required.yaml",
      [["PROGRAM_INVALID", 1, 1, "participants"], ["PROGRAM_INVALID", 8, 1, "quota.total"]],
    ],
  ])("%s", async (name, expected) => {
    const r = await load(name);
    expect(r.program).toBeUndefined();
    expect(where(r.findings)).toEqual(expected);
    for (const f of r.findings) expect(f.file).toBe(`programs/${name}`);
  });

  it("names the duplicated key and reports tab and duplicate with their own reasons", async () => {
    expect((await load("duplicate-key.yaml")).findings[0]?.args).toMatchObject({ reason: "duplicate-key", key: "total" });
    expect((await load("tab-indent.yaml")).findings[0]?.args).toMatchObject({ reason: "tab" });
    expect((await load("several-documents.yaml")).findings[0]?.args).toMatchObject({ reason: "several-documents" });
  });

  it("refuses a billion-laughs file without expanding it: one finding per anchor, at the &", async () => {
    const r = await load("alias-bomb.yaml");
    expect(r.program).toBeUndefined();
    expect(r.findings).toHaveLength(9);
    expect(r.findings.every((f) => f.code === "YAML_SYNTAX" && f.args.reason === "alias")).toBe(true);
    expect(where(r.findings).slice(0, 2)).toEqual([["YAML_SYNTAX", 1, 4, undefined], ["YAML_SYNTAX", 2, 4, undefined]]);
  });

  it("refuses an alias to an anchor that does not exist", () => {
    const r = programFromText("id: x\ntitle: *nothing\n", "p.yaml", "p.yaml", { regionExists });
    expect(where(r.findings)).toEqual([["YAML_SYNTAX", 2, 8, undefined]]);
  });

  it("names each refused tag", async () => {
    const tags = (await load("unknown-tag.yaml")).findings.map((f) => f.args.tag);
    expect(tags).toEqual(["tag:yaml.org,2002:python/object/apply:os.system", "!foo", "tag:yaml.org,2002:binary"]);
  });

  it("suggests the known key for a typo, at the key itself", async () => {
    const r = await load("unknown-keys.yaml");
    const unknown = r.findings.filter((f) => f.args.key !== undefined);
    expect(unknown.map((f) => [f.field, f.line, f.column, f.args.suggestion])).toEqual([
      ["venu", 5, 1, "venue"],
      ["quota.totl", 10, 3, "total"],
    ]);
  });

  it("says `yes` is not a boolean instead of reading it as true", async () => {
    const [f] = (await load("yaml11-yes-boolean.yaml")).findings;
    expect(f?.args.message).toMatch(/true/);
  });

  it("reports every problem of a file at once", async () => {
    const r = await load("several-problems.yaml");
    expect(where(r.findings)).toEqual([
      ["PROGRAM_INVALID", 1, 1, "venue"],
      ["PROGRAM_INVALID", 1, 5, "id"],
      ["PROGRAM_INVALID", 2, 1, "title"],
      ["PROGRAM_INVALID", 5, 1, "venu"],
      ["PROGRAM_INVALID", 7, 6, "end"],
      ["PROGRAM_INVALID", 10, 10, "quota.total"],
      ["PROGRAM_INVALID", 12, 46, "quota.groups.0.min"],
      ["PROGRAM_INVALID", 14, 24, "eligibility.disability_required"],
      ["PROGRAM_INVALID", 16, 19, "completion.min_attendance"],
    ]);
    expect(r.findings.every((f) => typeof f.args.message === "string" && f.args.message.includes(" / "))).toBe(true);
  });

  it("refuses more than 32 group quotas (each is a bit of one number during the selection)", () => {
    const groups = (n: number) => Array.from({ length: n }, (_, i) => `    - { field: pendidikan, value: "S${i}", min: 1 }`).join("\n");
    const src = (n: number) => `id: x\nregion: "35.14"\nquota:\n  total: 40\n  groups:\n${groups(n)}\n`;
    const group = (n: number) => programFromText(src(n), "p.yaml", "p.yaml", { regionExists }).findings.filter((f) => f.field === "quota.groups");
    expect(group(32)).toEqual([]);
    const too = group(33);
    expect(where(too)).toEqual([["PROGRAM_INVALID", 5, 3, "quota.groups"]]);
    expect(too[0]?.args.message).toContain("32");
  });

  it("checks the region even when other keys are wrong", () => {
    const src = "id: x\nregion: \"99.99\"\nquota: { total: 0 }\n";
    const r = programFromText(src, "p.yaml", "p.yaml", { regionExists });
    expect(where(r.findings).filter((w) => w[3] === "region")).toEqual([["PROGRAM_INVALID", 2, 9, "region"]]);
  });
});

describe("loadProgram: values stay as written", () => {
  it("loads the example program with its values and defaults", async () => {
    const r = await load("valid.yaml");
    expect(r.findings).toEqual([]);
    const dir = FIXTURES;
    expect(r.program).toEqual({
      file: "programs/valid.yaml",
      dir,
      id: "handicraft-disabilitas-2022",
      title: "Pelatihan Handicraft bagi Penyandang Disabilitas",
      organizer: "Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan",
      region: "35.14",
      venue: "Gazebo Latek, Bangil",
      start: "2022-11-07",
      end: "2022-11-10",
      days: 4,
      fiscalYear: 2022,
      participants: "../participants/handicraft-disabilitas-2022.csv",
      participantsPath: resolve(dir, "../participants/handicraft-disabilitas-2022.csv"),
      quota: { total: 20, perDistrict: 2, minDistricts: 10, groups: [{ field: "jenis_kelamin", value: "P", min: 8 }] },
      eligibility: { disabilityRequired: true, age: { min: 18, max: 60 } },
      completion: { minAttendance: 0.8, attendanceCertificate: false },
      musrenbang: [],
    });
  });

  it("keeps yes/no/on/off as text under %YAML 1.1", async () => {
    const r = await load("yaml11-text.yaml");
    expect(r.findings).toEqual([]);
    expect([r.program?.title, r.program?.organizer, r.program?.venue, r.program?.partner]).toEqual(["yes", "no", "on", "off"]);
  });

  it("keeps 012, 16-digit numbers and 1.10 exactly", async () => {
    const r = await load("numbers-as-text.yaml");
    expect(r.findings).toEqual([]);
    expect(r.program?.musrenbang).toEqual(["012", "3514011234567890"]);
    expect(r.program?.activityCode).toBe("012");
    expect(r.program?.unit).toBe("1.10");
    expect(r.program?.region).toBe("35.14");
  });

  it("treats an empty value as not given: a required key is reported at its own line", () => {
    const r = programFromText("id: x\ntitle:\n", "p.yaml", "p.yaml", { regionExists });
    expect(where(r.findings).find((w) => w[3] === "title")).toEqual(["PROGRAM_INVALID", 2, 1, "title"]);
  });

  it("keeps a key named __proto__ as an unknown key", () => {
    const r = programFromText("__proto__: { polluted: yes }\n", "p.yaml", "p.yaml", { regionExists });
    expect(r.findings.some((f) => f.field === "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses very deep nesting without overflowing the stack", () => {
    const deep = `notes: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    const r = programFromText(deep, "p.yaml", "p.yaml", { regionExists });
    expect(r.findings.some((f) => f.code === "YAML_SYNTAX")).toBe(true);
  });
});

describe("loadProgram: the file itself", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "pelatihan-program-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  const loadTmp = (name: string) => loadProgram(join(tmp, name), name, { regionExists });
  const valid = () => readFile(join(FIXTURES, "valid.yaml"));

  it.each([
    ["missing", "nope.yaml"],
    ["directory", "."],
  ])("%s → FILE_UNREADABLE", async (reason, name) => {
    const r = await loadTmp(name);
    expect(r.findings.map((f) => [f.code, f.args.reason])).toEqual([["FILE_UNREADABLE", reason]]);
  });

  // root reads any file whatever its mode: nothing to test there
  it.skipIf(process.getuid?.() === 0)("unreadable file → FILE_UNREADABLE", async () => {
    await writeFile(join(tmp, "locked.yaml"), "id: x\n");
    await chmod(join(tmp, "locked.yaml"), 0o000);
    const r = await loadTmp("locked.yaml");
    expect(r.findings.map((f) => [f.code, f.args.reason])).toEqual([["FILE_UNREADABLE", "denied"]]);
  });

  it.each(["empty.yaml", "comments-only.yaml"])("%s → PROGRAM_INVALID empty", async (name) => {
    const r = await load(name);
    expect(r.findings.map((f) => [f.code, f.args.reason])).toEqual([["PROGRAM_INVALID", "empty"]]);
  });

  it("reads UTF-8 with BOM with correct columns, and UTF-16LE with BOM", async () => {
    const body = await valid();
    await writeFile(join(tmp, "bom.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.toString("utf8"), "utf16le")]);
    await writeFile(join(tmp, "utf16.yaml"), utf16);
    await writeFile(join(tmp, "bom-bad.yaml"), Buffer.from("\ufeffid: Salah\n"));
    expect((await loadTmp("bom.yaml")).program?.id).toBe("handicraft-disabilitas-2022");
    expect((await loadTmp("utf16.yaml")).program?.id).toBe("handicraft-disabilitas-2022");
    expect(where((await loadTmp("bom-bad.yaml")).findings).find((w) => w[3] === "id")).toEqual(["PROGRAM_INVALID", 1, 5, "id"]);
  });

  it("locates bytes that are not UTF-8", async () => {
    await writeFile(join(tmp, "latin1.yaml"), Buffer.from("id: x\nvenue: Caf\xe9\n", "latin1"));
    const r = await loadTmp("latin1.yaml");
    expect(r.findings.map((f) => [f.code, f.line, f.column, f.args.reason])).toEqual([["YAML_SYNTAX", 2, 11, "encoding"]]);
  });

  it("lists *.yaml and *.yml files in name order, not folders, dot files or other files", async () => {
    const d = join(tmp, "programs");
    await mkdir(join(d, "sub.yaml"), { recursive: true });
    for (const n of ["b.yaml", "a.yml", "c.txt", ".hidden.yaml", "C.YAML"]) await writeFile(join(d, n), "id: x\n");
    await symlink(join(d, "b.yaml"), join(d, "link.yaml"));
    await symlink(join(d, "missing"), join(d, ".#lock.yaml"));
    expect(await listProgramFiles(d)).toEqual(["C.YAML", "a.yml", "b.yaml", "link.yaml"].map((n) => join(d, n)));
    await expect(listProgramFiles(join(tmp, "none"))).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
  });
});

describe("any text gives a program or located findings, never an exception", () => {
  const yamlish = fc.array(
    fc.oneof(
      fc.constantFrom("id: x", "quota:", "  total: 20", "- a", "  - b", "\t", "&a", "*a", "!!binary", "---", "%YAML 1.1", "{", "]", ": ", "'", "\"", "#", "yes"),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 20 },
  );
  it("holds for YAML-like fragments", () => {
    fc.assert(
      fc.property(yamlish, fc.constantFrom("\n", " ", ""), (parts, sep) => {
        const r = programFromText(parts.join(sep), "p.yaml", "p.yaml", { regionExists });
        expect(r.program !== undefined || r.findings.length > 0).toBe(true);
        for (const f of r.findings) {
          if (f.code === "YAML_SYNTAX") expect(f.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("schema helpers", () => {
  it("knows the keys at each level from the zod shape", () => {
    expect(knownKeysAt(programSchema, ["quota"])).toEqual(["total", "per_district", "min_districts", "groups"]);
    expect(knownKeysAt(programSchema, ["quota", "groups", 0])).toEqual(["field", "value", "min", "max"]);
    expect(knownKeysAt(programSchema, ["eligibility", "age"])).toEqual(["min", "max"]);
    expect(knownKeysAt(programSchema, ["title"])).toEqual([]);
  });

  it("schema/program.schema.json is up to date (if not: npm run schema)", async () => {
    const committed = await readFile(join(ROOT, "schema/program.schema.json"), "utf8");
    expect(committed, "schema/program.schema.json is stale: run `npm run schema` and commit it").toBe(programJsonSchemaText());
  });

  it("describes checked values: integers, booleans, dates, no unknown keys", () => {
    const s = JSON.parse(programJsonSchemaText());
    expect(s.properties.quota.properties.total).toEqual({ type: "integer", minimum: 1 });
    expect(s.properties.eligibility.properties.disability_required).toEqual({ type: "boolean" });
    expect(s.properties.start).toEqual({ type: "string", format: "date" });
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(expect.arrayContaining(["id", "title", "region", "start", "end", "quota"]));
  });
});
