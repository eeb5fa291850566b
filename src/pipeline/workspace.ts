/** Finding and loading the program definitions of a workspace. */
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { stat } from "node:fs/promises";
import { compareFindings, finding, isFatal, type Finding } from "../domain/findings.js";
import type { Program } from "../domain/program.js";
import { loadAreaIndex, type AreaIndex } from "../io/area-data.js";
import { listProgramFiles, loadProgram } from "../io/program-read.js";
import { UserError } from "../errors.js";

export interface Workspace {
  cwd: string;
  /** Workspace folder = parent of the programs folder (`data/` for data/programs/x.yaml). */
  root: string;
  areas: AreaIndex;
  /** Programs that loaded without error, sorted by file name. */
  programs: Program[];
  /** Findings on program files. */
  findings: Finding[];
  /** Some program file could not be read or parsed at all (exit 2). */
  fatal: boolean;
}

export const DEFAULT_PROGRAMS_DIR = "data/programs";

/** How findings name a file: relative to the working directory when inside it. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

function workspaceRoot(programFile: string): string {
  const dir = dirname(programFile);
  return basename(dir) === "programs" ? dirname(dir) : dir;
}

export async function openWorkspace(paths: string[], opts: { cwd?: string } = {}): Promise<Workspace> {
  const cwd = opts.cwd ?? process.cwd();
  let files: string[];
  if (paths.length === 0) {
    const dir = resolve(cwd, DEFAULT_PROGRAMS_DIR);
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) {
      throw new UserError("WORKSPACE_MISSING", `folder program tidak ditemukan / programs folder not found: ${displayPath(cwd, dir)}`, {
        hint: "Jalankan di folder ruang kerja, sebutkan file program, atau buat ruang kerja baru dengan `pelatihan init` / run inside a workspace, name program files, or create one with `pelatihan init`.",
      });
    }
    files = await listProgramFiles(dir);
    if (files.length === 0) {
      throw new UserError("WORKSPACE_EMPTY", `tidak ada file program (*.yaml) di ${displayPath(cwd, dir)} / no program files`, {
        hint: "Buat contoh dengan `pelatihan init` / create an example with `pelatihan init`.",
      });
    }
  } else {
    files = paths.map((p) => resolve(cwd, p));
  }
  const areas = await loadAreaIndex();
  const findings: Finding[] = [];
  const programs: Program[] = [];
  const seen = new Map<string, Program>();
  for (const abs of files) {
    const file = displayPath(cwd, abs);
    const res = await loadProgram(abs, file, { regionExists: (c) => areas.regencyExists(c) });
    findings.push(...res.findings);
    const p = res.program;
    if (!p) continue;
    const first = seen.get(p.id);
    if (first) {
      findings.push(finding("PROGRAM_ID_DUPLICATE", file, { line: 1, field: "id" }, { id: p.id, first: first.file }));
      continue;
    }
    seen.set(p.id, p);
    programs.push(p);
  }
  findings.sort(compareFindings);
  const root = workspaceRoot(files[0] ?? resolve(cwd, DEFAULT_PROGRAMS_DIR, "x.yaml"));
  return { cwd, root, areas, programs, findings, fatal: findings.some(isFatal) };
}
