/**
 * Single-line text for pdfkit without its per-call layout: a provincial roster draws the
 * same names, kecamatan and numbers on every attendance sheet, and pdfkit lays each one
 * out with fontkit twice (measure, then draw). Here each text is laid out once per font;
 * the glyph run is kept and written as the same operators pdfkit's own text() writes.
 * Relies on pdfkit 0.x internals (_font, _fontSize, font.encode, page.fonts): the tests
 * check the result by extracting the text again.
 */

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

interface FontInternals {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  ref(): unknown;
}

interface DocInternals {
  _font: FontInternals;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(s: string): unknown;
}

interface Run {
  /** TJ operand, independent of the font size (adjustments are in 1/1000 em). */
  tj: string;
  /** Advance in 1/1000 em. */
  advance: number;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

export class TextRuns {
  /** null: the text needs glyph offsets (combining marks ...): pdfkit's text() draws it. */
  private readonly runs = new Map<string, Run | null>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private run(text: string): Run | null {
    const d = this.doc as unknown as DocInternals;
    const key = `${d._font.id}\u0000${text}`;
    let r = this.runs.get(key);
    if (r !== undefined) return r;
    const [glyphs, pos] = d._font.encode(text);
    r = { tj: "", advance: 0 };
    const parts: string[] = [];
    let last = 0;
    for (let i = 0; i < pos.length; i++) {
      const p = pos[i] as Position;
      if (p.xOffset || p.yOffset) {
        r = null;
        break;
      }
      r.advance += p.xAdvance;
      // kerning: close the hex run and move by the difference, as pdfkit does
      if (p.xAdvance !== p.advanceWidth || i === pos.length - 1) {
        parts.push(`<${glyphs.slice(last, i + 1).join("")}> ${num(p.advanceWidth - p.xAdvance)}`);
        last = i + 1;
      }
    }
    if (r) r.tj = `[${parts.join(" ")}] TJ`;
    if (this.runs.size < 100_000) this.runs.set(key, r);
    return r;
  }

  /** Width at the current font and size. */
  width(text: string): number {
    const r = this.run(text);
    if (r === null) return this.doc.widthOfString(text);
    return (r.advance * (this.doc as unknown as DocInternals)._fontSize) / 1000;
  }

  /** Draws one line with its top at `y`, like doc.text(text, x, y, { lineBreak: false }). */
  draw(text: string, x: number, y: number): void {
    if (text === "") return;
    const r = this.run(text);
    if (r === null) {
      this.doc.text(text, x, y, { lineBreak: false });
      return;
    }
    const d = this.doc as unknown as DocInternals;
    const f = d._font;
    d.page.fonts[f.id] ??= f.ref();
    const h = d.page.height;
    const baseline = h - y - (f.ascender / 1000) * d._fontSize;
    d.addContent(`q 1 0 0 -1 0 ${num(h)} cm BT 1 0 0 1 ${num(x)} ${num(baseline)} Tm /${f.id} ${num(d._fontSize)} Tf ${r.tj} ET Q`);
  }
}
