/**
 * The part of SVG styling a certificate template needs for its text: presentation
 * attributes, `style="..."`, simple `.class` rules from `<style>`, transforms, colours
 * and lengths. Graphics are drawn by svg-to-pdfkit, which reads the same attributes.
 */
import type { XmlElement } from "./svg-xml.js";

/** Affine matrix [a, b, c, d, e, f] as in SVG and PDF. */
export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** `transform="..."`: matrix, translate, scale, rotate, skewX, skewY (in order). */
export function parseTransform(s: string | undefined): Matrix {
  let m = IDENTITY;
  if (!s) return m;
  const re = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g;
  for (let r = re.exec(s); r; r = re.exec(s)) {
    const v = (r[2] as string).split(/[\s,]+/).filter((x) => x !== "").map(Number);
    const [a = 0, b, c, d = 0, e = 0, f = 0] = v;
    let n: Matrix = IDENTITY;
    const rad = (deg: number): number => (deg * Math.PI) / 180;
    switch (r[1]) {
      case "matrix":
        n = [a, b ?? 0, c ?? 0, d, e, f];
        break;
      case "translate":
        n = [1, 0, 0, 1, a, b ?? 0];
        break;
      case "scale":
        n = [a, 0, 0, b ?? a, 0, 0];
        break;
      case "rotate": {
        const cos = Math.cos(rad(a));
        const sin = Math.sin(rad(a));
        n = [cos, sin, -sin, cos, 0, 0];
        if (b !== undefined) n = multiply(multiply([1, 0, 0, 1, b, c ?? 0], n), [1, 0, 0, 1, -b, -(c ?? 0)]);
        break;
      }
      case "skewX":
        n = [1, 0, Math.tan(rad(a)), 1, 0, 0];
        break;
      case "skewY":
        n = [1, Math.tan(rad(a)), 0, 1, 0, 0];
        break;
    }
    m = multiply(m, n);
  }
  return m;
}

const STYLE_PROPS = ["font-family", "font-size", "font-weight", "font-style", "fill", "text-anchor", "display", "visibility", "fill-opacity"];

/** `.name { a: b }` rules of `<style>` elements (other selectors are ignored). */
export function classRules(css: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  const re = /([^{}]+)\{([^}]*)\}/g;
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (let r = re.exec(text); r; r = re.exec(text)) {
    const decls = declarations(r[2] as string);
    for (const sel of (r[1] as string).split(",")) {
      const m = /^\s*\.([-\w]+)\s*$/.exec(sel);
      if (m) rules.set(m[1] as string, { ...rules.get(m[1] as string), ...decls });
    }
  }
  return rules;
}

function declarations(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of s.split(";")) {
    const k = d.indexOf(":");
    if (k > 0) out[d.slice(0, k).trim().toLowerCase()] = d.slice(k + 1).trim();
  }
  return out;
}

/** Inherited text style of an element: parent's, then attributes, class rules, style="". */
export function styleOf(el: XmlElement, parent: Readonly<Record<string, string>>, classes: Map<string, Record<string, string>>): Record<string, string> {
  const s: Record<string, string> = { ...parent };
  // display is not inherited, but a hidden parent hides its children, so keeping it is right
  for (const p of STYLE_PROPS) if (el.attrs[p] !== undefined) s[p] = el.attrs[p] as string;
  for (const c of (el.attrs.class ?? "").split(/\s+/)) Object.assign(s, pick(classes.get(c)));
  Object.assign(s, pick(declarations(el.attrs.style ?? "")));
  return s;
}

function pick(d: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (d) for (const p of STYLE_PROPS) if (d[p] !== undefined) out[p] = d[p] as string;
  return out;
}

/** A length in user units (px = user unit); undefined when missing or not a number. */
export function userLength(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*(px|pt|mm|cm|in|pc)?\s*$/i.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = (m[2] ?? "px").toLowerCase();
  const k: Record<string, number> = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };
  return Number.isFinite(v) ? v * (k[unit] as number) : undefined;
}

/** A root width/height in PDF points (unitless = px = 0.75 pt). */
export function pointLength(s: string | undefined): number | undefined {
  if (s === undefined || /%/.test(s)) return undefined;
  const u = userLength(s);
  return u === undefined ? undefined : u * 0.75;
}

const NAMED: Record<string, string> = {
  black: "000000", white: "ffffff", red: "ff0000", green: "008000", blue: "0000ff", gray: "808080", grey: "808080",
  navy: "000080", maroon: "800000", darkred: "8b0000", darkblue: "00008b", gold: "ffd700", silver: "c0c0c0",
};

/** [r, g, b] in 0..1, or null for `none`; unknown colours are black. */
export function parseColor(s: string | undefined): [number, number, number] | null {
  if (s === undefined) return [0, 0, 0];
  const v = s.trim().toLowerCase();
  if (v === "none" || v === "transparent") return null;
  let hex = NAMED[v] ?? (v.startsWith("#") ? v.slice(1) : undefined);
  if (hex && hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  if (hex && /^[0-9a-f]{6}$/.test(hex)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const rgb = /^rgb\(\s*([\d.]+)%?\s*,\s*([\d.]+)%?\s*,\s*([\d.]+)%?\s*\)$/.exec(v);
  if (rgb) {
    const pct = v.includes("%");
    return [rgb[1], rgb[2], rgb[3]].map((x) => Math.min(1, Number(x) / (pct ? 100 : 255))) as [number, number, number];
  }
  return [0, 0, 0];
}
