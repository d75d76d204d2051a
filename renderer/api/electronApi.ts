// Desktop: the preload script exposes the Studio API as `window.studio`, one
// function per method, each forwarding to an IPC channel the main process checks.

import type { StudioApi } from '../../engine/api/studioApi';

declare global {
  interface Window {
    /** The Studio API the Electron preload bridges in; absent in a browser. */
    studio?: StudioApi;
  }
}

/** Returns the preload's Studio API, or undefined outside Electron. */
export function getElectronApi(): StudioApi | undefined {
  return typeof window !== 'undefined' ? window.studio : undefined;
}
