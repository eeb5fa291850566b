/**
 * Fitting a filled line of text into its box (`data-max-width`): it keeps its size when it
 * fits, else shrinks down to the minimum size, then wraps at spaces into up to
 * `data-max-lines` lines at the largest size that fits, and only when even that fails
 * shrinks further: a name is never cut and never leaves its box. A wrapped block is
 * centred on the template's baseline, so one line sits where the designer put it.
 */
import type { Face } from "./certificate-fonts.js";
import type { TextLine } from "./certificate-text-model.js";

export interface PlacedRun {
  text: string;
  face: Face;
  size: number;
  fill: [number, number, number] | null;
}
export interface PlacedLine {
  /** Left end of the line's baseline, user units. */
  x: number;
  y: number;
  runs: PlacedRun[];
}

const LINE_HEIGHT = 1.2;

function place(runs: PlacedRun[], line: TextLine, y: number): PlacedLine {
  const w = runs.reduce((n, r) => n + (r.face.layout(r.text).width * r.size) / 1000, 0);
  const x = line.anchor === "middle" ? line.x - w / 2 : line.anchor === "end" ? line.x - w : line.x;
  return { x, y, runs };
}

/** Greedy wrap of words (widths at size 1000) at a size; undefined when a word is wider than the box. */
function wrap(words: string[], widths: number[], space: number, size: number, max: number): string[] | undefined {
  const lines: string[] = [];
  let cur = "";
  let w = 0;
  for (let i = 0; i < words.length; i++) {
    const ww = ((widths[i] as number) * size) / 1000;
    if (ww > max) return undefined;
    if (cur !== "" && w + (space * size) / 1000 + ww <= max) {
      cur += ` ${words[i]}`;
      w += (space * size) / 1000 + ww;
    } else {
      if (cur !== "") lines.push(cur);
      cur = words[i] as string;
      w = ww;
    }
  }
  lines.push(cur);
  return lines;
}

/** Largest size in [lo, hi] whose wrap has at most n lines (sizes to 0.05 user unit). */
function largest(words: string[], widths: number[], space: number, max: number, n: number, lo: number, hi: number): number | undefined {
  const ok = (s: number): boolean => (wrap(words, widths, space, s, max)?.length ?? Infinity) <= n;
  if (!ok(lo)) return undefined;
  while (hi - lo > 0.05) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function fitLine(runs: PlacedRun[], line: TextLine, maxWidth: number | undefined, maxLines: number, minSize: number | undefined): PlacedLine[] {
  const natural = runs.reduce((n, r) => n + (r.face.layout(r.text).width * r.size) / 1000, 0);
  if (maxWidth === undefined || natural <= maxWidth || natural === 0) return [place(runs, line, line.y)];
  const k = maxWidth / natural;
  const first = runs[0] as PlacedRun;
  const min = minSize ?? first.size * 0.7;
  if (runs.length > 1 || maxLines === 1 || first.size * k >= min) {
    return [place(runs.map((r) => ({ ...r, size: r.size * k * 0.999 })), line, line.y)];
  }
  const words = first.text.split(" ").filter((w) => w !== "");
  const widths = words.map((w) => first.face.layout(w).width);
  const space = first.face.layout(" ").width;
  let size: number | undefined;
  let n = 2;
  for (; n <= maxLines && size === undefined; n++) size = largest(words, widths, space, maxWidth, n, min, first.size);
  n--;
  // even the minimum size needs more lines than allowed: smaller still, down to what fits
  if (size === undefined) size = largest(words, widths, space, maxWidth, maxLines, 0.5, min) ?? 0.5;
  const parts = wrap(words, widths, space, size, maxWidth) ?? [first.text];
  const lh = size * LINE_HEIGHT;
  const top = line.y - ((parts.length - 1) * lh) / 2;
  return parts.map((t, i) => place([{ ...first, text: t, size }], line, top + i * lh));
}
