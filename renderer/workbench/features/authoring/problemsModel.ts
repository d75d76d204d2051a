// The Problems view's list as plain data: every diagnostic of every pack the author has
// open, errors first within each pack's file order, and the next or previous one from
// where the author is (F8, Shift+F8).

import type { Diagnostic } from '../../../../engine/course/diagnostics';
import type { AuthorPack } from '../../state/authorMachine';

/** One row of the Problems view. */
export interface Problem {
  /** Unique within the list: course, file, place and code. */
  id: string;
  courseId: string;
  diagnostic: Diagnostic;
}

/** Every problem of the packs, pack by pack, each pack's in file and line order (as the engine sorts them). */
export function problemList(packs: Readonly<Record<string, AuthorPack>>): Problem[] {
  const out: Problem[] = [];
  for (const [courseId, pack] of Object.entries(packs)) {
    const seen = new Map<string, number>();
    for (const d of pack.diagnostics ?? []) {
      const base = `${courseId}/${d.file}:${d.line}:${d.column}:${d.code}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.push({ id: n === 1 ? base : `${base}#${n}`, courseId, diagnostic: d });
    }
  }
  return out;
}

/** How many errors and warnings the packs have. */
export function problemCounts(packs: Readonly<Record<string, AuthorPack>>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const pack of Object.values(packs)) {
    for (const d of pack.diagnostics ?? []) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/**
 * The problem after (step 1) or before (step -1) `current`, wrapping round. Without a
 * current one, the first after the caret's place in the file being edited, else the first.
 */
export function stepProblem(
  list: readonly Problem[],
  current: string | undefined,
  step: 1 | -1,
  caret?: { courseId: string; file: string; line: number; column: number },
): Problem | undefined {
  if (list.length === 0) return undefined;
  const at = current === undefined ? -1 : list.findIndex((p) => p.id === current);
  if (at >= 0) return list[(at + step + list.length) % list.length];
  if (caret) {
    const inFile = list.filter((p) => p.courseId === caret.courseId && p.diagnostic.file === caret.file);
    const after = (p: Problem) => p.diagnostic.line > caret.line || (p.diagnostic.line === caret.line && p.diagnostic.column > caret.column);
    const found = step === 1 ? inFile.find(after) : [...inFile].reverse().find((p) => !after(p) && !(p.diagnostic.line === caret.line && p.diagnostic.column === caret.column));
    if (found) return found;
  }
  return step === 1 ? list[0] : list[list.length - 1];
}

/** A problem as one line: `file:line:col: error HCS006: message`. */
export function problemLabel(p: Problem): string {
  const d = p.diagnostic;
  return `${d.severity === 'error' ? 'Error' : 'Warning'} ${d.code} at ${d.file}:${d.line}:${d.column}: ${d.message}`;
}
