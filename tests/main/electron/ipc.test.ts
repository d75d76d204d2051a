import { describe, expect, it, vi } from 'vitest';
import { STUDIO_API_METHODS, channelOf, ok, type StudioApi } from '../../../engine/api/studioApi';
import { registerIpcHandlers } from '../../../main/ipc';
import { createStudioSessions, singleSession } from '../../../main/services/studioSessions';
import type { LearnerSession } from '../../../main/services/learnerAccess';
import { FakeWebContents } from './fakeElectron';

function wired() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void handlers.set(channel, handler)) };
  const calls: Array<[string, unknown[]]> = [];
  const api = new Proxy({}, { get: (_t, method: string) => async (...args: unknown[]) => (calls.push([method, args]), ok(method)) }) as StudioApi;
  registerIpcHandlers(ipcMain as never, singleSession(api));
  const from = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } });
  return { handlers, ipcMain, calls, from };
}

describe('IPC handlers', () => {
  it('are registered for exactly the Studio API channels, each once', () => {
    const { ipcMain } = wired();
    expect(ipcMain.handle.mock.calls.map((c) => c[0])).toEqual(STUDIO_API_METHODS.map(channelOf));
  });

  it('pass a call from the app’s page to the service', async () => {
    const { handlers, calls, from } = wired();
    expect(await handlers.get('hcs:api:openCourse')!(from('hcs://app/index.html'), 'hc-undergraduate')).toEqual(ok('openCourse'));
    expect(calls).toEqual([['openCourse', ['hc-undergraduate']]]);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file', 'file:///home/user/page.html'],
    ['course media', 'hcs://course/ug/media/page.html'],
    ['a frame that is gone', undefined],
  ])('refuse a call from %s', async (_name, url) => {
    const { handlers, calls, from } = wired();
    const result = await handlers.get('hcs:api:listLearners')!(from(url));
    expect(result).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: 'The request did not come from a Health Creation Studio page, so it was refused.' },
    });
    expect(calls).toEqual([]);
  });

  it('validate the arguments before the service sees them', async () => {
    const { handlers, calls, from } = wired();
    const result = await handlers.get('hcs:api:recordEvent')!(from('hcs://app/index.html'), 'learner-1', 'ug', { type: 'lesson.visited' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'The argument event.lessonId of recordEvent is missing (a string is needed).' } });
    expect(calls).toEqual([]);
  });

  it('hand the service the cleaned arguments (a trimmed learner name)', async () => {
    const { handlers, calls, from } = wired();
    await handlers.get('hcs:api:createLearner')!(from('hcs://app/index.html'), '  Asha  ');
    expect(calls).toEqual([['createLearner', ['Asha']]]);
  });

  describe('sessions', () => {
    /** Handlers over sessions whose listLearners answers with the session it ran in. */
    function withSessions() {
      const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
      const ended: string[] = [];
      const all = createStudioSessions((session) => ({ listLearners: async () => ok(session) }) as unknown as StudioApi);
      const sessions = { forSession: all.forSession, end: (key: string) => (ended.push(key), all.end(key)) };
      registerIpcHandlers({ handle: (channel: string, handler: never) => void handlers.set(channel, handler) } as never, sessions);
      const call = async (sender: FakeWebContents) =>
        ((await handlers.get('hcs:api:listLearners')!({ sender, senderFrame: { url: 'hcs://app/index.html' } })) as { value: LearnerSession }).value;
      return { call, ended };
    }

    it('keep one session for a window’s page, and a new one once the window navigates or reloads', async () => {
      const { call, ended } = withSessions();
      const window = new FakeWebContents();
      (await call(window)).unlocked = 'asha';
      expect((await call(window)).unlocked).toBe('asha');
      // A link inside the page (same document) or a frame within it leaves the session as it is.
      window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
      window.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
      expect((await call(window)).unlocked).toBe('asha');
      window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
      expect((await call(window)).unlocked).toBeUndefined();
      expect(ended).toHaveLength(1);
    });

    it('keep the sessions of two windows apart, and end a window’s session when it is destroyed', async () => {
      const { call, ended } = withSessions();
      const [one, two] = [new FakeWebContents(), new FakeWebContents()];
      (await call(one)).unlocked = 'asha';
      expect((await call(two)).unlocked).toBeUndefined();
      one.emit('destroyed');
      expect(ended).toHaveLength(1);
    });
  });
});
