// The Studio API over IPC. One handler per method, made from STUDIO_API_METHODS so a
// channel can never be forgotten or misspelt. Each handler refuses calls from any
// frame that is not the app's own page (a compromised iframe or a navigated-away
// window gets nothing) and validates the arguments before the service sees them.
//
// Each page load of a window is a session of its own (studioSessions.ts): when the
// window navigates or reloads, the session ends, so a learner's PIN is asked again.

import { randomUUID } from 'node:crypto';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { STUDIO_API_METHODS, channelOf, fail, type ApiResult } from '../engine/api/studioApi';
import { validateArgs } from '../engine/api/validators';
import { isAppUrl } from './protocol';
import type { StudioSessions } from './services/studioSessions';

/** Registers a handler for every Studio API channel. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, sessions: StudioSessions): void {
  const sessionOf = pageSessions(sessions);
  for (const method of STUDIO_API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const senderUrl = event.senderFrame?.url;
      if (!senderUrl || !isAppUrl(senderUrl)) {
        return fail('untrusted-sender', 'The request did not come from a Health Creation Studio page, so it was refused.');
      }
      const checked = validateArgs(method, args);
      if (!checked.ok) return fail('invalid-argument', checked.message);
      // Electron always names the sender; without one the call gets a session that remembers nothing.
      const api = sessions.forSession(event.sender ? sessionOf(event.sender) : undefined);
      const call = api[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
      return call(...(checked.args as unknown[]));
    });
  }
}

/** The web contents events a page's session follows. */
type PageEvents = Pick<WebContents, 'on' | 'once'>;

/** Names the session of each window's current page: a new one whenever its main frame loads another document. */
export function pageSessions(sessions: Pick<StudioSessions, 'end'>): (contents: PageEvents) => string {
  const keys = new WeakMap<PageEvents, string>();
  return (contents) => {
    const known = keys.get(contents);
    if (known) return known;
    const key = randomUUID();
    keys.set(contents, key);
    contents.on('did-start-navigation', (details) => {
      if (!details.isMainFrame || details.isSameDocument) return;
      const current = keys.get(contents);
      if (current) sessions.end(current);
      keys.set(contents, randomUUID());
    });
    contents.once('destroyed', () => {
      const current = keys.get(contents);
      if (current) sessions.end(current);
      keys.delete(contents);
    });
    return key;
  };
}
