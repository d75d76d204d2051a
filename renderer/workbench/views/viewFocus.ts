// Keyboard focus by name: a command asks for a view ("the search box", "the active
// editor") and the view, which knows its own elements, takes focus. A view that is not
// on screen yet (its Side Bar just opened, its chunk still loading) takes focus the
// moment it can: it registers its focus() when it mounts and again whenever what it
// shows changes, and a request waiting for it is answered then. Nothing polls the page.

import { useEffect } from 'react';
import type { SideBarView } from '../state/layoutMachine';

/** The views and parts that can be asked to take focus. */
export type FocusTarget =
  | SideBarView
  | 'sideBar'
  | 'editor'
  | 'editorTabs'
  | 'panel'
  | 'notes'
  | 'journalEntry'
  | 'coursePage'
  | 'references'
  | 'glossary'
  | 'source'
  | 'problems';

/** Focuses the view's element; false when it has nothing to focus yet. */
export type Focus = () => boolean;

/** A request is kept this long for a view to appear, then dropped, so focus never jumps much later. */
const WAIT_MS = 2000;

const views = new Map<FocusTarget, Focus>();
let waiting: { target: FocusTarget; until: number; idleOnly?: boolean } | undefined;

/** Moves keyboard focus to a view: now if it can take it, else as soon as it can (within two seconds). */
export function focusView(target: FocusTarget): void {
  waiting = { target, until: Date.now() + WAIT_MS };
  answerWaiting();
}

/**
 * Moves focus to a view only while focus is nowhere in particular (on the page itself),
 * for focus the learner did not ask for, such as on a restored workbench: if they have
 * already moved it (opened Quick Open, clicked into a view), it stays where they put it.
 */
export function focusViewIfIdle(target: FocusTarget): void {
  waiting = { target, until: Date.now() + WAIT_MS, idleOnly: true };
  answerWaiting();
}

function focusIsIdle(): boolean {
  // Without a page (the services run in tests under Node) there is nothing focused to disturb.
  if (typeof document === 'undefined') return true;
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/** Drops a request still waiting for its view: a dialog has opened, and focus must stay in it. */
export function cancelFocusRequest(): void {
  waiting = undefined;
}

/** Focus `target` now, if it is registered and can take it. */
export function focusNow(target: FocusTarget): boolean {
  return views.get(target)?.() ?? false;
}

/** True while a modal dialog (Quick Open, the palette, a question) holds focus. */
function modalHasFocus(): boolean {
  return typeof document !== 'undefined' && document.activeElement?.closest('[aria-modal="true"]') != null;
}

function answerWaiting(late = false): void {
  if (!waiting) return;
  // A view that appears after a dialog opened must not take focus from it: the request is dropped.
  if (Date.now() > waiting.until || (waiting.idleOnly && !focusIsIdle()) || (late && modalHasFocus())) waiting = undefined;
  else if (focusNow(waiting.target)) waiting = undefined;
}

/**
 * Registers a view's focus() (none while `target` is undefined). Pass a function that changes (useCallback) when what the
 * view shows changes, so a waiting request is answered once there is something to focus.
 */
export function useFocusable(target: FocusTarget | undefined, focus: Focus): void {
  useEffect(() => (target ? registerFocusable(target, focus) : undefined), [target, focus]);
}

/** Registers a view's focus() outside React; returns the function that removes it. */
export function registerFocusable(target: FocusTarget, focus: Focus): () => void {
  views.set(target, focus);
  answerWaiting(true);
  return () => {
    if (views.get(target) === focus) views.delete(target);
  };
}

/** Focuses an element of the view, if it is there. */
export function focusElement(el: HTMLElement | null | undefined): boolean {
  el?.focus();
  return Boolean(el);
}

/** Focuses the first element inside `root` matching `selector`; for views whose focus target is one of their own rows. */
export function focusFirst(root: HTMLElement | null, selector: string): boolean {
  const el = root?.querySelector<HTMLElement>(selector);
  el?.focus();
  return Boolean(el);
}
