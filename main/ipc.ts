// The Studio API over IPC. One handler per method, made from STUDIO_API_METHODS so a
// channel can never be forgotten or misspelt. Each handler refuses calls from any
// frame that is not the app's own page (a compromised iframe or a navigated-away
// window gets nothing) and validates the arguments before the service sees them.

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { STUDIO_API_METHODS, channelOf, fail, type ApiResult, type StudioApi } from '../engine/api/studioApi';
import { validateArgs } from '../engine/api/validators';
import { isAppUrl } from './protocol';

/** Registers a handler for every Studio API channel. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, api: StudioApi): void {
  for (const method of STUDIO_API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const senderUrl = event.senderFrame?.url;
      if (!senderUrl || !isAppUrl(senderUrl)) {
        return fail('untrusted-sender', 'The request did not come from a Health Creation Studio page, so it was refused.');
      }
      const checked = validateArgs(method, args);
      if (!checked.ok) return fail('invalid-argument', checked.message);
      const call = api[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
      return call(...(checked.args as unknown[]));
    });
  }
}
