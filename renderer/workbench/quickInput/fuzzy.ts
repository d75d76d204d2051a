// Fuzzy matching for Quick Open and the Command Palette: the query's characters must
// appear in order; matches at word starts and in runs score higher, as in VS Code.

/** A match: its score (higher is better) and the matched character positions. */
export interface FuzzyMatch {
  score: number;
  positions: number[];
}

/** Matches a query against a label; undefined when some query character is missing. */
export function fuzzyMatch(query: string, label: string): FuzzyMatch | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return { score: 0, positions: [] };
  const l = label.toLowerCase();
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (let k = 0; k < q.length; k++) {
    const ch = q[k]!;
    // Prefer continuing a run, then the next occurrence at a word start if the rest of
    // the query still fits after it, then simply the next occurrence.
    const nearest = l.indexOf(ch, from);
    let at = nearest;
    const continuesRun = positions.length > 0 && nearest === from;
    for (let i = continuesRun ? -1 : nearest; i !== -1; i = l.indexOf(ch, i + 1)) {
      if ((i === 0 || /[\s\-_:/.(]/.test(l[i - 1]!)) && isSubsequence(q.slice(k + 1), l, i + 1)) {
        at = i;
        break;
      }
    }
    if (at === -1) return undefined;
    const wordStart = at === 0 || /[\s\-_:/.(]/.test(l[at - 1]!);
    const consecutive = positions.length > 0 && positions[positions.length - 1] === at - 1;
    score += 1 + (wordStart ? 8 : 0) + (consecutive ? 5 : 0) - Math.min(at - from, 10) * 0.1;
    positions.push(at);
    from = at + 1;
  }
  // Shorter labels win ties: "Zoom In" before "Zoom In the Panel".
  return { score: score - label.length * 0.01, positions };
}

/** Items that match, best first. */
export function fuzzyFilter<T>(query: string, items: readonly T[], labelOf: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const out: { item: T; match: FuzzyMatch }[] = [];
  for (const item of items) {
    const match = fuzzyMatch(query, labelOf(item));
    if (match) out.push({ item, match });
  }
  if (query.trim() !== '') out.sort((a, b) => b.match.score - a.match.score);
  return out;
}

function isSubsequence(query: string, label: string, from: number): boolean {
  let at = from;
  for (const ch of query) {
    at = label.indexOf(ch, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
