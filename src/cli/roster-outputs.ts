/**
 * The documents of one program's roster: built in memory (CSV, XLSX, Markdown) or streamed
 * (PDF), checked against what is already on disk, then written atomically.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Program } from "../domain/program.js";
import type { Selection } from "../domain/selection-types.js";
import { writeFileAtomic, writeViaTemp } from "../io/atomic-write.js";
import type { ListResult } from "../pipeline/types.js";
import { rosterOrder, type PdfPerson, type Profile, type RosterRows } from "../report/roster-rows.js";
import { rosterSummaryMarkdown } from "../report/roster-summary.js";

export const FILES = {
  csv: "daftar-peserta.csv",
  xlsx: "daftar-peserta.xlsx",
  pdf: "daftar-hadir.pdf",
  md: "ringkasan-seleksi.md",
} as const;

export interface Planned {
  program: Program;
  dir: string;
  csv: Buffer;
  xlsx: Buffer;
  md: string;
  /** The peserta as the PDF shows them, in rank order. */
  people: PdfPerson[];
  selection: Selection;
}

/** `rows`: the list's rows as rendered while it was read, in list order, one per decision. */
export function planRoster(r: ListResult, selection: Selection, rows: RosterRows, outDir: string, profile: Profile): Planned {
  const program = r.program;
  const order = rosterOrder(selection.decisions);
  const md = rosterSummaryMarkdown({
    program,
    selection,
    regionName: r.coverage?.regionName ?? program.region,
    districts: r.coverage?.districts ?? [],
    profile,
    files: Object.values(FILES),
  });
  return {
    program,
    dir: join(outDir, program.id),
    csv: rows.csvDocument(order, selection.decisions),
    xlsx: rows.xlsxDocument(order, selection.decisions, { title: program.title, date: program.start, confidential: profile === "internal" }),
    md,
    people: rows.pdfPeople(order, selection.decisions),
    selection,
  };
}

async function differs(file: string, next: Buffer): Promise<boolean> {
  const old = await readFile(file).catch(() => undefined);
  return old !== undefined && !old.equals(next);
}

/**
 * Files people type into (the CSV and XLSX: attendance, notes) that would change: these
 * are only replaced with --force. Same bytes, or the PDF and summary, are always rewritten.
 */
export async function conflicts(p: Planned): Promise<string[]> {
  const out: string[] = [];
  if (await differs(join(p.dir, FILES.csv), p.csv)) out.push(join(p.dir, FILES.csv));
  if (await differs(join(p.dir, FILES.xlsx), p.xlsx)) out.push(join(p.dir, FILES.xlsx));
  return out;
}

export async function writeRoster(p: Planned, profile: Profile): Promise<{ pages: number }> {
  await writeFileAtomic(join(p.dir, FILES.csv), p.csv);
  await writeFileAtomic(join(p.dir, FILES.xlsx), p.xlsx);
  const { writeRosterPdf } = await import("../io/pdf-roster.js");
  let pages = 0;
  await writeViaTemp(join(p.dir, FILES.pdf), async (tmp) => {
    pages = await writeRosterPdf(tmp, p.program, p.people, profile);
  });
  await writeFileAtomic(join(p.dir, FILES.md), p.md);
  return { pages };
}
