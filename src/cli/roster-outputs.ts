/**
 * The documents of one program's roster: built in memory (CSV, XLSX, Markdown) or streamed
 * (PDF), checked against what is already on disk, then written atomically.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Program } from "../domain/program.js";
import type { Selection } from "../domain/selection-types.js";
import { OutputError } from "../errors.js";
import { tempFile, writeTemp, type WrittenTemp } from "../io/atomic-write.js";
import type { PdfThread } from "../io/pdf-roster-thread.js";
import type { ListResult } from "../pipeline/types.js";
import { rosterOrder, type PdfPerson, type Profile, type RosterRows } from "../report/roster-rows.js";
import { rosterSummaryMarkdown } from "../report/roster-summary.js";
import { mark } from "./timing.js";

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
  /** The PDF being drawn on the PDF thread, into a temporary file. */
  pdf?: Promise<DrawnPdf>;
  /** The summary, CSV and XLSX being written to temporary files, as soon as each is made. */
  temps?: Promise<WrittenTemp>[];
}

interface DrawnPdf {
  pages: number;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * `rows`: the list's rows as rendered while it was read, in list order, one per decision.
 * With a PDF thread (not for --dry-run), the PDF is drawn there into a temporary file while
 * the CSV and XLSX are built here.
 */
export function planRoster(r: ListResult, selection: Selection, rows: RosterRows, outDir: string, profile: Profile, pdf?: PdfThread): Planned {
  const program = r.program;
  const order = rosterOrder(selection.table);
  const md = rosterSummaryMarkdown({
    program,
    selection,
    regionName: r.coverage?.regionName ?? program.region,
    districts: r.coverage?.districts ?? [],
    profile,
    files: Object.values(FILES),
  });
  const empty = Buffer.alloc(0);
  const p: Planned = { program, dir: join(outDir, program.id), csv: empty, xlsx: empty, md, people: rows.pdfPeople(order, selection.table), selection };
  if (pdf) startPdf(p, profile, pdf);
  mark(`${program.id}: summary, PDF started`);
  ({ csv: p.csv, xlsx: p.xlsx } = rows.documents(order, selection.table, { title: program.title, date: program.start, confidential: profile === "internal" }));
  // started now, renamed into place only once nothing stops the roster
  const temps: Promise<WrittenTemp>[] = [];
  if (pdf) temps.push(writeTemp(join(p.dir, FILES.md), md), writeTemp(join(p.dir, FILES.csv), p.csv), writeTemp(join(p.dir, FILES.xlsx), p.xlsx));
  mark(`${program.id}: CSV and XLSX`);
  if (pdf) {
    p.temps = temps;
    // a failure is reported when the roster is written or dropped, not as an unhandled rejection
    for (const t of temps) t.catch(() => undefined);
  }
  return p;
}

/** Starts drawing the PDF into a temporary file, on the PDF thread (posted before this returns). */
function startPdf(p: Planned, profile: Profile, thread: PdfThread): void {
  const file = join(p.dir, FILES.pdf);
  const draw = async (): Promise<DrawnPdf> => {
    const tmp = tempFile(file);
    try {
      const pages = thread.draw({ file: tmp.path, program: p.program, people: p.people, profile });
      return { ...tmp, pages: await pages };
    } catch (e) {
      await tmp.discard();
      if (e instanceof OutputError) throw e;
      throw new OutputError("OUTPUT_WRITE", `gagal menulis / cannot write: ${e instanceof Error ? e.message : String(e)}`, { file });
    }
  };
  p.pdf = draw();
  // a failure is reported when the PDF is written or dropped, not as an unhandled rejection
  p.pdf.catch(() => undefined);
}

/** Removes the temporary files (PDF, CSV, XLSX, summary) of a roster that is not written. */
export async function dropTemps(p: Planned): Promise<void> {
  const written = await Promise.all([p.pdf, ...(p.temps ?? [])].map((t) => t?.catch(() => undefined)));
  await Promise.all(written.map((t) => t?.discard()));
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

/** Writes a planned roster: its PDF, CSV and XLSX were started by planRoster, and are put in place here. */
export async function writeRoster(p: Planned): Promise<{ pages: number }> {
  if (!p.pdf || !p.temps) throw new Error("writeRoster: the roster was planned without writing");
  // each is fsynced before it is renamed into place; a failure removes the others' temporary files
  const settled = await Promise.allSettled([...p.temps, p.pdf]);
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) {
    await dropTemps(p);
    throw failed.reason;
  }
  for (const t of p.temps) await (await t).commit();
  const pdf = await p.pdf;
  await pdf.commit();
  return { pages: pdf.pages };
}
