/**
 * The workspace folder for commands about the whole workspace (keys, the certificate
 * register): the parent of the programs folder, `data/` in the sample. With no folder
 * named it is ./data; a named folder that holds data/programs but no programs/ of its own
 * means its data/ (so `pelatihan keys init myoffice` after `pelatihan init myoffice` works).
 */
import { dirname, join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { DEFAULT_PROGRAMS_DIR } from "../pipeline/workspace.js";

export function workspaceRoot(dir: string | undefined, cwd = process.cwd()): string {
  if (dir === undefined) return resolve(cwd, dirname(DEFAULT_PROGRAMS_DIR));
  const abs = resolve(cwd, dir);
  if (!existsSync(join(abs, "programs")) && existsSync(join(abs, DEFAULT_PROGRAMS_DIR))) return join(abs, dirname(DEFAULT_PROGRAMS_DIR));
  return abs;
}
