/**
 * Draws the roster PDF (participant list + one attendance sheet per day) from the layout
 * model. Pages go to the file as they are drawn (pdfkit without bufferPages, written out a
 * megabyte at a time), so a provincial roster never sits in memory; the page count comes
 * from the model first.
 * pdfkit is imported lazily. Dates and the document ID come from the program.
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
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
  type PdfPage,
  type PdfSection,
} from "../report/roster-pdf-layout.js";
import type { PdfPerson, Profile } from "../report/roster-rows.js";
import { ByteWriter } from "./bytes.js";
import { NeedsPdfkit, PageCanvas, type Recording, type Rgb } from "./pdf-canvas.js";
import { CONFIDENTIAL } from "./xlsx-roster.js";

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

const BLACK: Rgb = [0, 0, 0];
const GREY: Rgb = [0.267, 0.267, 0.267];
const RED: Rgb = [0.69, 0, 0];
const HEADER_FILL: Rgb = [0.851, 0.882, 0.949];

/** Cuts text to fit a width at the canvas's font and size, with an ellipsis (rows have a fixed height). */
function fit(c: PageCanvas, size: number, text: string, width: number): string {
  // no DejaVu Sans Condensed glyph used here is wider than 0.95 em
  if (text.length * size * 0.95 <= width || c.width(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.width(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

const PAD = 3;
/** Line spacing of the 11 pt title (DejaVu's ascent + descent). */
const TITLE_LEADING = 12.8;

/** The title in at most two lines broken between words (the heading has a fixed height); the rest cut with an ellipsis. */
function titleLines(c: PageCanvas, title: string, width: number): string[] {
  if (c.width(title) <= width) return [title];
  const words = title.split(/\s+/).filter((w) => w !== "");
  let first = words[0] ?? "";
  let k = 1;
  while (k < words.length && c.width(`${first} ${words[k]}`) <= width) first += ` ${words[k++]}`;
  const rest = words.slice(k).join(" ");
  return rest === "" ? [fit(c, 11, first, width)] : [fit(c, 11, first, width), fit(c, 11, rest, width)];
}

/** Names are printed as written: a long one gets a smaller font (down to 6 pt) before it is cut. */
function cell(c: PageCanvas, font: string, text: string, x: number, y: number, col: PdfColumn, h: number, size: number): void {
  const room = col.width - 2 * PAD;
  c.font(font, size);
  let t = fit(c, size, text, room);
  let used = size;
  if (t !== text && col.key === "name") {
    used = Math.max(6, Math.floor(((size * room) / c.width(text)) * 2) / 2);
    c.font(font, used);
    t = fit(c, used, text, room);
  }
  let tx = x + PAD;
  if (col.align === "right") tx = x + col.width - PAD - c.width(t);
  else if (col.align === "center") tx = x + (col.width - c.width(t)) / 2;
  c.text(t, tx, y + (h - used) / 2 - 1);
}

function tableHeader(c: PageCanvas, s: PdfSection, y: number): void {
  let x = MARGIN.left;
  const width = s.columns.reduce((n, col) => n + col.width, 0);
  c.box(MARGIN.left, y, width, TABLE_HEADER, HEADER_FILL, 0.5);
  c.fill(BLACK);
  for (const col of s.columns) {
    cell(c, "B", col.title, x, y, { ...col, align: "center" }, TABLE_HEADER, 8.5);
    x += col.width;
  }
}

/** The grid of a page's rows: one path of lines instead of a rectangle per cell. */
function grid(c: PageCanvas, s: PdfSection, top: number, rows: number): void {
  const width = s.columns.reduce((n, col) => n + col.width, 0);
  const bottom = top + rows * s.rowHeight;
  const lines: [number, number, number, number][] = [];
  for (let r = 1; r <= rows; r++) lines.push([MARGIN.left, top + r * s.rowHeight, MARGIN.left + width, top + r * s.rowHeight]);
  let x = MARGIN.left;
  lines.push([x, top, x, bottom]);
  for (const col of s.columns) {
    x += col.width;
    lines.push([x, top, x, bottom]);
  }
  c.lines(lines, 0.5);
}

function row(c: PageCanvas, s: PdfSection, p: PdfPerson, no: number, y: number): void {
  let x = MARGIN.left;
  for (const col of s.columns) {
    if (col.key === "signature") {
      // the usual daftar hadir zig-zag: odd numbers sign on the left, even on the right
      c.font("R", 7).text(`${no}.`, x + (no % 2 === 1 ? 3 : col.width / 2 + 3), y + 3);
    } else {
      const text = col.key === "no" ? `${no}` : p[col.key];
      if (text !== "") cell(c, "R", text, x, y, col, s.rowHeight, 8.5);
    }
    x += col.width;
  }
}

function heading(c: PageCanvas, program: Program, s: PdfSection, first: boolean): number {
  const width = A4.width - MARGIN.left - MARGIN.right;
  const y = MARGIN.top;
  if (!first) {
    c.font("B", 10).fill(BLACK);
    c.text(fit(c, 10, `${s.continued} - ${program.title}`, width), MARGIN.left, y);
    return MARGIN.top + HEADING.next;
  }
  c.font("B", 14).fill(BLACK);
  c.text(s.heading, MARGIN.left + (width - c.width(s.heading)) / 2, y);
  c.font("B", 11);
  titleLines(c, program.title, width).forEach((line, i) => c.text(line, MARGIN.left + (width - c.width(line)) / 2, y + 22 + i * TITLE_LEADING));
  let ly = y + 54;
  c.font("R", 9.5).fill(BLACK);
  for (const line of s.lines) {
    c.text(fit(c, 9.5, line, width), MARGIN.left, ly);
    ly += 14;
  }
  return MARGIN.top + HEADING.first;
}

function furniture(c: PageCanvas, program: Program, page: number, pages: number, confidential: boolean): void {
  const width = A4.width - MARGIN.left - MARGIN.right;
  const y = A4.height - MARGIN.bottom + 14;
  c.font("R", 8).fill(GREY);
  c.text(fit(c, 8, program.id, width / 2), MARGIN.left, y);
  const label = `Halaman ${page} dari ${pages}`;
  c.text(label, A4.width - MARGIN.right - c.width(label), y);
  if (confidential) {
    c.font("B", 9).fill(RED);
    const x = MARGIN.left + (width - c.width(CONFIDENTIAL)) / 2;
    c.text(CONFIDENTIAL, x, 20);
    c.text(CONFIDENTIAL, x, y);
  }
  c.fill(BLACK);
}

/** A page's rows, from `top` (under the table's header) down. */
function rows(c: PageCanvas, s: PdfSection, top: number, pg: PdfPage, people: readonly PdfPerson[]): void {
  let y = top;
  for (let r = pg.from; r < pg.to; r++) {
    row(c, s, people[r] as PdfPerson, r + 1, y);
    y += s.rowHeight;
  }
}

export async function writeRosterPdf(file: string, program: Program, people: readonly PdfPerson[], profile: Profile): Promise<number> {
  const { default: PDFDocument } = await import("pdfkit");
  const when = new Date(`${program.start}T00:00:00Z`);
  const title = profile === "internal" ? `${program.title} (${CONFIDENTIAL})` : program.title;
  const doc = new PDFDocument({
    // no default Helvetica: its metrics would be parsed for nothing
    font: null as unknown as string,
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: title, Author: program.organizer, Creator: "pelatihan", Producer: "pelatihan", CreationDate: when, ModDate: when },
  });
  const fonts = fontDir();
  doc.registerFont("R", join(fonts, "DejaVuSansCondensed.ttf"));
  doc.registerFont("B", join(fonts, "DejaVuSansCondensed-Bold.ttf"));
  const out = new PdfFile(file);
  try {
    out.take(doc);
    const pages = drawRoster(doc, program, people, profile);
    // pdfkit finishes the file at once when nothing is left to write (fonts are embedded in end())
    if (!out.ended) throw new Error("pdfkit did not finish the PDF");
    out.flush();
    // on disk before it is renamed into place, as the roster's other documents are
    out.sync();
    return pages;
  } finally {
    out.close();
  }
}

/**
 * The file a pdfkit document is written to. pdfkit hands every piece of the file (about
 * 5,000 for a 333-page roster) to its Readable stream, each string first made into a buffer
 * of its own: here they are appended to one buffer instead, written out whenever it holds a
 * megabyte.
 */
export class PdfFile {
  private readonly fd: number;
  private readonly buf: ByteWriter;
  ended = false;

  constructor(
    path: string,
    /** Bytes gathered before they are written out. */
    private readonly chunk = 1 << 20,
  ) {
    this.fd = openSync(path, "w");
    this.buf = new ByteWriter(chunk + (1 << 16));
  }

  /** From now on, what `doc` writes comes here (pdfkit 0.x: _write, _offset, and push(null) at the end). */
  take(doc: unknown): void {
    const d = doc as { _write(data: string | Uint8Array): void; _offset: number; push(chunk: unknown): boolean; read(): Buffer | null };
    // what it wrote before (the file's header, in its constructor) is waiting in the stream
    const before = d.read();
    if (before) this.buf.copy(before, 0, before.length);
    d._write = (data) => {
      // a string is taken byte by byte (char code & 255), plus a line feed, as pdfkit does
      if (typeof data === "string") {
        this.buf.latin1(data);
        this.buf.byte(10);
        d._offset += data.length + 1;
      } else {
        this.buf.copy(data, 0, data.length);
        d._offset += data.length;
      }
      if (this.buf.length >= this.chunk) this.flush();
    };
    d.push = (chunk) => {
      if (chunk === null) this.ended = true;
      return true;
    };
  }

  flush(): void {
    const b = this.buf.bytes();
    for (let at = 0; at < b.length; ) at += writeSync(this.fd, b, at);
    this.buf.clear();
  }

  sync(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A form (PDF Form XObject) as pages show it. */
interface Form {
  name: string;
  ref: unknown;
}

/** Draws every page and ends the document; returns the page count. */
function drawRoster(doc: PDFKit.PDFDocument, program: Program, people: readonly PdfPerson[], profile: Profile): number {
  const sections = rosterSections(program, profile);
  const pages = planPages(sections, people.length);
  const c = new PageCanvas(doc);
  // What many pages show alike is drawn once, as a form the pages show: a table's header and
  // grid (the same on every page of a section with as many rows), and, for a program of
  // several days, each attendance sheet's rows (the same page of every day; the days differ
  // only in their headings). A quarter of the drawing, and a smaller file.
  const forms = new Map<string, Form | null>();
  const formOf = (key: string, draw: (rc: PageCanvas) => void): Form | null => {
    let form = forms.get(key);
    if (form === undefined) {
      const recording: Recording = { fonts: {}, content: [] };
      try {
        const rc = new PageCanvas(doc, recording);
        draw(rc);
        rc.flush();
        const ref = (doc as unknown as { ref(data: object): { write(b: Uint8Array): void; end(): void } }).ref({
          Type: "XObject",
          Subtype: "Form",
          BBox: [0, 0, A4.width, A4.height],
          Resources: { Font: recording.fonts },
        });
        for (const b of recording.content) ref.write(b);
        ref.end();
        form = { name: `T${forms.size + 1}`, ref };
      } catch (e) {
        // a name that only pdfkit can lay out: drawn on every page instead
        if (!(e instanceof NeedsPdfkit)) throw e;
        form = null;
      }
      forms.set(key, form);
    }
    return form;
  };
  const show = (key: string, draw: (rc: PageCanvas) => void): void => {
    const form = formOf(key, draw);
    if (form) c.showForm(form.name, form.ref);
    else draw(c);
  };
  pages.forEach((pg, i) => {
    const s = sections[pg.section] as PdfSection;
    c.newPage();
    doc.addPage({ size: "A4", margin: 0 });
    const top = heading(c, program, s, pg.first);
    const under = top + TABLE_HEADER;
    show(`header ${s.kind} ${top}`, (rc) => tableHeader(rc, s, top));
    if (people.length === 0) c.font("R", 9).text("(belum ada peserta)", MARGIN.left + 4, under + 6);
    show(`grid ${s.kind} ${under} ${pg.to - pg.from}`, (rc) => grid(rc, s, under, pg.to - pg.from));
    if (s.kind === "attendance" && program.days > 1) show(`rows ${pg.first} ${pg.from} ${pg.to}`, (rc) => rows(rc, s, under, pg, people));
    else rows(c, s, under, pg, people);
    furniture(c, program, i + 1, pages.length, profile === "internal");
  });
  c.flush();
  doc.end();
  return pages.length;
}
