// The desktop security baseline in one place: the renderer's web preferences, the CSP
// on every response, navigation and new windows denied, permissions refused, and a
// separate session for third-party SCORM content. Each is a small function so the
// tests can assert it with the electron module stubbed.

import type { Session, Shell, WebContents, WebPreferences } from 'electron';
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

/**
 * Denies navigation away from the app and every new window. A web link the learner
 * follows (a reference, say) opens in the system browser; nothing else opens at all.
 */
export function guardNavigation(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalWebLink(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Partition of imported third-party SCORM content, kept apart from the app's own session. */
export const SCORM_CONTENT_PARTITION = 'persist:scorm-content';

/**
 * Prepares the session that imported SCORM packages run in: its own storage, no
 * permissions and no network beyond the machine, and (by the web preferences below)
 * no preload, so that content can never reach the Studio API.
 */
export function createScormContentSession(fromPartition: (partition: string) => Session): Session {
  const session = fromPartition(SCORM_CONTENT_PARTITION);
  refusePermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    const { protocol } = new URL(details.url);
    callback({ cancel: protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:' });
  });
  return session;
}

/** Web preferences for a view of imported SCORM content: sandboxed and without any preload. */
export function scormContentWebPreferences(session: Session): WebPreferences {
  return {
    session,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}
