/**
 * "Did you mean": the field a misspelled name was probably meant to be, by edit distance
 * (optimal string alignment: an insertion, a deletion, a substitution or two swapped neighbours
 * each count 1, so `descripton` → `description` and `nmae` → `name` are both 1).
 */

/** The edit distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Of `candidates`, the one closest to `intended`, if it is close enough to be a typo of it: at
 * most 1 edit for a name of 3 to 5 characters, 2 for a longer one; for a name of 1 or 2
 * characters any other name is 1 edit away, so only a difference of case counts. Names longer
 * than 64 characters are not typos of a field name and are not compared.
 */
export function closestTypo(intended: string, candidates: Iterable<string>): string | undefined {
  const limit = intended.length <= 2 ? 0 : intended.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate.length > 64 || Math.abs(candidate.length - intended.length) > limit) continue;
    const distance = editDistance(candidate.toLowerCase(), intended.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
