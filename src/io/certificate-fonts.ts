/**
 * Fonts of certificate templates. A font-family list is matched, in order, against the
 * fonts in a `fonts/` folder next to the template (by the family name inside the file),
 * then the DejaVu families shipped with the tool (DejaVu Sans, Serif, their Condensed
 * forms, Sans Mono) and the generic names serif, sans-serif, monospace; anything else
 * falls back to DejaVu Sans. Each font file is parsed once per thread with fontkit and
 * shared by every document; each text is laid out once and its glyph run kept.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FontSpec } from "./certificate-text-model.js";

export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface FontkitFont {
  unitsPerEm: number;
  familyName: string;
  subfamilyName: string;
  ascent: number;
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  hasGlyphForCodePoint(cp: number): boolean;
}

/** A text laid out in 1/1000 em: glyph ids, advances, code points (for ToUnicode). */
export interface Layout {
  glyphs: Glyph[];
  /** Advance with kerning, per glyph. */
  xAdvance: number[];
  /** Offsets (combining marks), or undefined when every offset is 0. */
  offsets: [number, number][] | undefined;
  width: number;
}

export interface Face {
  path: string;
  font: FontkitFont;
  scale: number;
  layout(text: string): Layout;
}

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(b: Uint8Array): FontkitFont };
const DEJAVU = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

const faces = new Map<string, Face>();

interface DecodingGlyph {
  _decode(): unknown;
  __decoded?: unknown;
  _font?: { _variationProcessor?: unknown };
}

/**
 * fontkit's TrueType subsetter decodes every glyph's outline again for each subset (each
 * PDF), only to learn whether it is a composite: 1,000 certificates decoded the same
 * letters 1,000 times. The decoded glyph is kept on the glyph object (fontkit keeps one per
 * glyph id and font); it is only read afterwards. Fonts with variations are left alone
 * (their outlines are transformed in place).
 */
function memoiseGlyphDecoding(font: FontkitFont): void {
  const f = font as unknown as { _variationProcessor?: unknown; getGlyph(id: number): DecodingGlyph | null };
  if (f._variationProcessor) return;
  const proto = Object.getPrototypeOf(f.getGlyph(0) ?? {}) as Partial<DecodingGlyph> & { __pelatihanMemo?: boolean };
  if (typeof proto._decode !== "function" || proto.__pelatihanMemo) return;
  const decode = proto._decode;
  proto._decode = function (this: DecodingGlyph): unknown {
    if (this._font?._variationProcessor) return decode.call(this);
    if (this.__decoded === undefined) this.__decoded = decode.call(this);
    return this.__decoded;
  };
  proto.__pelatihanMemo = true;
}

export function openFace(path: string): Face {
  let f = faces.get(path);
  if (f) return f;
  const font = fontkit.create(readFileSync(path));
  memoiseGlyphDecoding(font);
  const scale = 1000 / font.unitsPerEm;
  const cache = new Map<string, Layout>();
  f = {
    path,
    font,
    scale,
    layout(text: string): Layout {
      let l = cache.get(text);
      if (l) return l;
      const run = font.layout(text);
      const xAdvance: number[] = [];
      let offsets: [number, number][] | undefined;
      let width = 0;
      run.positions.forEach((p, i) => {
        xAdvance.push(p.xAdvance * scale);
        width += p.xAdvance * scale;
        if (p.xOffset || p.yOffset) offsets ??= run.positions.map(() => [0, 0]);
        if (offsets) offsets[i] = [p.xOffset * scale, p.yOffset * scale];
      });
      l = { glyphs: run.glyphs, xAdvance, offsets, width };
      if (cache.size > 20_000) cache.clear();
      cache.set(text, l);
      return l;
    },
  };
  faces.set(path, f);
  return f;
}

const DEJAVU_FAMILIES: Record<string, { file: string; italic: string }> = {
  "dejavu sans": { file: "DejaVuSans", italic: "Oblique" },
  "dejavu serif": { file: "DejaVuSerif", italic: "Italic" },
  "dejavu sans condensed": { file: "DejaVuSansCondensed", italic: "Oblique" },
  "dejavu serif condensed": { file: "DejaVuSerifCondensed", italic: "Italic" },
  "dejavu sans mono": { file: "DejaVuSansMono", italic: "Oblique" },
  serif: { file: "DejaVuSerif", italic: "Italic" },
  "sans-serif": { file: "DejaVuSans", italic: "Oblique" },
  monospace: { file: "DejaVuSansMono", italic: "Oblique" },
};

function dejavu(family: string, bold: boolean, italic: boolean): string | undefined {
  const d = DEJAVU_FAMILIES[family];
  if (!d) return undefined;
  const style = `${bold ? "Bold" : ""}${italic ? (bold && d.italic === "Italic" ? "Italic" : d.italic) : ""}`;
  return join(DEJAVU, `${d.file}${style ? `-${style}` : ""}.ttf`);
}

/** family (lower case) -> "regular" | "bold" | "italic" | "bolditalic" -> file, for a template folder. */
const templateFonts = new Map<string, Map<string, Map<string, string>>>();

function fontsNextTo(dir: string): Map<string, Map<string, string>> {
  let m = templateFonts.get(dir);
  if (m) return m;
  m = new Map();
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, "fonts")).filter((f) => /\.(ttf|otf)$/i.test(f)).sort();
  } catch {
    // no fonts folder: DejaVu only
  }
  for (const f of files) {
    const path = join(dir, "fonts", f);
    const face = openFace(path);
    const sub = face.font.subfamilyName.toLowerCase();
    const key = `${/bold|black|heavy|semibold/.test(sub) ? "bold" : ""}${/italic|oblique/.test(sub) ? "italic" : ""}` || "regular";
    const fam = face.font.familyName.toLowerCase();
    if (!m.has(fam)) m.set(fam, new Map());
    m.get(fam)?.set(key, path);
  }
  templateFonts.set(dir, m);
  return m;
}

/** The font file for a template text style. */
export function resolveFont(spec: FontSpec, templateDir: string): string {
  const own = fontsNextTo(templateDir);
  const names = spec.family.split(",").map((s) => s.trim().replace(/^['"]|['"]$/g, "").toLowerCase());
  const want = `${spec.bold ? "bold" : ""}${spec.italic ? "italic" : ""}` || "regular";
  for (const n of names) {
    const fam = own.get(n);
    if (fam) return fam.get(want) ?? fam.get(spec.bold ? "bold" : "regular") ?? fam.get("regular") ?? ([...fam.values()][0] as string);
    const d = dejavu(n, spec.bold, spec.italic);
    if (d) return d;
  }
  return dejavu("dejavu sans", spec.bold, spec.italic) as string;
}

/** The first code point the font cannot draw (spaces and line breaks aside). */
export function firstMissing(face: Face, text: string): string | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x20 || cp === 0xa0) continue;
    if (!face.font.hasGlyphForCodePoint(cp)) return ch;
  }
  return undefined;
}
