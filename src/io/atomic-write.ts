/**
 * Every output is written to a temporary file in the same folder and renamed into place,
 * so a reader never sees half a file and an interrupted run leaves the old file intact.
 */
import { mkdirSync } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../errors.js";

let counter = 0;

function tempName(target: string): string {
  counter++;
  return join(dirname(target), `.pelatihan-tmp-${process.pid}-${counter}-${basename(target)}`);
}

function outputError(e: unknown, file: string): OutputError {
  const code = (e as NodeJS.ErrnoException).code ?? "EIO";
  const why =
    code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? "tidak boleh menulis / not writable"
      : code === "EBUSY" || code === "ETXTBSY"
        ? "berkas sedang dibuka program lain / file is open elsewhere"
        : code === "ENOSPC"
          ? "disk penuh / disk full"
          : code === "ENOTDIR" || code === "EEXIST"
            ? "jalur keluaran bukan folder / output path is not a folder"
            : `${code}`;
  return new OutputError("OUTPUT_WRITE", `gagal menulis / cannot write: ${why}`, {
    file,
    hint: "Periksa folder keluaran (--out) dan tutup berkas yang sedang dibuka di Excel.",
  });
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputError(e, dir);
  }
}

/** An output written to its temporary file (and synced), waiting to be renamed into place or removed. */
export interface WrittenTemp {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes `data` to a temporary file next to `file` and syncs it, without renaming it into
 * place yet: a command can write a big output while it still makes the next, and put them
 * all in place once every check has passed.
 */
export async function writeTemp(file: string, data: string | Uint8Array): Promise<WrittenTemp> {
  await ensureDir(dirname(file));
  const tmp = tempName(file);
  const { commit, discard } = placing(tmp, file);
  try {
    const fh = await open(tmp, "w");
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await discard();
    throw outputError(e, file);
  }
  return { commit, discard };
}

/** Writes `data` to `file` atomically (temp file, fsync, rename). */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await (await writeTemp(file, data)).commit();
}

/**
 * A temporary path next to `file` for an output another thread writes: commit() renames it
 * into place, discard() removes it. Synchronous, so that the other thread can start at once.
 */
export function tempFile(file: string): { path: string; commit(): Promise<void>; discard(): Promise<void> } {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw outputError(e, dirname(file));
  }
  const path = tempName(file);
  return { path, ...placing(path, file) };
}

/** Renaming a temporary file `tmp` into place as `file`, or removing it. */
function placing(tmp: string, file: string): WrittenTemp {
  const discard = (): Promise<void> => rm(tmp, { force: true }).catch(() => undefined);
  return {
    async commit() {
      try {
        await rename(tmp, file);
      } catch (e) {
        await discard();
        throw outputError(e, file);
      }
    },
    discard,
  };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
