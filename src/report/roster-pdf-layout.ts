/**
 * The printable roster as a layout model: sections (participant list, one attendance sheet
 * per training day), their columns, and which rows go on which page. Rows have a fixed
 * height, so the page count is known before anything is drawn and "Halaman x dari y" can
 * be printed while the pages stream out.
 */
import { addDays, formatRange, formatTanggal } from "../domain/dates.js";
import type { Program } from "../domain/program.js";
import type { Profile } from "./roster-rows.js";

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 46, bottom: 46, left: 40, right: 40 };
export const HEADING = { first: 118, next: 30 };
export const TABLE_HEADER = 20;

export interface PdfColumn {
  title: string;
  width: number;
  align?: "left" | "center" | "right";
  key: "no" | "name" | "nik" | "sex" | "district" | "village" | "phone" | "signature";
}

export interface PdfSection {
  kind: "list" | "attendance";
  /** Big heading on the section's first page, e.g. "DAFTAR HADIR PESERTA". */
  heading: string;
  /** Lines under the program title on the first page. */
  lines: string[];
  /** Short heading on the following pages. */
  continued: string;
  columns: PdfColumn[];
  rowHeight: number;
}

export interface PdfPage {
  section: number;
  first: boolean;
  /** Row range [from, to) of the section's rows. */
  from: number;
  to: number;
}

const HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** "Senin, 7 November 2022" (weekday from the calendar date alone, no clock). */
export function hariTanggal(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `${HARI[day]}, ${formatTanggal(iso)}`;
}

function listColumns(profile: Profile): PdfColumn[] {
  const cols: PdfColumn[] = [
    { title: "No", width: 28, align: "right", key: "no" },
    { title: "Nama", width: profile === "internal" ? 150 : 180, key: "name" },
    { title: "NIK", width: 100, key: "nik" },
    { title: "L/P", width: 26, align: "center", key: "sex" },
    { title: "Kecamatan", width: profile === "internal" ? 80 : 95, key: "district" },
    { title: profile === "internal" ? "Desa/Kel." : "Desa/Kelurahan", width: profile === "internal" ? 66 : 86, key: "village" },
  ];
  if (profile === "internal") cols.push({ title: "Telepon", width: 65, key: "phone" });
  return cols;
}

const ATTENDANCE_COLUMNS: PdfColumn[] = [
  { title: "No", width: 28, align: "right", key: "no" },
  { title: "Nama", width: 190, key: "name" },
  { title: "Kecamatan", width: 100, key: "district" },
  { title: "Tanda Tangan", width: 197, key: "signature" },
];

export function rosterSections(program: Program, profile: Profile): PdfSection[] {
  const place = `Tempat: ${program.venue}`;
  const sections: PdfSection[] = [
    {
      kind: "list",
      heading: "DAFTAR PESERTA",
      lines: [`Penyelenggara: ${program.organizer}`, place, `Tanggal: ${formatRange(program.start, program.end)}`],
      continued: "Daftar Peserta (lanjutan)",
      columns: listColumns(profile),
      rowHeight: 18,
    },
  ];
  for (let d = 1; d <= program.days; d++) {
    const date = addDays(program.start, d - 1);
    sections.push({
      kind: "attendance",
      heading: "DAFTAR HADIR PESERTA",
      lines: [`Penyelenggara: ${program.organizer}`, place, `Hari ke-${d} dari ${program.days}: ${hariTanggal(date)}`],
      continued: `Daftar Hadir Hari ke-${d}, ${formatTanggal(date)} (lanjutan)`,
      columns: ATTENDANCE_COLUMNS,
      // 24 pt: room to sign, and 25 people (a usual class) on one sheet per day
      rowHeight: 24,
    });
  }
  return sections;
}

/** Rows that fit under a heading of the given height. */
export function rowsPerPage(rowHeight: number, heading: number): number {
  const room = A4.height - MARGIN.top - MARGIN.bottom - heading - TABLE_HEADER;
  return Math.max(1, Math.floor(room / rowHeight));
}

/** Every page of the document, in order; a section with no rows still gets one page. */
export function planPages(sections: readonly PdfSection[], rows: number): PdfPage[] {
  const pages: PdfPage[] = [];
  sections.forEach((s, section) => {
    let from = 0;
    let first = true;
    do {
      const n = rowsPerPage(s.rowHeight, first ? HEADING.first : HEADING.next);
      const to = Math.min(rows, from + n);
      pages.push({ section, first, from, to });
      from = to;
      first = false;
    } while (from < rows);
  });
  return pages;
}
