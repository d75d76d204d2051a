// The desktop security baseline in one place: the renderer's web preferences, the CSP
// on every response, navigation and new windows denied, links out of the app asked
// about first, and permissions refused. Each is a small function so the tests can
// assert it with the electron module stubbed. (The app plays no third-party SCORM
// content; if it ever does, that content needs its own session and no preload.)

import type { BaseWindow, Dialog, MessageBoxOptions, Session, Shell, WebContents, WebPreferences } from 'electron';
import { APP_SCHEME, DESKTOP_CSP, isAppUrl } from './protocol';
import { COURSE_MEDIA_CSP } from './serve/csp';

/** Web preferences of every window that shows the app. */
export function appWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * Adds the CSP to every response the session receives. The protocol sets it too; this
 * covers anything else (e.g. DevTools-opened pages) so no page runs without it. A
 * course pack's files keep the sandboxed policy of course media, never the app's.
 */
export function enforceCsp(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    const policy = details.url.startsWith(`${APP_SCHEME}://course/`) ? COURSE_MEDIA_CSP : DESKTOP_CSP;
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** The app asks for no camera, microphone, location or notifications: refuse every request. */
export function refusePermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** True for links the system browser may open. */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Asks the learner whether a web address may open in their browser; true only if they agree. */
export type ConfirmExternal = (url: string, contents: WebContents) => Promise<boolean>;

/**
 * Denies navigation away from the app and every new window. A web link the learner
 * follows (a reference, say) opens in the system browser once they agree to it;
 * nothing else opens at all.
 */
export function guardNavigation(contents: WebContents, shell: Pick<Shell, 'openExternal'>, confirm: ConfirmExternal): void {
  const offer = (url: string) => {
    if (!isExternalWebLink(url)) return;
    void confirm(url, contents)
      .then((agreed) => (agreed ? shell.openExternal(url) : undefined))
      .catch(() => undefined);
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    offer(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    offer(url);
    return { action: 'deny' };
  });
}

/**
 * The question asked before a course's link leaves the app: it shows the whole address
 * as the browser will reach it (a look-alike host in its punycode form), Cancel is the
 * default, and while one question is open any other link is simply not opened, so a
 * page cannot bury the learner in prompts.
 */
export function confirmExternalLink(
  dialog: Pick<Dialog, 'showMessageBox'>,
  ownerOf: (contents: WebContents) => BaseWindow | null,
): ConfirmExternal {
  let asking = false;
  return async (url, contents) => {
    if (asking) return false;
    asking = true;
    try {
      const options: MessageBoxOptions = {
        type: 'question',
        title: 'Open a web address',
        message: 'Open this web address in your browser?',
        detail: new URL(url).href,
        buttons: ['Open in browser', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const owner = ownerOf(contents);
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === 0;
    } finally {
      asking = false;
    }
  };
}
