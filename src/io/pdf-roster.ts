/**
 * Draws the roster PDF (participant list + one attendance sheet per day) from the layout
 * model. Pages stream to the file as they are drawn (pdfkit without bufferPages), so a
 * provincial roster never sits in memory; the page count comes from the model first.
 * pdfkit is imported lazily. Dates and the document ID come from the program.
 */
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Program } from "../domain/program.js";
import {
  A4,
  HEADING,
  MARGIN,
  TABLE_HEADER,
  planPages,
  rosterSections,
  type PdfColumn,
  type PdfSection,
} from "../report/roster-pdf-layout.js";
import type { Profile } from "../report/roster-table.js";
import { TextRuns } from "./pdf-text.js";
import { CONFIDENTIAL } from "./xlsx-roster.js";

export interface PdfPerson {
  name: string;
  /** Masked in the public profile. */
  nik: string;
  sex: string;
  district: string;
  village: string;
  phone: string;
}

type Doc = PDFKit.PDFDocument;

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

/** Widths and drawing through TextRuns (each text laid out once per font); `size` is the current font size. */
class Measure {
  readonly runs: TextRuns;
  constructor(private readonly doc: Doc) {
    this.runs = new TextRuns(doc);
  }

  width(text: string): number {
    return this.runs.width(text);
  }

  /** Cuts text to fit a width, with an ellipsis (rows have a fixed height). */
  fit(size: number, text: string, width: number): string {
    // no DejaVu Sans Condensed glyph used here is wider than 0.95 em
    if (text.length * size * 0.95 <= width || this.width(text) <= width) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${text.slice(0, lo)}…`;
  }
}

const PAD = 3;

/** Names are printed as written: a long one gets a smaller font (down to 6 pt) before it is cut. */
function cell(doc: Doc, m: Measure, text: string, x: number, y: number, c: PdfColumn, h: number, size: number): void {
  const room = c.width - 2 * PAD;
  let t = m.fit(size, text, room);
  let used = size;
  if (t !== text && c.key === "name") {
    used = Math.max(6, Math.floor(((size * room) / m.width(text)) * 2) / 2);
    doc.fontSize(used);
    t = m.fit(used, text, room);
  }
  let tx = x + PAD;
  if (c.align === "right") tx = x + c.width - PAD - m.width(t);
  else if (c.align === "center") tx = x + (c.width - m.width(t)) / 2;
  m.runs.draw(t, tx, y + (h - used) / 2 - 1);
  if (used !== size) doc.fontSize(size);
}

function tableHeader(doc: Doc, m: Measure, s: PdfSection, y: number): void {
  let x = MARGIN.left;
  const width = s.columns.reduce((n, c) => n + c.width, 0);
  doc.rect(MARGIN.left, y, width, TABLE_HEADER).fillAndStroke("#d9e1f2", "#000000").fillColor("#000000");
  doc.font("B").fontSize(8.5);
  for (const c of s.columns) {
    cell(doc, m, c.title, x, y, { ...c, align: "center" }, TABLE_HEADER, 8.5);
    x += c.width;
  }
}

/** The grid of a page's rows: one path of lines instead of a rectangle per cell. */
function grid(doc: Doc, s: PdfSection, top: number, rows: number): void {
  const width = s.columns.reduce((n, c) => n + c.width, 0);
  const bottom = top + rows * s.rowHeight;
  for (let r = 1; r <= rows; r++) doc.moveTo(MARGIN.left, top + r * s.rowHeight).lineTo(MARGIN.left + width, top + r * s.rowHeight);
  let x = MARGIN.left;
  doc.moveTo(x, top).lineTo(x, bottom);
  for (const c of s.columns) {
    x += c.width;
    doc.moveTo(x, top).lineTo(x, bottom);
  }
  doc.stroke();
}

function row(doc: Doc, m: Measure, s: PdfSection, p: PdfPerson, no: number, y: number): void {
  let x = MARGIN.left;
  for (const c of s.columns) {
    if (c.key === "signature") {
      // the usual daftar hadir zig-zag: odd numbers sign on the left, even on the right
      doc.fontSize(7);
      m.runs.draw(`${no}.`, x + (no % 2 === 1 ? 3 : c.width / 2 + 3), y + 3);
      doc.fontSize(8.5);
    } else {
      const text = c.key === "no" ? `${no}` : p[c.key];
      if (text !== "") cell(doc, m, text, x, y, c, s.rowHeight, 8.5);
    }
    x += c.width;
  }
}

function heading(doc: Doc, m: Measure, program: Program, s: PdfSection, first: boolean): number {
  const width = A4.width - MARGIN.left - MARGIN.right;
  let y = MARGIN.top;
  if (!first) {
    doc.font("B").fontSize(10);
    m.runs.draw(m.fit(10, `${s.continued} - ${program.title}`, width), MARGIN.left, y);
    return MARGIN.top + HEADING.next;
  }
  doc.font("B").fontSize(14).text(s.heading, MARGIN.left, y, { width, align: "center", lineBreak: false });
  y += 22;
  doc.fontSize(11);
  // the title gets two lines at most: the heading has a fixed height
  const title = doc.heightOfString(program.title, { width }) > 30 ? m.fit(11, program.title, width * 1.9) : program.title;
  doc.text(title, MARGIN.left, y, { width, align: "center", height: 30, ellipsis: true });
  y += 32;
  doc.font("R").fontSize(9.5);
  for (const line of s.lines) {
    doc.text(m.fit(9.5, line, width), MARGIN.left, y, { lineBreak: false });
    y += 14;
  }
  return MARGIN.top + HEADING.first;
}

function furniture(doc: Doc, m: Measure, program: Program, page: number, pages: number, confidential: boolean): void {
  const width = A4.width - MARGIN.left - MARGIN.right;
  const y = A4.height - MARGIN.bottom + 14;
  doc.font("R").fontSize(8).fillColor("#444444");
  m.runs.draw(m.fit(8, program.id, width / 2), MARGIN.left, y);
  const label = `Halaman ${page} dari ${pages}`;
  m.runs.draw(label, A4.width - MARGIN.right - m.width(label), y);
  if (confidential) {
    doc.font("B").fontSize(9).fillColor("#b00000");
    const x = MARGIN.left + (width - m.width(CONFIDENTIAL)) / 2;
    m.runs.draw(CONFIDENTIAL, x, 20);
    m.runs.draw(CONFIDENTIAL, x, y);
  }
  doc.fillColor("#000000");
}

export async function writeRosterPdf(file: string, program: Program, people: readonly PdfPerson[], profile: Profile): Promise<number> {
  const { default: PDFDocument } = await import("pdfkit");
  const when = new Date(`${program.start}T00:00:00Z`);
  const title = profile === "internal" ? `${program.title} (${CONFIDENTIAL})` : program.title;
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: title, Author: program.organizer, Creator: "pelatihan", Producer: "pelatihan", CreationDate: when, ModDate: when },
  });
  const fonts = fontDir();
  doc.registerFont("R", join(fonts, "DejaVuSansCondensed.ttf"));
  doc.registerFont("B", join(fonts, "DejaVuSansCondensed-Bold.ttf"));
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    doc.on("error", reject);
  });
  doc.pipe(out);
  const sections = rosterSections(program, profile);
  const pages = planPages(sections, people.length);
  const m = new Measure(doc);
  pages.forEach((pg, i) => {
    const s = sections[pg.section] as PdfSection;
    doc.addPage({ size: "A4", margin: 0 });
    doc.lineWidth(0.5);
    let y = heading(doc, m, program, s, pg.first);
    tableHeader(doc, m, s, y);
    y += TABLE_HEADER;
    if (people.length === 0) {
      doc.font("R").fontSize(9).text("(belum ada peserta)", MARGIN.left + 4, y + 6, { lineBreak: false });
    }
    grid(doc, s, y, pg.to - pg.from);
    doc.font("R").fontSize(8.5);
    for (let r = pg.from; r < pg.to; r++) {
      row(doc, m, s, people[r] as PdfPerson, r + 1, y);
      y += s.rowHeight;
    }
    furniture(doc, m, program, i + 1, pages.length, profile === "internal");
  });
  doc.end();
  await done;
  return pages.length;
}
