/**
 * Draws one certificate page into a pdfkit document. The static graphics of the template
 * are drawn once by svg-to-pdfkit (per thread), recorded as PDF operators and written into
 * each document as one Form XObject that every page of that document shows; the text is
 * written as glyph runs laid out once per text (fonts parsed once, shared by every
 * document, each document with its own subset); the QR code is vector rectangles.
 * Relies on pdfkit 0.x internals (EmbeddedFont.subset, widths, unicode, page resources).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { createRequire } from "node:module";
import QRCode from "qrcode";
import { UserError } from "../errors.js";
import { condsHold, fillText, type Box, type ParsedTemplate } from "./certificate-template.js";
import { fitLine, type PlacedRun } from "./certificate-fit.js";
import { openFace, resolveFont, type Face } from "./certificate-fonts.js";
import { multiply, type Matrix } from "./svg-style.js";
import { serializeXml, parseXml, type XmlElement } from "./svg-xml.js";

type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, opts: Record<string, unknown>) => void;
const svgToPdf = createRequire(import.meta.url)("svg-to-pdfkit") as SvgToPdf;

interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(id: number): number; glyphs: number[]; encode(): Uint8Array };
  embed(): unknown;
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  page: { xobjects: Record<string, unknown>; fonts: Record<string, unknown> };
  addContent(s: string): unknown;
  ref(data?: unknown): PdfRef;
  registerFont(name: string, src: unknown): unknown;
  font(name: string): unknown;
}

interface PdfRef {
  end(chunk?: string): void;
  data: Record<string, unknown>;
  compress: boolean;
}

/**
 * Font files by glyph list: a font that shows only the same texts in every document
 * (labels, signatories, dates) has the same subset each time, encoded and compressed once.
 */
const subsets = new Map<string, Uint8Array>();

function cacheSubset(f: EmbeddedFont, path: string, d: DocInternals): void {
  const embed = f.embed.bind(f);
  f.embed = () => {
    const key = `${path}\u0000${f.subset.glyphs.join(",")}`;
    let bytes = subsets.get(key);
    if (!bytes) {
      bytes = deflateSync(f.subset.encode());
      if (subsets.size > 500) subsets.clear();
      subsets.set(key, bytes);
    }
    const ready = bytes;
    f.subset.encode = () => ready;
    // the first object embed() makes is the font file: mark it compressed already
    const ref = d.ref;
    let first = true;
    d.ref = (data?: unknown) => {
      const r = ref.call(d, data);
      if (first) {
        first = false;
        r.compress = false;
        r.data.Filter = "FlateDecode";
      }
      return r;
    };
    try {
      return embed();
    } finally {
      d.ref = ref;
    }
  };
}

/** Operators of some SVG graphics, drawn once in a scratch document; null: must be drawn directly. */
interface Recording {
  content: string;
  extGStates: Record<string, Record<string, unknown>>;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);
const mat = (m: Matrix): string => m.map(num).join(" ");

let scratch: PDFKit.PDFDocument | undefined;
const recordings = new Map<string, Recording | null>();

/** Records what svg-to-pdfkit draws for `svg` on a page of the given size. */
export async function record(key: string, svg: string, width: number, height: number): Promise<Recording | null> {
  const have = recordings.get(key);
  if (have !== undefined) return have;
  if (!scratch) {
    const { default: PDFDocument } = await import("pdfkit");
    scratch = new PDFDocument({ autoFirstPage: false, compress: false });
  }
  const doc = scratch;
  doc.addPage({ size: [width, height], margin: 0 });
  const d = doc as unknown as DocInternals & { page: { resources: { data: Record<string, Record<string, { data: Record<string, unknown> }>> } } };
  const parts: string[] = [];
  const original = d.addContent;
  d.addContent = (s: string) => (parts.push(s), d);
  try {
    svgToPdf(doc, svg, 0, 0, { width, height, assumePt: true, preserveAspectRatio: "xMidYMid meet", warningCallback: () => undefined });
  } finally {
    d.addContent = original;
  }
  const res = d.page.resources.data;
  let rec: Recording | null = { content: parts.join("\n"), extGStates: {} };
  const used = (k: string): boolean => Object.keys(res[k] ?? {}).length > 0;
  if (used("XObject") || used("Pattern") || used("Font") || used("Shading")) rec = null;
  else for (const [name, ref] of Object.entries(res.ExtGState ?? {})) rec.extGStates[name] = { ...ref.data };
  recordings.set(key, rec);
  return rec;
}

function filterConds(el: XmlElement, values: Record<string, string>): XmlElement {
  const children: XmlElement["children"] = [];
  for (const c of el.children) {
    if (typeof c === "string") children.push(c);
    else {
      const blk = /^ttd([123])-blok$/.exec(c.attrs.id ?? "");
      if (blk && (values[`ttd${blk[1]}_nama`] ?? "") === "") continue;
      const d = /^\s*(!?)\s*([a-z0-9_]+)\s*$/.exec(c.attrs["data-if"] ?? "");
      if (d && ((values[d[2] as string] ?? "") !== "") === (d[1] === "!")) continue;
      children.push(filterConds(c, values));
    }
  }
  return { ...el, children };
}

/** The static graphics variant for these values: which conditional groups are drawn. */
export function graphicsVariant(t: ParsedTemplate, values: Record<string, string>): { key: string; svg: () => string } {
  const key = t.graphicConds.map((c) => (condsHold([{ field: c.replace(/^!/, ""), negate: c.startsWith("!") }], values) ? "1" : "0")).join("");
  return { key: `${t.path}\u0000${key}`, svg: () => serializeXml(filterConds(t.graphics, values)) };
}

const files = new Map<string, Buffer>();
function fileBytes(path: string): Buffer {
  let b = files.get(path);
  if (!b) {
    try {
      b = readFileSync(path);
    } catch (e) {
      throw new UserError("CERT_IMAGE", `gambar tidak dapat dibaca / image cannot be read (${(e as NodeJS.ErrnoException).code ?? "EIO"})`, { file: path });
    }
    files.set(path, b);
  }
  return b;
}

/** Natural size of an SVG image (logo) in points. */
function svgSize(svg: string): [number, number] {
  const el = parseXml(svg);
  const vb = (el.attrs.viewBox ?? "").split(/[\s,]+/).map(Number);
  const w = (vb.length === 4 ? vb[2] : undefined) || parseFloat(el.attrs.width ?? "") || 100;
  const h = (vb.length === 4 ? vb[3] : undefined) || parseFloat(el.attrs.height ?? "") || 100;
  return [w, h];
}

/** Per document: its fonts, form XObjects and images. */
export class PageDrawer {
  private readonly fonts = new Map<string, EmbeddedFont>();
  private readonly forms = new Map<string, string>();
  private readonly images = new Map<string, unknown>();
  private qrs = 0;
  private readonly d: DocInternals;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly t: ParsedTemplate,
  ) {
    this.d = doc as unknown as DocInternals;
  }

  private font(face: Face): EmbeddedFont {
    let f = this.fonts.get(face.path);
    if (!f) {
      this.d.registerFont(face.path, face.font);
      this.d.font(face.path);
      f = this.d._font;
      cacheSubset(f, face.path, this.d);
      this.fonts.set(face.path, f);
    }
    this.d.page.fonts[f.id] ??= f.ref();
    return f;
  }

  /** Shows a recording through a Form XObject of this document (made on first use). */
  private showForm(key: string, rec: Recording, m: Matrix, bbox: [number, number, number, number]): void {
    let name = this.forms.get(key);
    if (!name) {
      name = `Fx${this.forms.size + 1}`;
      const ext: Record<string, unknown> = {};
      for (const [n, data] of Object.entries(rec.extGStates)) {
        const r = this.d.ref({ ...data });
        r.end();
        ext[n] = r;
      }
      const form = this.d.ref({ Type: "XObject", Subtype: "Form", BBox: bbox, Resources: Object.keys(ext).length ? { ExtGState: ext } : {} });
      form.end(rec.content);
      this.forms.set(key, name);
      this.images.set(`form:${name}`, form);
    }
    this.d.page.xobjects[name] = this.images.get(`form:${name}`);
    this.d.addContent(`q ${mat(m)} cm /${name} Do Q`);
  }

  async page(values: Record<string, string>, token: string, logo: string | undefined, signatures: (string | undefined)[]): Promise<void> {
    const t = this.t;
    this.doc.addPage({ size: [t.width, t.height], margin: 0 });
    const v = graphicsVariant(t, values);
    const rec = await record(v.key, v.svg(), t.width, t.height);
    if (rec) this.showForm(v.key, rec, [1, 0, 0, 1, 0, 0], [0, 0, t.width, t.height]);
    else svgToPdf(this.doc, v.svg(), 0, 0, { width: t.width, height: t.height, assumePt: true, preserveAspectRatio: "xMidYMid meet", warningCallback: () => undefined });
    for (const b of t.boxes) {
      if (!condsHold(b.conds, values)) continue;
      if (b.id === "qr") this.qr(b, token);
      else if (b.id === "logo" && logo) await this.image(b, logo);
      else if (b.id.startsWith("ttd")) {
        const s = signatures[Number(b.id.slice(3)) - 1];
        if (s) await this.image(b, s);
      }
    }
    this.text(values);
  }

  private text(values: Record<string, string>): void {
    const parts: string[] = [];
    for (const item of this.t.texts) {
      if (!condsHold(item.conds, values)) continue;
      for (const line of item.lines) {
        const runs: PlacedRun[] = line.runs.map((r) => ({ text: fillText(r.raw, values), face: openFace(resolveFont(r.font, this.t.dir)), size: r.size, fill: r.fill }));
        const placed = fitLine(runs.filter((r) => r.text !== ""), line, item.maxWidth, item.lines.length === 1 ? item.maxLines : 1, item.minSize);
        for (const pl of placed) {
          let x = pl.x;
          for (const r of pl.runs) {
            const l = r.face.layout(r.text);
            if (r.fill) parts.push(this.glyphs(r, item.m, x, pl.y));
            x += (l.width * r.size) / 1000;
          }
        }
      }
    }
    if (parts.length) this.d.addContent(parts.join("\n"));
  }

  private glyphs(r: PlacedRun, m: Matrix, x: number, y: number): string {
    const f = this.font(r.face);
    const l = r.face.layout(r.text);
    const [cr, cg, cb] = r.fill as [number, number, number];
    const head = `BT /${f.id} ${num(r.size)} Tf ${num(cr)} ${num(cg)} ${num(cb)} rg`;
    const hex: string[] = [];
    for (const g of l.glyphs) {
      const gid = f.subset.includeGlyph(g.id);
      f.widths[gid] ??= g.advanceWidth * r.face.scale;
      f.unicode[gid] ??= g.codePoints;
      hex.push(gid.toString(16).padStart(4, "0"));
    }
    if (l.offsets) {
      // combining marks: each glyph at its own place
      let pen = 0;
      const out = [head];
      l.glyphs.forEach((_, i) => {
        const [dx, dy] = (l.offsets as [number, number][])[i] as [number, number];
        out.push(`${mat(multiply(m, [1, 0, 0, -1, x + ((pen + dx) * r.size) / 1000, y - (dy * r.size) / 1000]))} Tm <${hex[i]}> Tj`);
        pen += l.xAdvance[i] as number;
      });
      return `${out.join(" ")} ET`;
    }
    const tj: string[] = [];
    let last = 0;
    l.glyphs.forEach((g, i) => {
      const adv = g.advanceWidth * r.face.scale;
      const kern = adv - (l.xAdvance[i] as number);
      if (Math.abs(kern) > 0.001 || i === l.glyphs.length - 1) {
        tj.push(`<${hex.slice(last, i + 1).join("")}>${i === l.glyphs.length - 1 ? "" : ` ${num(kern)}`}`);
        last = i + 1;
      }
    });
    return `${head} ${mat(multiply(m, [1, 0, 0, -1, x, y]))} Tm [${tj.join(" ")}] TJ ET`;
  }

  /** The QR code as a 1-bit image (quiet zone included), one module per pixel, not smoothed. */
  private qr(b: Box, token: string): void {
    // one byte-mode segment: the token is base64url text, and qrcode's search for the best
    // mix of modes (a shortest-path over the text) cost more than drawing the whole page
    const q = QRCode.create([{ data: Buffer.from(token, "utf8"), mode: "byte" }], { errorCorrectionLevel: "M", maskPattern: 0 });
    const n = q.modules.size;
    const data = q.modules.data;
    const side = n + 4;
    const row = Math.ceil(side / 8);
    const px = Buffer.alloc(row * side, 0xff);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (!data[r * n + c]) continue;
        const x = c + 2;
        const i = (r + 2) * row + (x >> 3);
        px[i] = (px[i] as number) & ~(0x80 >> (x & 7));
      }
    }
    const img = this.d.ref({ Type: "XObject", Subtype: "Image", Width: side, Height: side, ColorSpace: "DeviceGray", BitsPerComponent: 1, Interpolate: false });
    (img as unknown as { end(b: Buffer): void }).end(px);
    const name = `Qr${++this.qrs}`;
    this.d.page.xobjects[name] = img;
    const s = Math.min(b.w, b.h);
    const x = b.x + (b.w - s) / 2;
    const y = b.y + (b.h - s) / 2;
    this.d.addContent(`q ${mat(b.m)} cm ${num(s)} 0 0 ${num(-s)} ${num(x)} ${num(y + s)} cm /${name} Do Q`);
  }

  private async image(b: Box, path: string): Promise<void> {
    const bytes = fileBytes(path);
    if (/\.svg$/i.test(path)) {
      const svg = bytes.toString("utf8");
      const [w, h] = svgSize(svg);
      const rec = await record(`img:${path}`, svg, w, h);
      const s = Math.min(b.w / w, b.h / h);
      const m = multiply(b.m, [s, 0, 0, s, b.x + (b.w - w * s) / 2, b.y + (b.h - h * s) / 2]);
      if (rec) this.showForm(`img:${path}`, rec, m, [0, 0, w, h]);
      else {
        this.doc.save();
        this.doc.transform(...(m as [number, number, number, number, number, number]));
        svgToPdf(this.doc, svg, 0, 0, { width: w, height: h, assumePt: true, preserveAspectRatio: "xMidYMid meet", warningCallback: () => undefined });
        this.doc.restore();
      }
      return;
    }
    let img = this.images.get(path);
    if (!img) {
      try {
        img = (this.doc as unknown as { openImage(b: Buffer): unknown }).openImage(bytes);
      } catch {
        throw new UserError("CERT_IMAGE", "gambar bukan PNG/JPEG/SVG / image is not PNG, JPEG or SVG", { file: path });
      }
      this.images.set(path, img);
    }
    this.doc.save();
    this.doc.transform(...(b.m as [number, number, number, number, number, number]));
    this.doc.image(img as PDFKit.Mixins.ImageSrc, b.x, b.y, { fit: [b.w, b.h], align: "center", valign: "center" });
    this.doc.restore();
  }
}

export const sha256 = (s: string): Buffer => createHash("sha256").update(s).digest();
