/** The bundle as `npm run build` leaves it (scripts/bundle.js). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

describe("dist/bundle", () => {
  it("loads pdfkit with a code cache that this Node.js accepts", () => {
    expect(existsSync(join(REPO, "dist", "bundle", "pdfkit.cjs.cache"))).toBe(true);
    const r = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `const m = await import(${JSON.stringify(join(REPO, "dist", "bundle", "pdfkit.js"))}); console.log(JSON.stringify({ rejected: m.codeCacheRejected, ctor: typeof m.default }));`],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, ctor: "function" });
  });
});
