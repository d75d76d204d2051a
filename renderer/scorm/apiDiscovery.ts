// The ADL API discovery algorithm: look for the LMS's API object on this window and
// up its parent chain, then on the window that opened it and that window's parents.
// An LMS can host the SCO in nested frames or a popup; the search is bounded so a
// pathological frame tree cannot hang the page.

import type { Standard } from '../../engine/scorm/cmiMapping';

/** The SCORM 1.2 API object (window.API). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string | number): string;
}

/** The SCORM 2004 API object (window.API_1484_11). */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string | number;
  GetErrorString(code: string | number): string;
}

/** Parent hops searched from each starting window, as the ADL algorithm recommends. */
export const MAX_PARENT_HOPS = 7;

const NAME = { scorm12: 'API', scorm2004: 'API_1484_11' } as const;

/** A window as far as discovery needs it; frames from another origin throw on access. */
type Searchable = { parent: Searchable | null; opener?: Searchable | null } & Record<string, unknown>;

/** Walks up from `start`; returns the API if found, and the topmost window reached. */
function lookIn(start: Searchable | null | undefined, name: string): { api?: unknown; top?: Searchable } {
  let win = start;
  for (let hops = 0; win && hops <= MAX_PARENT_HOPS; hops++) {
    try {
      const api = win[name];
      if (api && typeof api === 'object') return { api };
      if (!win.parent || win.parent === win) return { top: win };
      win = win.parent;
    } catch {
      // A cross-origin frame cannot be read; the search stops on this branch.
      return {};
    }
  }
  return {};
}

function openerOf(win: Searchable | undefined): Searchable | null | undefined {
  try {
    return win?.opener;
  } catch {
    return undefined;
  }
}

/** Finds the LMS API for a standard from `win`, or undefined when no LMS hosts the page. */
export function findLmsApi(win: Window, standard: 'scorm12'): Scorm12Api | undefined;
export function findLmsApi(win: Window, standard: 'scorm2004'): Scorm2004Api | undefined;
export function findLmsApi(win: Window, standard: Standard): Scorm12Api | Scorm2004Api | undefined;
export function findLmsApi(win: Window, standard: Standard): Scorm12Api | Scorm2004Api | undefined {
  const self = win as unknown as Searchable;
  const here = lookIn(self, NAME[standard]);
  if (here.api) return here.api as Scorm12Api | Scorm2004Api;
  // A popup's LMS is its opener; a frame inside a popup reaches it through the popup's top window.
  for (const opener of new Set([openerOf(self), openerOf(here.top)])) {
    const found = opener ? lookIn(opener, NAME[standard]).api : undefined;
    if (found) return found as Scorm12Api | Scorm2004Api;
  }
  return undefined;
}

/** How long a launch keeps looking for a late LMS API before it runs as a preview, in ms. */
export const API_WAIT_MS = 5000;
/** Pause between two looks, in ms. */
export const API_POLL_MS = 100;

/** Timer functions the wait uses; injected by tests. */
export interface WaitTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  now(): number;
}

const realTimers: WaitTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), now: () => Date.now() };

/**
 * Finds the LMS API, looking again every API_POLL_MS for up to `waitMs` when it is not
 * there yet. Some LMSs define it after the SCO has started: Open edX's SCORM XBlock
 * creates it in a jQuery ready callback (openedxscorm/static/js/src/scormxblock.js,
 * `$(function ($) { initScorm(...) })`), which can run after the SCO's own scripts, and
 * a package that looked only once ran as a preview and saved nothing.
 */
export function waitForLmsApi(
  win: Window,
  standard: Standard,
  waitMs = API_WAIT_MS,
  timers: WaitTimers = realTimers,
): Promise<Scorm12Api | Scorm2004Api | undefined> {
  const until = timers.now() + waitMs;
  return new Promise((resolve) => {
    const look = () => {
      const api = findLmsApi(win, standard);
      if (api || timers.now() >= until) resolve(api);
      else timers.setTimeout(look, API_POLL_MS);
    };
    look();
  });
}
