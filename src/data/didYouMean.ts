/**
 * "Did you mean …?" for misspelt names (columns, indicators, units, sheet names).
 * Shared with the scenario layer.
 */

/** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const ca = Array.from(a);
  const cb = Array.from(b);
  let prev = new Array<number>(cb.length + 1);
  let cur = new Array<number>(cb.length + 1);
  for (let j = 0; j <= cb.length; j++) prev[j] = j;
  for (let i = 1; i <= ca.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= cb.length; j++) {
      const cost = ca[i - 1] === cb[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[cb.length];
}

/**
 * The candidate closest to `word`, compared case-insensitively and ignoring surrounding
 * spaces, if it is within edit distance 3 or one is a prefix of the other; otherwise
 * undefined. An exact (case-insensitive) match wins; ties go to the earlier candidate.
 * An empty `word` never matches.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.trim().toLowerCase();
  if (w.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const cand of candidates) {
    const c = cand.trim().toLowerCase();
    if (c.length === 0) continue;
    const d = levenshtein(w, c);
    const prefix = c.startsWith(w) || w.startsWith(c);
    if (d > 3 && !prefix) continue;
    // Prefix matches that are far in edits still rank after close edits.
    const score = d <= 3 ? d : 3 + d / 1000;
    if (score < bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or the empty string, for appending to a problem text. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>): string {
  const s = didYouMean(word, candidates);
  return s === undefined ? "" : ` (did you mean "${s}"?)`;
}
