/** Temporary workspaces for pipeline tests: programs written as YAML next to their lists. */
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProgramSpec {
  id: string;
  /** Absolute path of an existing list, or CSV text to write. */
  list: string;
  yaml?: string;
  start?: string;
  end?: string;
}

/** A fresh copy of a fixture workspace, so that a test's outputs never land in the repository. */
export function copyWorkspace(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pelatihan-ws-"));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Writes data/programs/<id>.yaml (+ data/participants/<id>.csv) and returns the workspace folder. */
export function makeWorkspace(specs: ProgramSpec[]): string {
  const root = mkdtempSync(join(tmpdir(), "pelatihan-ws-"));
  mkdirSync(join(root, "data", "programs"), { recursive: true });
  mkdirSync(join(root, "data", "participants"), { recursive: true });
  for (const s of specs) {
    let list = s.list;
    if (!s.list.startsWith("/")) {
      list = `../participants/${s.id}.csv`;
      writeFileSync(join(root, "data", "participants", `${s.id}.csv`), s.list);
    }
    writeFileSync(
      join(root, "data", "programs", `${s.id}.yaml`),
      `id: ${s.id}\ntitle: Pelatihan Uji\norganizer: Dinas Uji\nregion: "35.14"\nvenue: Bangil\n` +
        `start: ${s.start ?? "2022-11-07"}\nend: ${s.end ?? "2022-11-10"}\nparticipants: ${list}\n` +
        (s.yaml ?? "quota:\n  total: 100\n"),
    );
  }
  return root;
}
