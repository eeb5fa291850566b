/**
 * A template's `<text>` element as lines of styled runs. A `<tspan>` with its own x or y
 * (Inkscape writes one per line) starts a new line; other tspans change the style inline.
 * Whitespace collapses as in SVG. `data-max-width` (user units) is the box a line must fit;
 * `data-max-lines` (default 1, at most 3) how many lines it may wrap to;
 * `data-min-size` the smallest font size before wrapping (default 70 % of the size).
 */
import type { Condition } from "./certificate-template.js";
import { parseColor, styleOf, userLength, type Matrix } from "./svg-style.js";
import type { XmlElement } from "./svg-xml.js";

export interface FontSpec {
  /** font-family list as written, e.g. "'DejaVu Serif', serif". */
  family: string;
  bold: boolean;
  italic: boolean;
}

export interface TextRun {
  raw: string;
  font: FontSpec;
  size: number;
  fill: [number, number, number] | null;
}

export interface TextLine {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  runs: TextRun[];
}

export interface TextItem {
  m: Matrix;
  lines: TextLine[];
  maxWidth: number | undefined;
  maxLines: number;
  minSize: number | undefined;
  conds: Condition[];
  placeholders: string[];
  /** A `{{` without its `}}` in the same run (Inkscape split a placeholder across tspans). */
  split: string | undefined;
  line: number;
}

function fontOf(st: Record<string, string>): FontSpec {
  const w = (st["font-weight"] ?? "normal").trim();
  return {
    family: st["font-family"] ?? "sans-serif",
    bold: w === "bold" || w === "bolder" || (/^\d+$/.test(w) && Number(w) >= 600),
    italic: /italic|oblique/.test(st["font-style"] ?? ""),
  };
}

function anchorOf(st: Record<string, string>): TextLine["anchor"] {
  const a = st["text-anchor"];
  return a === "middle" || a === "end" ? a : "start";
}

export function readText(el: XmlElement, m: Matrix, style: Record<string, string>, classes: Map<string, Record<string, string>>, conds: Condition[], _path: string): TextItem {
  const lines: TextLine[] = [];
  const first = (s: string | undefined): number | undefined => userLength(s?.trim().split(/[\s,]+/)[0]);
  let cur: TextLine = { x: first(el.attrs.x) ?? 0, y: first(el.attrs.y) ?? 0, anchor: anchorOf(style), runs: [] };
  lines.push(cur);
  const visit = (node: XmlElement, st: Record<string, string>, isRoot: boolean): void => {
    if (!isRoot) {
      const nx = first(node.attrs.x);
      const ny = first(node.attrs.y);
      if (nx !== undefined || ny !== undefined || node.attrs["sodipodi:role"] === "line") {
        cur = { x: nx ?? cur.x, y: ny ?? cur.y, anchor: anchorOf(st), runs: [] };
        lines.push(cur);
      }
    }
    for (const c of node.children) {
      if (typeof c === "string") {
        const raw = c.replace(/[\r\n\t]+/g, " ");
        const size = userLength(st["font-size"]) ?? 16;
        const prev = cur.runs[cur.runs.length - 1];
        const run: TextRun = { raw, font: fontOf(st), size, fill: st.visibility === "hidden" ? null : parseColor(st.fill) };
        if (prev && prev.size === run.size && sameFont(prev.font, run.font) && String(prev.fill) === String(run.fill)) prev.raw += raw;
        else cur.runs.push(run);
      } else if (c.name === "tspan" || c.name === "svg:tspan") {
        const cst = styleOf(c, st, classes);
        if (cst.display !== "none") visit(c, cst, false);
      }
    }
  };
  visit(el, style, true);
  const kept: TextLine[] = [];
  for (const l of lines) {
    // collapse spaces across runs, trim the line's ends
    let prevSpace = true;
    for (const r of l.runs) {
      r.raw = r.raw.replace(/ {2,}/g, " ");
      if (prevSpace && r.raw.startsWith(" ")) r.raw = r.raw.slice(1);
      if (r.raw !== "") prevSpace = r.raw.endsWith(" ");
    }
    const last = [...l.runs].reverse().find((r) => r.raw !== "");
    if (last) last.raw = last.raw.replace(/ +$/, "");
    l.runs = l.runs.filter((r) => r.raw !== "");
    if (l.runs.length > 0) kept.push(l);
  }
  const placeholders: string[] = [];
  let split: string | undefined;
  for (const l of kept) {
    for (const r of l.runs) {
      for (const p of r.raw.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) placeholders.push(p[1] as string);
      const rest = r.raw.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, "");
      if (rest.includes("{{") || rest.includes("}}")) split ??= r.raw;
    }
  }
  const num = (k: string): number | undefined => {
    const v = el.attrs[k];
    return v === undefined ? undefined : userLength(v);
  };
  return {
    m,
    lines: kept,
    maxWidth: num("data-max-width"),
    maxLines: Math.max(1, Math.min(3, Math.round(num("data-max-lines") ?? 1))),
    minSize: num("data-min-size"),
    conds,
    placeholders,
    split,
    line: el.line,
  };
}

export function sameFont(a: FontSpec, b: FontSpec): boolean {
  return a.family === b.family && a.bold === b.bold && a.italic === b.italic;
}
