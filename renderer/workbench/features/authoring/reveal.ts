// Where a source editor should put the caret once its file is open: a line and column
// from a problem or the Scenario Graph, or a text to find (an item's id, a node's key).
// A request waits here until the editor of that file is ready to take it.

/** A place in a file: a 1-based line and column, or the first line holding `find`. */
export interface RevealRequest {
  line?: number;
  column?: number;
  /** A pattern whose first match (from the start of a line) is the place, when no line is given. */
  find?: RegExp;
}

const waiting = new Map<string, RevealRequest>();
const listeners = new Map<string, (request: RevealRequest) => void>();

/** Asks the editor of `key` (a docKey) to show a place; now if it is open, else when it opens. */
export function requestReveal(key: string, request: RevealRequest): void {
  const listener = listeners.get(key);
  if (listener) listener(request);
  else waiting.set(key, request);
}

/** Registers an editor's way of showing a place; a request that waited for it is answered at once. Returns the unregister function. */
export function onReveal(key: string, show: (request: RevealRequest) => void): () => void {
  listeners.set(key, show);
  const pending = waiting.get(key);
  if (pending) {
    waiting.delete(key);
    show(pending);
  }
  return () => {
    if (listeners.get(key) === show) listeners.delete(key);
  };
}

/** The 1-based line and column of a request in `text` (line 1 when it names none or its text is not found). */
export function placeIn(text: string, request: RevealRequest): { line: number; column: number } {
  if (request.line !== undefined) return { line: Math.max(1, request.line), column: Math.max(1, request.column ?? 1) };
  if (request.find) {
    const lines = text.split('\n');
    const index = lines.findIndex((l) => request.find!.test(l));
    if (index >= 0) return { line: index + 1, column: Math.max(1, lines[index]!.search(/\S/) + 1) };
  }
  return { line: 1, column: 1 };
}
