/**
 * The documents of one program's roster: built in memory (CSV, XLSX, Markdown) or streamed
 * (PDF), checked against what is already on disk, then written atomically.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { maskNik } from "../domain/nik.js";
import type { Participant } from "../domain/participant.js";
import type { Program } from "../domain/program.js";
import type { Decision, Selection } from "../domain/selection-types.js";
import { writeFileAtomic, writeViaTemp } from "../io/atomic-write.js";
import { csvDocument } from "../io/csv-write.js";
import type { PdfPerson } from "../io/pdf-roster.js";
import { rosterXlsx } from "../io/xlsx-roster.js";
import type { ListResult } from "../pipeline/types.js";
import { rosterSummaryMarkdown } from "../report/roster-summary.js";
import { rosterOrder, rosterTable, type Profile, type RosterRow } from "../report/roster-table.js";

export const FILES = {
  csv: "daftar-peserta.csv",
  xlsx: "daftar-peserta.xlsx",
  pdf: "daftar-hadir.pdf",
  md: "ringkasan-seleksi.md",
} as const;

export interface RosterOptions {
  outDir: string;
  profile: Profile;
  delimiter: string;
}

export interface Planned {
  program: Program;
  dir: string;
  csv: string;
  xlsx: Buffer;
  md: string;
  /** The peserta as the PDF shows them, in rank order. */
  people: PdfPerson[];
  selection: Selection;
}

function pdfPerson(p: Participant, profile: Profile): PdfPerson {
  return {
    name: p.name,
    nik: profile === "public" ? maskNik(p.nik) : p.nik,
    sex: p.sex ?? "",
    district: p.district?.name ?? p.districtText,
    village: p.village?.name ?? p.villageText,
    phone: profile === "internal" ? (p.phone ?? "") : "",
  };
}

export function rosterRows(r: ListResult, selection: Selection): RosterRow[] {
  return rosterOrder(r.participants.map((participant, i) => ({ participant, decision: selection.decisions[i] as Decision })));
}

function pdfPeople(rows: readonly RosterRow[], profile: Profile): PdfPerson[] {
  return rows.filter((x) => x.decision.status === "peserta").map((x) => pdfPerson(x.participant, profile));
}

/** `rows`: in roster order (rosterRows). */
export function planRoster(r: ListResult, selection: Selection, rows: readonly RosterRow[], opts: RosterOptions): Planned {
  const program = r.program;
  const table = rosterTable(r.header, r.columns, rows, opts.profile);
  const dir = join(opts.outDir, program.id);
  const confidential = opts.profile === "internal";
  const md = rosterSummaryMarkdown({
    program,
    selection,
    regionName: r.coverage?.regionName ?? program.region,
    districts: r.coverage?.districts ?? [],
    profile: opts.profile,
    files: Object.values(FILES),
  });
  return {
    program,
    dir,
    csv: csvDocument(table.header, table.rows, opts.delimiter),
    xlsx: rosterXlsx(table, { title: program.title, date: program.start, confidential }),
    md,
    people: pdfPeople(rows, opts.profile),
    selection,
  };
}

async function differs(file: string, next: string | Buffer): Promise<boolean> {
  const old = await readFile(file).catch(() => undefined);
  if (old === undefined) return false;
  return !old.equals(typeof next === "string" ? Buffer.from(next, "utf8") : next);
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
