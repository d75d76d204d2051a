import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CSP } from '../../../main/protocol';
import {
  appWebPreferences,
  createScormContentSession,
  enforceCsp,
  guardNavigation,
  refusePermissions,
  SCORM_CONTENT_PARTITION,
  scormContentWebPreferences,
} from '../../../main/security';
import { COURSE_MEDIA_CSP } from '../../../main/serve/csp';
import { fakeSession, FakeWebContents } from './fakeElectron';

type Headers = Record<string, string[]>;

describe('web preferences of the app window', () => {
  it('isolate the page from Node and Electron', () => {
    expect(appWebPreferences('/app/dist/main/preload.cjs')).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts only from the app, with no eval, no plugins and no network', () => {
    const directives = new Map(DESKTOP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self' hcs:");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('is set on every response of the session, replacing any policy the response brought', () => {
    const session = fakeSession();
    enforceCsp(session as never);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { url: string; responseHeaders: Headers },
      callback: (r: { responseHeaders: Headers }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'hcs://app/index.html', responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DESKTOP_CSP] } });
  });

  it('gives a course pack’s files the sandboxed media policy, never the app’s, whatever the response brought', async () => {
    const session = fakeSession();
    enforceCsp(session as never);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { url: string; responseHeaders: Headers },
      callback: (r: { responseHeaders: Headers }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'hcs://course/ug/media/chart.svg', responseHeaders: { 'Content-Security-Policy': [DESKTOP_CSP], 'Content-Type': ['image/svg+xml'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['image/svg+xml'], 'Content-Security-Policy': [COURSE_MEDIA_CSP] } });
  });
});

describe('navigation and new windows', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
    guardNavigation(contents as never, shell);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, shell, navigate };
  }

  it('keeps navigation inside the app', () => {
    const { navigate, shell } = guarded();
    expect(navigate('hcs://app/index.html')).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('hcs://course/ug/media/x.svg')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a web link in the system browser instead of the app window', () => {
    const { navigate, shell } = guarded();
    expect(navigate('https://www.england.nhs.uk/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.england.nhs.uk/');
  });

  it('denies every new window, handing only http(s) links to the system browser', () => {
    const { contents, shell } = guarded();
    for (const url of ['https://example.org/', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'hcs://app/index.html', 'smb://server/share']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/', 'http://example.org/']);
  });

  it('refuses to attach webviews and redirects out of the app', () => {
    const { contents } = guarded();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'https://example.org/');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const session = fakeSession();
    refusePermissions(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0](null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
  });
});

describe('session for imported SCORM content', () => {
  it('lives in its own partition, with no permissions and no network', () => {
    const session = fakeSession();
    const fromPartition = vi.fn(() => session);
    expect(createScormContentSession(fromPartition as never)).toBe(session);
    expect(fromPartition).toHaveBeenCalledWith(SCORM_CONTENT_PARTITION);
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    const filter = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      filter({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://tracker.example/pixel.gif')).toBe(true);
    expect(decide('wss://tracker.example/')).toBe(true);
    expect(decide('hcs://app/imported/index.html')).toBe(false);
  });

  it('gets web preferences without any preload, so the content cannot reach the Studio API', () => {
    const session = fakeSession();
    const prefs = scormContentWebPreferences(session as never);
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toMatchObject({ session, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });
});
