// Where each tab was scrolled to, per learner. It is view state, like VS Code's
// editor view state: kept in the window's local storage rather than in the learner's
// progress, so scrolling never costs a round trip to the back end.

const PREFIX = 'hcs.scroll.';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The saved scroll offset of a tab, in pixels at zoom 1. */
export function readScroll(learnerId: string, key: string): number {
  const raw = storage()?.getItem(`${PREFIX}${learnerId}/${key}`);
  const value = raw === null || raw === undefined ? 0 : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Saves a tab's scroll offset. */
export function writeScroll(learnerId: string, key: string, offset: number): void {
  try {
    storage()?.setItem(`${PREFIX}${learnerId}/${key}`, String(Math.round(offset)));
  } catch {
    // Storage full or disabled: scroll position is a convenience, not the learner's work.
  }
}
