// Browser mode: the Studio API over loopback HTTP. Each method is a POST to
// /api/<method> with the arguments as a JSON array; the server answers with an
// ApiResult. The access token the server printed travels in the page's URL and is
// sent back on every call, so other pages on the machine cannot use the API. Each
// page load names itself with a random session id, sent with every call: a PIN given
// in this page holds for this page only, and a reload asks for it again.

import { createForwardingApi } from '../../engine/api/forwardingApi';
import { fail, type ApiResult, type StudioApi, type StudioApiMethod } from '../../engine/api/studioApi';

/** Options of the HTTP adapter. */
export interface HttpApiOptions {
  /** Origin (and path prefix) of the server; '' means the page's own origin. */
  baseUrl?: string;
  /** Access token sent as `x-hcs-token`. */
  token?: string;
  /** This page's session id, sent as `x-hcs-session`. */
  session?: string;
  fetch?: typeof fetch;
}

/** Makes a StudioApi that calls browser mode's HTTP routes. */
export function createHttpApi(options: HttpApiOptions = {}): StudioApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const call = async (method: StudioApiMethod, args: readonly unknown[]): Promise<ApiResult<unknown>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers['x-hcs-token'] = options.token;
    if (options.session) headers['x-hcs-session'] = options.session;
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) });
    } catch {
      return fail('network', 'The study server did not answer; check that browser mode is still running.');
    }
    try {
      const body: unknown = await response.json();
      if (isApiResult(body)) return body;
    } catch {
      // fall through: a body that is not JSON gets the same sentence as a malformed one
    }
    return fail('bad-response', `The study server answered ${method} with something unreadable (HTTP ${response.status}).`);
  };
  return createForwardingApi(call);
}

function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { message?: unknown } };
  return b.ok === true || (b.ok === false && typeof b.error?.message === 'string');
}

/** A new random session id (22 URL-safe characters) for one page load. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
