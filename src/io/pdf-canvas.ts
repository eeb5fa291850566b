/**
 * Page content for pdfkit written as PDF operators directly, for documents of hundreds of
 * pages of table rows (the roster's attendance sheets). pdfkit stays in charge of the
 * document: pages, embedded font subsets, ToUnicode maps, compression. What it does per
 * call is what costs: fontkit lays out every text (twice: measure, then draw), and every
 * operator becomes its own buffer. Here:
 * - a text is laid out once per font from its characters' glyphs, each looked up once
 *   (no kerning or ligatures, as office printouts usually have; text that needs glyph
 *   positioning, such as combining marks, goes through fontkit's full layout);
 * - a page's operators are gathered in one string and handed to pdfkit once.
 * Relies on pdfkit 0.x internals (_font, font.encode, page.fonts): the tests check the
 * result by extracting the text again, and by rendering pages.
 */

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's EmbeddedFont, as far as it is used here. */
export interface FontInternals {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  ref(): unknown;
  /** The fontkit font, its units per 1/1000 em, and the subset with what encode() records of each glyph. */
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number } };
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
}

interface DocInternals {
  _font: FontInternals;
  page: { height: number; fonts: Record<string, unknown> };
  /** A string is taken byte by byte (char code & 255), plus a line feed; bytes as they are. */
  addContent(s: string | Uint8Array): unknown;
}

/** A text's glyphs as a show-text operator and its advance, in 1/1000 em (independent of the size). */
interface Run {
  show: string;
  advance: number;
}

interface Glyph {
  hex: string;
  advance: number;
}

/** fontkit's font, as far as postHeaderOnly uses it. */
interface FontkitTables {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  _decodeTable(entry: unknown): Record<string | symbol, unknown>;
}

/**
 * pdfkit reads two values of a font's `post` table when it embeds the font (isFixedPitch and
 * italicAngle, from the table's fixed header); fontkit then decodes the whole table, with a
 * name for each glyph: 6,000 for DejaVu, about 8 ms a font. The header is read here instead;
 * anything else asked of the table decodes it whole, as fontkit would have.
 */
export function postHeaderOnly(font: unknown): void {
  const f = font as Partial<FontkitTables>;
  const entry = f.directory?.tables.post;
  if (!entry || entry.length < 16 || !f.stream || !f._tables || "post" in f._tables || typeof f._decodeTable !== "function") return;
  const b = f.stream.buffer;
  const v = new DataView(b.buffer, b.byteOffset + entry.offset, 16);
  const header: Record<string | symbol, unknown> = {
    version: v.getInt32(0) / 65536,
    italicAngle: v.getInt32(4) / 65536,
    underlinePosition: v.getInt16(8),
    underlineThickness: v.getInt16(10),
    isFixedPitch: v.getUint32(12),
  };
  let whole: Record<string | symbol, unknown> | undefined;
  const decode = f._decodeTable.bind(f);
  f._tables.post = new Proxy(header, {
    get: (h, key) => (key in h ? h[key] : (whole ??= decode(entry))[key]),
  });
}

/** Two decimals: 1/7200 inch, far below what a printer shows. */
const num = (n: number): string => String(Math.round(n * 100) / 100);

/** The glyphs of one embedded font, each character and each text looked up once. */
class FontGlyphs {
  private readonly chars = new Map<number, Glyph | null>();
  private readonly runs = new Map<string, Run | null>();

  constructor(readonly font: FontInternals) {}

  private glyph(code: number): Glyph | null {
    let g = this.chars.get(code);
    if (g !== undefined) return g;
    g = null;
    // surrogates need their pair; a zero advance is a combining mark that needs positioning;
    // a character the font lacks goes through the full layout, as pdfkit would draw it.
    // Otherwise the glyph is taken directly, as encode() takes it after the layout (which
    // for one such character changes nothing, and which then never needs the font's
    // layout tables at all)
    if (code < 0xd800 || code > 0xdfff) {
      const f = this.font;
      const glyph = f.font.glyphForCodePoint(code);
      const advance = glyph.advanceWidth * f.scale;
      if (glyph.id !== 0 && advance > 0) {
        const gid = f.subset.includeGlyph(glyph.id);
        f.widths[gid] ??= advance;
        f.unicode[gid] ??= [code];
        g = { hex: `0000${gid.toString(16)}`.slice(-4), advance };
      }
    }
    this.chars.set(code, g);
    return g;
  }

  /** null: the text needs glyph offsets, and pdfkit's text() draws it. */
  run(text: string): Run | null {
    let r = this.runs.get(text);
    if (r !== undefined) return r;
    r = this.simple(text) ?? this.laidOut(text);
    if (this.runs.size < 100_000) this.runs.set(text, r);
    return r;
  }

  private simple(text: string): Run | null {
    let hex = "";
    let advance = 0;
    for (let i = 0; i < text.length; i++) {
      const g = this.glyph(text.charCodeAt(i));
      if (g === null) return null;
      hex += g.hex;
      advance += g.advance;
    }
    return { show: `<${hex}> Tj`, advance };
  }

  /** fontkit's full layout, kerning included, as pdfkit's own text() writes it. */
  private laidOut(text: string): Run | null {
    const [glyphs, pos] = this.font.encode(text);
    const parts: string[] = [];
    let advance = 0;
    let last = 0;
    for (let i = 0; i < pos.length; i++) {
      const p = pos[i] as Position;
      if (p.xOffset || p.yOffset) return null;
      advance += p.xAdvance;
      if (p.xAdvance !== p.advanceWidth || i === pos.length - 1) {
        parts.push(`<${glyphs.slice(last, i + 1).join("")}> ${num(p.advanceWidth - p.xAdvance)}`);
        last = i + 1;
      }
    }
    return { show: `[${parts.join(" ")}] TJ`, advance };
  }
}

export type Rgb = readonly [number, number, number];

/** Where a recording canvas puts what it draws (see PageCanvas, `target`). */
export interface Recording {
  /** The fonts used, as a resource dictionary: name -> font reference. */
  fonts: Record<string, unknown>;
  /** The content, in pieces. */
  content: Uint8Array[];
}

/** Thrown by a recording canvas for text that only pdfkit can lay out (it draws on a page). */
export class NeedsPdfkit extends Error {}

/**
 * Draws on the current pdfkit page in its top-down coordinates (y grows downwards, as in
 * pdfkit). Operators are kept until flush(), which also runs before anything pdfkit draws
 * itself (through `viaPdfkit`), so the painting order is the order of the calls.
 */
export class PageCanvas {
  private readonly fonts = new Map<string, FontGlyphs>();
  private current: FontGlyphs | undefined;
  private name = "";
  private size = 0;
  private ops = "";
  /** What the operators in `ops` have set: emitted again after a flush. */
  private setFont = "";
  private setFill = "";
  /** The fill colour set last (for text that pdfkit draws itself). */
  private rgb: Rgb = [0, 0, 0];
  private used = new Set<FontGlyphs>();

  /**
   * `target`: record what is drawn there instead of drawing it on the current page, for a
   * form that pages show again (PDF Form XObject): same coordinates, a page's height.
   */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly target?: Recording,
  ) {}

  private get d(): DocInternals {
    return this.doc as unknown as DocInternals;
  }

  private get pageHeight(): number {
    return this.d.page.height;
  }

  /** A font registered with doc.registerFont, at a size. */
  font(name: string, size: number): this {
    if (name !== this.name) {
      let f = this.fonts.get(name);
      if (!f) {
        this.doc.font(name);
        postHeaderOnly(this.d._font.font);
        this.fonts.set(name, (f = new FontGlyphs(this.d._font)));
      }
      this.current = f;
      this.name = name;
    }
    this.size = size;
    return this;
  }

  private get glyphs(): FontGlyphs {
    if (!this.current) throw new Error("PageCanvas: no font set");
    return this.current;
  }

  /** Width of a text at the current font and size. */
  width(text: string): number {
    const r = this.glyphs.run(text);
    if (r === null) return this.doc.font(this.name).fontSize(this.size).widthOfString(text);
    return (r.advance * this.size) / 1000;
  }

  fill(rgb: Rgb): this {
    const op = `${rgb.map((c) => num(c)).join(" ")} rg`;
    this.rgb = rgb;
    if (op !== this.setFill) {
      this.begin();
      this.ops += `${op}\n`;
      this.setFill = op;
    }
    return this;
  }

  /** One line of text with its top at `y`, like doc.text(text, x, y, { lineBreak: false }). */
  text(text: string, x: number, y: number): void {
    if (text === "") return;
    const f = this.glyphs;
    const r = f.run(text);
    if (r === null) {
      const [red, green, blue] = this.rgb;
      this.viaPdfkit((doc) => doc.font(this.name).fontSize(this.size).fillColor([red * 255, green * 255, blue * 255]).text(text, x, y, { lineBreak: false }));
      return;
    }
    this.begin();
    this.used.add(f);
    const tf = `/${f.font.id} ${num(this.size)} Tf `;
    const baseline = this.pageHeight - y - (f.font.ascender / 1000) * this.size;
    this.ops += `BT ${tf === this.setFont ? "" : tf}1 0 0 1 ${num(x)} ${num(baseline)} Tm ${r.show} ET\n`;
    this.setFont = tf;
  }

  /** Straight lines, stroked black at `width` in one path. */
  lines(segments: readonly (readonly [number, number, number, number])[], width: number): void {
    this.begin();
    const h = this.pageHeight;
    let path = `${num(width)} w 0 G\n`;
    for (const [x1, y1, x2, y2] of segments) path += `${num(x1)} ${num(h - y1)} m ${num(x2)} ${num(h - y2)} l\n`;
    this.ops += `${path}S\n`;
  }

  /** A rectangle filled with `rgb` and outlined black at `width`. */
  box(x: number, y: number, w: number, h: number, rgb: Rgb, width: number): void {
    this.fill(rgb);
    const top = this.pageHeight - y - h;
    this.ops += `${num(width)} w 0 G ${num(x)} ${num(top)} ${num(w)} ${num(h)} re B\n`;
  }

  /** Lets pdfkit draw (text that needs its full layout) after what is drawn so far. */
  viaPdfkit(draw: (doc: PDFKit.PDFDocument) => void): void {
    if (this.target) throw new NeedsPdfkit("text that only pdfkit can lay out cannot be recorded");
    this.flush();
    draw(this.doc);
  }

  /** Shows a recorded form (a Form XObject named `name` in the page's resources) on the current page. */
  showForm(name: string, form: unknown): void {
    this.flush();
    const page = this.d.page as unknown as { xobjects: Record<string, unknown> };
    page.xobjects[name] = form;
    // under pdfkit's own top-down transform, as the recorded operators expect
    this.d.addContent(Buffer.from(`q /${name} Do Q\n`, "latin1"));
  }

  private begin(): void {
    if (this.ops !== "") return;
    // pdfkit's pages are flipped to top-down; the operators here use PDF's own coordinates
    const fill = this.setFill;
    this.ops = `q 1 0 0 -1 0 ${num(this.pageHeight)} cm\n${fill === "" ? "" : `${fill}\n`}`;
    this.setFont = "";
  }

  /** Hands what is drawn to the current page. Call before the next page is added. */
  flush(): void {
    if (this.ops === "") return;
    const fonts = this.target?.fonts ?? this.d.page.fonts;
    for (const f of this.used) fonts[f.font.id] ??= f.font.ref();
    this.used = new Set();
    // as bytes: pdfkit turns a string into bytes one character at a time in JavaScript
    const bytes = Buffer.from(`${this.ops}Q\n`, "latin1");
    if (this.target) this.target.content.push(bytes);
    else this.d.addContent(bytes);
    this.ops = "";
  }

  /** A new page: the fill colour starts black again. */
  newPage(): void {
    this.flush();
    this.setFill = "";
    this.rgb = [0, 0, 0];
  }
}
