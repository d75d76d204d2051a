// What the author has picked, for commands run from the palette or a key: the file or
// folder focused in the Files view, the problem last gone to (F8 goes on from it), and
// the caret of each source editor.

import { useSyncExternalStore } from 'react';

interface Selection {
  /** The Files view's focused entry: its pack and path ('' for the pack itself). */
  file?: { courseId: string; path: string; kind: 'file' | 'folder' | 'link' };
  /** The id of the problem gone to last (problemsModel.ts). */
  problem?: string;
}

let selection: Selection = {};
const listeners = new Set<() => void>();
const carets = new Map<string, { line: number; column: number }>();

function change(next: Selection): void {
  selection = next;
  for (const l of listeners) l();
}

/** Notes the entry focused in the Files view. */
export function selectFile(file: Selection['file']): void {
  change({ ...selection, file });
}

/** Notes the problem gone to. */
export function selectProblem(id: string | undefined): void {
  change({ ...selection, problem: id });
}

/** The selection now (for commands). */
export function currentSelection(): Selection {
  return selection;
}

/** The selection, re-rendering when it changes. */
export function useAuthorSelection(): Selection {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selection,
  );
}

/** Notes where the caret is in a source editor (docKey). */
export function setCaret(key: string, line: number, column: number): void {
  carets.set(key, { line, column });
}

/** Where the caret was last in a source editor. */
export function caretOf(key: string): { line: number; column: number } | undefined {
  return carets.get(key);
}
