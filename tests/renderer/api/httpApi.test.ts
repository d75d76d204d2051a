import { describe, expect, it } from 'vitest';
import { createHttpApi, newSessionId } from '../../../renderer/api/httpApi';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('the browser-mode adapter', () => {
  it('posts the arguments as a JSON array to /api/<method> with the access token', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ ok: true, value: { id: 'l1', name: 'Ada', createdAt: 'x' } }));
    const api = createHttpApi({ fetch, token: 'secret-token' });
    const result = await api.selectLearner('l1');
    expect(result).toEqual({ ok: true, value: { id: 'l1', name: 'Ada', createdAt: 'x' } });
    expect(calls[0]!.url).toBe('/api/selectLearner');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(['l1']);
    expect((calls[0]!.init.headers as Record<string, string>)['x-hcs-token']).toBe('secret-token');
  });

  it('names the page’s session on every call, so a PIN given in this page holds for this page only', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ ok: true, value: [] }));
    const session = newSessionId();
    const api = createHttpApi({ fetch, token: 'secret-token', session });
    await api.listCourses();
    await api.unlockLearner('l1', '4821');
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['x-hcs-session'])).toEqual([session, session]);
    expect(session).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newSessionId()).not.toBe(session);
  });

  it('passes on the server’s sentence when a call fails', async () => {
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error: { code: 'invalid-argument', message: 'The name must not be empty.' } }, { status: 400 }));
    const result = await createHttpApi({ fetch }).createLearner('');
    expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'The name must not be empty.' } });
  });

  it('says the server did not answer when the network fails', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createHttpApi({ fetch }).listCourses();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('The study server did not answer; check that browser mode is still running.');
  });

  it('says the answer was unreadable when it is not an ApiResult', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>proxy error</html>', { status: 502 }));
    const result = await createHttpApi({ fetch }).listCourses();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('The study server answered listCourses with something unreadable (HTTP 502).');
  });
});
