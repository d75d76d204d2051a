import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CSP } from '../../../main/protocol';
import {
  appWebPreferences,
  confirmExternalLink,
  enforceCsp,
  guardNavigation,
  refusePermissions,
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

  /** The headers the session's CSP hook gives a response from `url` that brought `responseHeaders`. */
  function headersAfterHook(url: string, responseHeaders: Headers): unknown {
    const session = fakeSession();
    enforceCsp(session as never);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { url: string; responseHeaders: Headers },
      callback: (r: { responseHeaders: Headers }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url, responseHeaders }, callback);
    return callback.mock.calls[0]![0];
  }

  it('is set on every response of the session, replacing any policy the response brought', () => {
    expect(headersAfterHook('hcs://app/index.html', { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] })).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DESKTOP_CSP] },
    });
  });

  it('gives a course pack’s files the sandboxed media policy, never the app’s, whatever the response brought', () => {
    expect(headersAfterHook('hcs://course/ug/media/chart.svg', { 'Content-Security-Policy': [DESKTOP_CSP], 'Content-Type': ['image/svg+xml'] })).toEqual({
      responseHeaders: { 'Content-Type': ['image/svg+xml'], 'Content-Security-Policy': [COURSE_MEDIA_CSP] },
    });
  });
});

describe('navigation and new windows', () => {
  /** Guarded web contents whose learner answers every "open in your browser?" with `agree`. */
  function guarded(agree = true) {
    const contents = new FakeWebContents();
    const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
    const confirm = vi.fn(async (_url: string) => agree);
    guardNavigation(contents as never, shell, confirm);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, shell, confirm, navigate };
  }

  it('keeps navigation inside the app', () => {
    const { navigate, shell } = guarded();
    expect(navigate('hcs://app/index.html')).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('hcs://course/ug/media/x.svg')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens a web link in the system browser instead of the app window, once the learner agrees', async () => {
    const { navigate, shell, confirm } = guarded();
    expect(navigate('https://www.england.nhs.uk/')).toBe(true);
    expect(confirm.mock.calls[0]![0]).toBe('https://www.england.nhs.uk/');
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://www.england.nhs.uk/'));
  });

  it('opens nothing outside the app when the learner declines', async () => {
    const { contents, navigate, shell, confirm } = guarded(false);
    navigate('https://tracker.example/?id=1');
    contents.windowOpenHandler!({ url: 'https://tracker.example/?id=2' });
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, offering only http(s) links to the system browser', async () => {
    const { contents, shell, confirm } = guarded();
    for (const url of ['https://example.org/', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'hcs://app/index.html', 'smb://server/share']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(confirm.mock.calls.map((c) => c[0])).toEqual(['https://example.org/', 'http://example.org/']);
    await vi.waitFor(() => expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.org/', 'http://example.org/']));
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

describe('asking before a web address leaves the app', () => {
  function asked(response: number) {
    const dialog = { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response, checkboxChecked: false })) };
    const owner = { id: 1 };
    const confirm = confirmExternalLink(dialog as never, () => owner as never);
    return { dialog, owner, confirm };
  }

  it('shows the full address, in its canonical form, in a question owned by the window, with Cancel as the default', async () => {
    const { dialog, owner, confirm } = asked(0);
    expect(await confirm('https://www.england.nhs.uk/long-read/?a=1', new FakeWebContents() as never)).toBe(true);
    const [parent, options] = dialog.showMessageBox.mock.calls[0]! as [unknown, Record<string, unknown>];
    expect(parent).toBe(owner);
    expect(options).toMatchObject({ type: 'question', buttons: ['Open in browser', 'Cancel'], defaultId: 1, cancelId: 1 });
    expect(options.message).toBe('Open this web address in your browser?');
    expect(options.detail).toBe('https://www.england.nhs.uk/long-read/?a=1');
    // A look-alike host is shown as the browser will reach it (punycode), not as it pretends to be.
    await confirm('https://www.nhs.uk\u0430.example/', new FakeWebContents() as never);
    const lookAlike = (dialog.showMessageBox.mock.calls[1]![1] as { detail: string }).detail;
    expect(lookAlike).toBe('https://www.nhs.xn--uk-8kc.example/');
  });

  it('answers no when the learner cancels', async () => {
    expect(await asked(1).confirm('https://example.org/', new FakeWebContents() as never)).toBe(false);
  });

  it('asks once at a time: links arriving while the question is open are not opened', async () => {
    let answer!: (r: { response: number }) => void;
    const dialog = { showMessageBox: vi.fn(() => new Promise<{ response: number }>((resolve) => (answer = resolve))) };
    const confirm = confirmExternalLink(dialog as never, () => null);
    const first = confirm('https://example.org/1', new FakeWebContents() as never);
    expect(await confirm('https://example.org/2', new FakeWebContents() as never)).toBe(false);
    answer({ response: 0 });
    expect(await first).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
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
