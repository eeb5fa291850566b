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

/** Cuts text to fit a width, with an ellipsis (rows have a fixed height). */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function cell(doc: Doc, text: string, x: number, y: number, c: PdfColumn, h: number, size: number): void {
  const pad = 3;
  const t = fit(doc, text, c.width - 2 * pad);
  const w = doc.widthOfString(t);
  const tx = c.align === "right" ? x + c.width - pad - w : c.align === "center" ? x + (c.width - w) / 2 : x + pad;
  doc.text(t, tx, y + (h - size) / 2 - 1, { lineBreak: false });
}

function tableHeader(doc: Doc, s: PdfSection, y: number): void {
  let x = MARGIN.left;
  const width = s.columns.reduce((n, c) => n + c.width, 0);
  doc.rect(MARGIN.left, y, width, TABLE_HEADER).fillAndStroke("#d9e1f2", "#000000").fillColor("#000000");
  doc.font("B").fontSize(8.5);
  for (const c of s.columns) {
    cell(doc, c.title, x, y, { ...c, align: "center" }, TABLE_HEADER, 8.5);
    x += c.width;
  }
}

function row(doc: Doc, s: PdfSection, p: PdfPerson, no: number, y: number): void {
  let x = MARGIN.left;
  doc.font("R").fontSize(8.5);
  for (const c of s.columns) {
    doc.rect(x, y, c.width, s.rowHeight).stroke();
    let text = "";
    if (c.key === "no") text = `${no}`;
    else if (c.key === "signature") {
      // the usual daftar hadir zig-zag: odd numbers sign on the left, even on the right
      const half = c.width / 2;
      doc.fontSize(7).text(`${no}.`, x + (no % 2 === 1 ? 3 : half + 3), y + 3, { lineBreak: false }).fontSize(8.5);
    } else text = p[c.key];
    if (text !== "") cell(doc, text, x, y, c, s.rowHeight, 8.5);
    x += c.width;
  }
}

function heading(doc: Doc, program: Program, s: PdfSection, first: boolean): number {
  const width = A4.width - MARGIN.left - MARGIN.right;
  let y = MARGIN.top;
  if (!first) {
    doc.font("B").fontSize(10).text(fit(doc, `${s.continued} - ${program.title}`, width), MARGIN.left, y, { lineBreak: false });
    return MARGIN.top + HEADING.next;
  }
  doc.font("B").fontSize(14).text(s.heading, MARGIN.left, y, { width, align: "center", lineBreak: false });
  y += 22;
  doc.fontSize(11);
  // the title gets two lines at most: the heading has a fixed height
  const title = doc.heightOfString(program.title, { width }) > 30 ? fit(doc, program.title, width * 1.9) : program.title;
  doc.text(title, MARGIN.left, y, { width, align: "center", height: 30, ellipsis: true });
  y += 32;
  doc.font("R").fontSize(9.5);
  for (const line of s.lines) {
    doc.text(fit(doc, line, width), MARGIN.left, y, { lineBreak: false });
    y += 14;
  }
  return MARGIN.top + HEADING.first;
}

function furniture(doc: Doc, program: Program, page: number, pages: number, confidential: boolean): void {
  const width = A4.width - MARGIN.left - MARGIN.right;
  const y = A4.height - MARGIN.bottom + 14;
  doc.font("R").fontSize(8).fillColor("#444444");
  doc.text(fit(doc, program.id, width / 2), MARGIN.left, y, { lineBreak: false });
  const label = `Halaman ${page} dari ${pages}`;
  doc.text(label, A4.width - MARGIN.right - doc.widthOfString(label), y, { lineBreak: false });
  if (confidential) {
    doc.font("B").fontSize(9).fillColor("#b00000");
    doc.text(CONFIDENTIAL, MARGIN.left, 20, { width, align: "center", lineBreak: false });
    doc.text(CONFIDENTIAL, MARGIN.left, y, { width, align: "center", lineBreak: false });
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
  pages.forEach((pg, i) => {
    const s = sections[pg.section] as PdfSection;
    doc.addPage({ size: "A4", margin: 0 });
    doc.lineWidth(0.5);
    let y = heading(doc, program, s, pg.first);
    tableHeader(doc, s, y);
    y += TABLE_HEADER;
    if (people.length === 0) {
      doc.font("R").fontSize(9).text("(belum ada peserta)", MARGIN.left + 4, y + 6, { lineBreak: false });
    }
    for (let r = pg.from; r < pg.to; r++) {
      row(doc, s, people[r] as PdfPerson, r + 1, y);
      y += s.rowHeight;
    }
    furniture(doc, program, i + 1, pages.length, profile === "internal");
  });
  doc.end();
  await done;
  return pages.length;
}
