/** Nearest-name suggestions for unknown keys, headers and place names. */

/** Levenshtein distance, with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * The closest candidate within a distance that grows with the word's length, or
 * undefined. Ties go to the earlier candidate so the answer is stable.
 */
export function didYouMean(word: string, candidates: Iterable<string>, normalise: (s: string) => string = (s) => s.toLowerCase()): string | undefined {
  const w = normalise(word);
  if (w.length === 0) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const n = normalise(c);
    if (n.startsWith(w) && w.length >= 4 && bestD > 1) {
      best = c;
      bestD = 1;
      continue;
    }
    const d = editDistance(w, n, limit);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
