// Picks the Studio API adapter for where the renderer runs: the Electron preload
// bridge when present, otherwise browser mode's HTTP routes on the page's origin.
// One adapter per page load, shared by the boot script and the workbench, so both
// speak in the same session.

import type { StudioApi } from '../../engine/api/studioApi';
import { getElectronApi } from './electronApi';
import { createHttpApi, newSessionId } from './httpApi';

/** Name of the URL query parameter carrying browser mode's access token. */
export const TOKEN_PARAM = 'token';

let pageApi: StudioApi | undefined;

/** Returns the Studio API for this window. */
export function getStudioApi(): StudioApi {
  const bridged = getElectronApi();
  if (bridged) return bridged;
  if (pageApi) return pageApi;
  const token = new URLSearchParams(window.location.search).get(TOKEN_PARAM) ?? sessionStorage.getItem('hcs.token') ?? undefined;
  // Keep the token for reloads that drop the query string (e.g. a bookmark of '/').
  if (token) sessionStorage.setItem('hcs.token', token);
  // The session id lives only in memory: a reload is a new page, and asks for any PIN again.
  pageApi = createHttpApi({ token, session: newSessionId() });
  return pageApi;
}
