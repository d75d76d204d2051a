// Picks the Studio API adapter for where the renderer runs: the Electron preload
// bridge when present, otherwise browser mode's HTTP routes on the page's origin.

import type { StudioApi } from '../../engine/api/studioApi';
import { getElectronApi } from './electronApi';
import { createHttpApi } from './httpApi';

/** Name of the URL query parameter carrying browser mode's access token. */
export const TOKEN_PARAM = 'token';

/** Returns the Studio API for this window. */
export function getStudioApi(): StudioApi {
  const bridged = getElectronApi();
  if (bridged) return bridged;
  const token = new URLSearchParams(window.location.search).get(TOKEN_PARAM) ?? sessionStorage.getItem('hcs.token') ?? undefined;
  // Keep the token for reloads that drop the query string (e.g. a bookmark of '/').
  if (token) sessionStorage.setItem('hcs.token', token);
  return createHttpApi({ token });
}
