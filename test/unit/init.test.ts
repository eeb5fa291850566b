import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INIT_FILES, INIT_TEMPLATES, initWorkspace } from "../../src/cli/init.js";
import { loadAreaIndex } from "../../src/io/area-data.js";
import { loadProgram } from "../../src/io/program-read.js";
import { isUserError } from "../../src/errors.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pelatihan-init-"));

describe("initWorkspace", () => {
  it("writes the example program and list under DIR/data", async () => {
    const root = tmp();
    const written = await initWorkspace("ws", { cwd: root });
    expect(written).toEqual(INIT_FILES.map((f) => join(root, "ws", f.target)));
    for (const f of written) expect(readFileSync(f, "utf8").length).toBeGreaterThan(100);
  });

  it("writes an example that loads without findings", async () => {
    const root = tmp();
    await initWorkspace(".", { cwd: root });
    const areas = await loadAreaIndex();
    const file = join(root, "data", "programs", "contoh-pelatihan.yaml");
    const { program, findings } = await loadProgram(file, "contoh-pelatihan.yaml", { regionExists: (c) => areas.regencyExists(c) });
    expect(findings).toEqual([]);
    expect(program).toMatchObject({ id: "contoh-pelatihan", region: "35.14", days: 3, quota: { total: 20, perDistrict: 2 } });
    expect(program?.participantsPath).toBe(join(root, "data", "participants", "contoh-pelatihan.csv"));
    expect(existsSync(program?.participantsPath ?? "")).toBe(true);
  });

  it("documents every key of the program schema in the example", () => {
    type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };
    const keys = new Set<string>();
    const walk = (n: Node | undefined): void => {
      if (!n) return;
      for (const [k, v] of Object.entries(n.properties ?? {})) {
        keys.add(k);
        walk(v);
      }
      walk(n.items);
      n.anyOf?.forEach(walk);
    };
    walk(JSON.parse(readFileSync(join(import.meta.dirname, "../../schema/program.schema.json"), "utf8")) as Node);
    expect(keys.size).toBeGreaterThan(40);
    const example = readFileSync(join(INIT_TEMPLATES, "contoh-pelatihan.yaml"), "utf8");
    const missing = [...keys].filter((k) => !new RegExp(`(^|[\\s{,#-])${k}:`, "m").test(example));
    expect(missing).toEqual([]);
  });

  it("refuses to overwrite and leaves every file as it was", async () => {
    const root = tmp();
    mkdirSync(join(root, "data", "participants"), { recursive: true });
    const mine = join(root, "data", "participants", "contoh-pelatihan.csv");
    writeFileSync(mine, "nik,nama,kecamatan\n");
    const err = await initWorkspace(".", { cwd: root }).catch((e: unknown) => e);
    expect(isUserError(err) && err.code === "INIT_EXISTS" && err.exitCode === 2).toBe(true);
    expect(readFileSync(mine, "utf8")).toBe("nik,nama,kecamatan\n");
    // the other file is not written either: nothing happens on a refusal
    expect(existsSync(join(root, "data", "programs", "contoh-pelatihan.yaml"))).toBe(false);
  });

  it("overwrites with force", async () => {
    const root = tmp();
    await initWorkspace(".", { cwd: root });
    const csv = join(root, "data", "participants", "contoh-pelatihan.csv");
    writeFileSync(csv, "edited\n");
    await initWorkspace(".", { cwd: root, force: true });
    expect(readFileSync(csv, "utf8")).toMatch(/^nik,nama,/);
  });
});
