/** Runs the built binary as users do, and compares outputs with golden files. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

export const REPO = join(import.meta.dirname, "..", "..");
export const BIN = join(REPO, "bin", "pelatihan.js");
export const GOLDEN = join(REPO, "test", "golden");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC", LANG: "C", ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Compares `actual` with test/golden/<name>; UPDATE_GOLDEN=1 rewrites the file. */
export function expectGolden(name: string, actual: string | Uint8Array): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  const expected = readFileSync(file);
  const got = typeof actual === "string" ? Buffer.from(actual) : Buffer.from(actual);
  if (typeof actual === "string") expect(actual).toBe(expected.toString("utf8"));
  else expect(got.equals(expected)).toBe(true);
}

/** A run as one Markdown document: command, exit code, stdout, stderr. */
export function transcript(args: string[], run: CliRun): string {
  return (
    `# pelatihan ${args.join(" ")}\n\nexit code: ${run.code}\n\n## stdout\n\n\`\`\`\n${run.stdout}\`\`\`\n\n` +
    `## stderr\n\n\`\`\`\n${run.stderr}\`\`\`\n`
  );
}
