// Runs in the sandboxed renderer before the page. It exposes the Studio API as
// window.studio and nothing else: one function per method, each forwarding to its
// channel. ipcRenderer itself never reaches the page, so page script cannot send on
// any other channel.

import { contextBridge, ipcRenderer } from 'electron';
import { createForwardingApi } from '../engine/api/forwardingApi';
import { CHANNEL_PREFIX, STUDIO_API_METHODS, channelOf, fail, type ApiResult, type StudioApi } from '../engine/api/studioApi';

/** Sends one call to the main process. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Builds the bridged API: exactly the Studio API's methods, each on its own checked channel. */
export function buildStudioBridge(invoke: Invoke): StudioApi {
  for (const method of STUDIO_API_METHODS) {
    const channel = channelOf(method);
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`Refusing to bridge "${channel}": it is not a Studio API channel.`);
  }
  const bridge = createForwardingApi(
    (method, args) =>
      (invoke(channelOf(method), ...args) as Promise<ApiResult<unknown>>).catch(() =>
        fail('ipc', 'The app’s back end did not answer; close Health Creation Studio and open it again.'),
      ),
  );
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld('studio', buildStudioBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
