/**
 * Small-count suppression for public documents (UU 27/2022: disability is health data).
 *
 * The rule, decided here once and applied to every format:
 * 1. Primary: a disability cell (a count of people with one disability category) of 1-4
 *    is shown as "<5". Zero is shown: it reveals nobody.
 * 2. Secondary: a total that is shown (or public anyway, like the number of participants
 *    or of women) must not let a reader subtract their way to a hidden cell. Whenever a
 *    visible total covers exactly one hidden cell, the smallest other visible cell under
 *    that total is hidden too, marked "*" (it may be 5 or more, so it cannot say "<5").
 *    When no other cell is left, the total itself is hidden. Repeated until stable: a
 *    total then always covers zero or at least two hidden cells.
 * Totals are never recomputed after suppression: every shown number is the true count.
 */

export type Mark = "<5" | "*";

/** `cells` add up to `total` (an index of a cell in the same table), or to a public figure when `total` is undefined. */
export interface Constraint {
  cells: number[];
  total?: number;
}

export function isSmall(n: number): boolean {
  return n >= 1 && n <= 4;
}

/** Marks for a flat list of cells; undefined = shown. */
export function suppress(values: readonly number[], sensitive: readonly boolean[], constraints: readonly Constraint[]): (Mark | undefined)[] {
  const marks: (Mark | undefined)[] = values.map((v, i) => (sensitive[i] && isSmall(v) ? "<5" : undefined));
  if (!marks.some(Boolean)) return marks;
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      if (c.total !== undefined && marks[c.total]) continue;
      const hidden = c.cells.filter((i) => marks[i]).length;
      if (hidden !== 1) continue;
      const pick = smallestVisible(values, marks, c.cells);
      if (pick !== undefined) marks[pick] = "*";
      else if (c.total !== undefined) marks[c.total] = "*";
      else continue;
      changed = true;
    }
  }
  return marks;
}

/** Smallest visible non-zero cell (zero cells hide nothing but reveal; they are the last resort). */
function smallestVisible(values: readonly number[], marks: readonly (Mark | undefined)[], cells: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestZero: number | undefined;
  for (const i of cells) {
    if (marks[i]) continue;
    const v = values[i] ?? 0;
    if (v === 0) bestZero ??= i;
    else if (best === undefined || v < (values[best] ?? 0)) best = i;
  }
  return best ?? bestZero;
}

/** Row-major helper: index of cell (r, c) in a grid of `cols` columns. */
export const at = (cols: number) => (r: number, c: number) => r * cols + c;
