import { parseDate } from "../domain/dates.js";
/**
 * Reads a program definition (YAML) and checks it against the program schema, reporting
 * every problem in the file at once, each with its line and column. Problems with the
 * file are findings, never exceptions.
 */
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { compareFindings, finding, type Finding } from "../domain/findings.js";
import { toProgram, type Program } from "../domain/program.js";
import { programSchema, REGION_CODE } from "../domain/program-schema.js";
import { UserError } from "../errors.js";
import { bilingualErrors, issuesToFindings } from "./program-issues.js";
import { parseYaml, toPlain } from "./yaml-document.js";
import { isEmptyNode, locate } from "./yaml-positions.js";

export interface LoadProgramResult {
  program?: Program;
  findings: Finding[];
}

/** Program files are a few kilobytes; anything this big is the wrong file. */
const MAX_BYTES = 1024 * 1024;

const READ_REASONS: Record<string, string> = {
  ENOENT: "missing",
  ENOTDIR: "missing",
  EISDIR: "directory",
  EACCES: "denied",
  EPERM: "denied",
};

const READ_MESSAGES: Record<string, string> = {
  missing: "berkas tidak ditemukan / file not found",
  directory: "ini folder, bukan berkas / this is a folder, not a file",
  denied: "tidak ada izin membaca berkas / no permission to read the file",
  "too-large": "berkas terlalu besar untuk definisi program / file too large for a program definition",
  unreadable: "berkas tidak bisa dibaca / file cannot be read",
};

function unreadable(file: string, reason: string, detail?: string): Finding {
  const args: Record<string, string> = { reason, message: READ_MESSAGES[reason] ?? reason };
  if (detail) args.detail = detail;
  return finding("FILE_UNREADABLE", file, {}, args);
}

async function readBytes(path: string, file: string): Promise<Buffer | Finding> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return unreadable(file, "directory");
    if (st.size > MAX_BYTES) return unreadable(file, "too-large", `${st.size} bytes`);
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    return unreadable(file, READ_REASONS[code] ?? "unreadable", code);
  }
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM, as Notepad writes them. */
function decode(buf: Buffer, file: string): string | Finding {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(body);
    const at = Math.max(0, lossy.indexOf("\uFFFD"));
    const before = lossy.slice(0, at);
    const where = { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
    return finding("YAML_SYNTAX", file, where, {
      reason: "encoding",
      message: "berkas bukan UTF-8; simpan ulang sebagai UTF-8 / file is not UTF-8; save it again as UTF-8",
    });
  }
}

function empty(file: string): LoadProgramResult {
  return { findings: [finding("PROGRAM_INVALID", file, {}, { reason: "empty", message: "berkas kosong / file is empty" })] };
}

/** `path` to open; `file` is how findings name it. Never throws for problems with the file. */
export async function loadProgram(
  path: string,
  file: string,
  opts: { regionExists(code: string): boolean },
): Promise<LoadProgramResult> {
  const bytes = await readBytes(path, file);
  if (!Buffer.isBuffer(bytes)) return { findings: [bytes] };
  const text = decode(bytes, file);
  if (typeof text !== "string") return { findings: [text] };
  return programFromText(text, path, file, opts);
}

/** The checks of loadProgram() on text already read; `path` only resolves relative paths. */
export function programFromText(
  text: string,
  path: string,
  file: string,
  opts: { regionExists(code: string): boolean },
): LoadProgramResult {
  if (text.trim() === "") return empty(file);

  const { root, lineCounter, findings: syntax } = parseYaml(text, file);
  if (syntax.length > 0) return { findings: syntax.sort(compareFindings) };
  if (root === null || isEmptyNode(root)) return empty(file);

  const value = toPlain(root);
  const parsed = programSchema.safeParse(value, { error: bilingualErrors });
  const findings = parsed.success
    ? []
    : issuesToFindings(parsed.error.issues, { file, root, lineCounter, schema: programSchema });

  // Checked even when other keys are wrong, so that every problem shows at once.
  const region = (value as { region?: unknown } | undefined)?.region;
  const regionOk = !findings.some((f) => f.field === "region");
  if (typeof region === "string" && REGION_CODE.test(region) && regionOk && !opts.regionExists(region)) {
    findings.push(
      finding("PROGRAM_INVALID", file, { ...locate(root, ["region"], lineCounter), field: "region" }, {
        message: `kode wilayah tidak ada / region code does not exist: ${region}`,
        region,
      }),
    );
  }
  // The schema's own cross-field rules run only on an otherwise valid file; this one matters too much to wait.
  if (!parsed.success) findings.push(...endBeforeStart(value, findings, file, root, lineCounter));
  if (!parsed.success || findings.length > 0) return { findings: findings.sort(compareFindings) };
  const dir = dirname(resolve(path));
  return { program: toProgram(parsed.data, file, dir, (p) => resolve(dir, p)), findings };
}

/** Paths (`dir` joined with the name) of the *.yaml and *.yml files directly in `dir`, sorted by name. */
export async function listProgramFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    throw new UserError("FILE_UNREADABLE", `folder program tidak bisa dibaca / cannot read the programs folder (${code})`, {
      file: dir,
    });
  }
  const names: string[] = [];
  for (const e of entries) {
    // Dot files are editor leftovers (`.#program.yaml` lock links, `._program.yaml`).
    if (e.name.startsWith(".") || !/\.ya?ml$/i.test(e.name)) continue;
    if (e.isFile() || (e.isSymbolicLink() && (await isFile(join(dir, e.name))))) names.push(e.name);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => join(dir, n));
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

function endBeforeStart(value: unknown, findings: readonly Finding[], file: string, root: Parameters<typeof locate>[0], lc: Parameters<typeof locate>[2]): Finding[] {
  const v = value as { start?: unknown; end?: unknown } | undefined;
  if (typeof v?.start !== "string" || typeof v.end !== "string") return [];
  if (findings.some((f) => f.field === "start" || f.field === "end")) return [];
  const start = parseDate(v.start);
  const end = parseDate(v.end);
  if (!start.ok || !end.ok || end.iso >= start.iso) return [];
  return [
    finding("PROGRAM_INVALID", file, { ...locate(root, ["end"], lc), field: "end" }, {
      message: "tanggal selesai sebelum tanggal mulai / end date before start date",
    }),
  ];
}
