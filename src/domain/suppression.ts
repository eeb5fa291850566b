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
 *    total then always covers zero or at least two hidden cells. Among candidates, a cell
 *    whose other totals already cover a hidden cell comes first (no new cascade), and a
 *    cell under a shown total of 0 is never picked (everybody can see it is 0).
 * This is the usual cell-suppression heuristic; it does not defend against reasoning with
 * bounds (a "<5" cell is at least 1).
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
  const memberOf: Constraint[][] = values.map(() => []);
  for (const c of constraints) for (const i of c.cells) memberOf[i]?.push(c);
  const totalShown = (c: Constraint) => c.total === undefined || !marks[c.total];
  // A cell under a shown total of 0 is known to be 0: hiding it protects nothing.
  const knownZero = values.map((_, i) => (memberOf[i] ?? []).some((c) => c.total !== undefined && totalShown(c) && values[c.total] === 0));
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      if (!totalShown(c)) continue;
      if (c.cells.filter((i) => marks[i]).length !== 1) continue;
      const pick = bestCandidate(c, values, marks, memberOf, knownZero);
      if (pick !== undefined) marks[pick] = "*";
      else if (c.total !== undefined) marks[c.total] = "*";
      else continue;
      changed = true;
    }
  }
  return marks;
}

/**
 * The cell to hide next to a lone hidden cell: first one whose other totals already cover
 * a hidden cell (so hiding it starts no new cascade), then the smallest non-zero value;
 * zeros last, and never a cell known to be zero.
 */
function bestCandidate(
  c: Constraint,
  values: readonly number[],
  marks: readonly (Mark | undefined)[],
  memberOf: readonly Constraint[][],
  knownZero: readonly boolean[],
): number | undefined {
  let best: number | undefined;
  let bestScore = Infinity;
  for (const i of c.cells) {
    if (marks[i] || knownZero[i]) continue;
    const v = values[i] ?? 0;
    const newSingles = (memberOf[i] ?? []).filter(
      (o) => o !== c && (o.total === undefined || !marks[o.total]) && o.cells.every((k) => !marks[k]),
    ).length;
    const score = newSingles * 1e9 + (v === 0 ? 1e8 : v);
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Row-major helper: index of cell (r, c) in a grid of `cols` columns. */
export const at = (cols: number) => (r: number, c: number) => r * cols + c;
