/**
 * `pelatihan init [DIR]`: copies the commented example program and list shipped in
 * templates/init/ into DIR/data/. It checks every target before writing any, so a refusal
 * leaves the folder as it was.
 */
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
import { exists, writeFileAtomic } from "../io/atomic-write.js";
import { asLang } from "./options.js";

/** templates/init/ of the package: two levels up from src/cli/ and from dist/cli/ alike. */
export const INIT_TEMPLATES = fileURLToPath(new URL("../../templates/init/", import.meta.url));

/** What init writes: template file name -> path inside the workspace folder. */
export const INIT_FILES = [
  { template: "contoh-pelatihan.yaml", target: join("data", "programs", "contoh-pelatihan.yaml") },
  { template: "contoh-pelatihan.csv", target: join("data", "participants", "contoh-pelatihan.csv") },
] as const;

export interface InitOptions {
  force?: boolean;
  cwd?: string;
}

/** Writes the example workspace into `dir`; returns the paths written (absolute). */
export async function initWorkspace(dir: string, opts: InitOptions = {}): Promise<string[]> {
  const root = resolve(opts.cwd ?? process.cwd(), dir);
  const plan = INIT_FILES.map((f) => ({ from: join(INIT_TEMPLATES, f.template), to: join(root, f.target) }));
  if (!opts.force) {
    const taken: string[] = [];
    for (const f of plan) if (await exists(f.to)) taken.push(f.to);
    if (taken.length > 0) {
      throw new UserError("INIT_EXISTS", `berkas sudah ada / file already exists: ${taken.map((t) => shown(t, opts.cwd)).join(", ")}`, {
        hint: "Tidak ada yang ditimpa. Pakai --force untuk menimpa, atau pilih folder lain. / Nothing was overwritten: use --force to overwrite, or choose another folder.",
      });
    }
  }
  const contents = await Promise.all(plan.map((f) => readTemplate(f.from)));
  for (const [i, f] of plan.entries()) await writeFileAtomic(f.to, contents[i] as Buffer);
  return plan.map((f) => f.to);
}

async function readTemplate(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new UserError("TEMPLATE_MISSING", `templat contoh tidak ditemukan / example template missing: ${file}`, {
      hint: "Pasang ulang pelatihan (npm install) / reinstall pelatihan.",
    });
  }
}

/** A path as the user would type it from `cwd`. */
function shown(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** Other program files already in the folder: the example will be validated with them. */
async function otherPrograms(root: string): Promise<number> {
  try {
    const names = await readdir(join(root, "data", "programs"));
    return names.filter((n) => /\.ya?ml$/i.test(n) && n !== "contoh-pelatihan.yaml").length;
  } catch {
    return 0;
  }
}

export async function runInit(dir: string | undefined, opts: Record<string, unknown>): Promise<number> {
  const lang = asLang(opts.lang);
  const target = dir ?? ".";
  const written = await initWorkspace(target, { force: opts.force === true });
  const root = resolve(target);
  const en = lang === "en";
  const lines = [en ? "workspace written:" : "ruang kerja dibuat:", ...written.map((f) => `  ${shown(f)}`)];
  const others = await otherPrograms(root);
  if (others > 0) {
    lines.push(
      en
        ? `note: data/programs already holds ${others} other program file(s); the example is checked with them.`
        : `catatan: data/programs sudah berisi ${others} berkas program lain; contoh ikut diperiksa bersama program itu.`,
    );
  }
  const cd = shown(root) === "." ? "" : `cd ${quote(shown(root))} && `;
  lines.push(
    en
      ? `next: edit the example, then run: ${cd}pelatihan validate`
      : `berikutnya: ubah contoh sesuai program Anda, lalu jalankan: ${cd}pelatihan validate`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

function quote(p: string): string {
  return /^[\w./-]+$/.test(p) ? p : `"${p.replace(/"/g, '\\"')}"`;
}
