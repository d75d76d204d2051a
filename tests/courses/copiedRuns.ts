// Finds runs of words a course text shares with its source documents, so the
// shipped courses stay in their authors' own words. Quotations (in “curly” or
// "straight" double quotes) and Markdown blockquotes are allowed to repeat a source.

/** A word of a course text with where it sits and whether it is quoted. */
export interface PlacedWord {
  word: string;
  line: number;
  quoted: boolean;
  /** Part of the title of a cited document. */
  title?: boolean;
}

/** A run of words copied from a source without quotation marks. */
export interface CopiedRun {
  line: number;
  words: string[];
}

/** Shortest run of shared words that counts as copying. */
export const MIN_COPIED_WORDS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases and strips apostrophes so "people’s" and "peoples" compare equal. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/['’‘`]/g, '');
}

/** The words of a source, normalised for case, punctuation and whitespace. */
export function sourceWords(text: string): string[] {
  return normalise(text).match(WORD) ?? [];
}

/** Every run of `size` consecutive words in the sources, as space-joined keys. */
export function sourceRuns(sources: readonly string[], size = MIN_COPIED_WORDS): Set<string> {
  const runs = new Set<string>();
  for (const source of sources) {
    const words = sourceWords(source);
    for (let i = 0; i + size <= words.length; i++) runs.add(words.slice(i, i + size).join(' '));
  }
  return runs;
}

/**
 * Splits a course text into words, marking those inside a quotation. Straight
 * quotes pair within a paragraph, so one stray mark cannot excuse a whole file.
 */
export function placeWords(text: string): PlacedWord[] {
  const placed: PlacedWord[] = [];
  const lines = normalise(text).split(/\r?\n/);
  let straightOpen = false;
  let curlyDepth = 0;
  let pending: Array<{ word: PlacedWord; blockquote: boolean }> = [];
  const closeParagraph = () => {
    // An unclosed straight quote was an inch mark or a typo, not a quotation.
    if (straightOpen) for (const p of pending) p.word.quoted = p.blockquote;
    straightOpen = false;
    curlyDepth = 0;
    pending = [];
  };
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return closeParagraph();
    const blockquote = /^\s*>/.test(raw);
    let i = 0;
    while (i < raw.length) {
      const ch = raw[i];
      if (ch === '"') { straightOpen = !straightOpen; if (!straightOpen) pending = []; i++; continue; }
      if (ch === '“') { curlyDepth++; i++; continue; }
      if (ch === '”') { curlyDepth = Math.max(0, curlyDepth - 1); i++; continue; }
      const match = /^[\p{L}\p{N}]+/u.exec(raw.slice(i));
      if (!match) { i++; continue; }
      const word: PlacedWord = { word: match[0], line: index + 1, quoted: blockquote || straightOpen || curlyDepth > 0 };
      placed.push(word);
      if (straightOpen && curlyDepth === 0) pending.push({ word, blockquote });
      i += match[0].length;
    }
  });
  closeParagraph();
  return placed;
}

/** Marks every place where the words of a cited document's title appear. */
function markTitles(words: PlacedWord[], titles: readonly string[]): void {
  for (const title of titles) {
    const t = sourceWords(title);
    if (t.length === 0) continue;
    for (let i = 0; i + t.length <= words.length; i++) {
      if (t.every((w, k) => words[i + k]!.word === w)) for (let k = 0; k < t.length; k++) words[i + k]!.title = true;
    }
  }
}

/**
 * Unquoted runs of MIN_COPIED_WORDS or more words that also appear in a source. The
 * `titles` of the documents a course cites are names, not copied prose: a run is never
 * counted across a citation such as (*Health Creation: Coming of Age and Addressing Health
 * Inequalities*), though prose on either side of it still is.
 */
export function findCopiedRuns(text: string, runs: ReadonlySet<string>, size = MIN_COPIED_WORDS, titles: readonly string[] = []): CopiedRun[] {
  const words = placeWords(text);
  markTitles(words, titles);
  const found: CopiedRun[] = [];
  let current: { start: number; end: number } | undefined;
  for (let i = 0; i + size <= words.length; i++) {
    const window = words.slice(i, i + size);
    const copied = !window.every((w) => w.quoted) && !window.some((w) => w.title) && runs.has(window.map((w) => w.word).join(' '));
    if (!copied) continue;
    if (current && i <= current.end) current.end = i + size;
    else {
      if (current) found.push(toRun(words, current));
      current = { start: i, end: i + size };
    }
  }
  if (current) found.push(toRun(words, current));
  return found;
}

function toRun(words: PlacedWord[], span: { start: number; end: number }): CopiedRun {
  const slice = words.slice(span.start, span.end);
  return { line: slice[0]?.line ?? 0, words: slice.map((w) => w.word) };
}
