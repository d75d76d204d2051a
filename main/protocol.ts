// The desktop app never loads file:// URLs: its pages come from hcs://app/ (the renderer
// build) and course media from hcs://course/<courseId>/<path>. A custom scheme gives the
// app a real origin to pin the CSP and the IPC sender check to, and every path is
// resolved by resolveInside, which refuses anything outside the two kinds of root.
// Course packs serve media only, sandboxed, so a pack's file can never act as a page.

import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { contentTypeOf, courseMediaTypeOf } from './serve/contentTypes';
import { contentSecurityPolicy, COURSE_MEDIA_CSP } from './serve/csp';
import { resolveInside } from './serve/safePath';

/** The app's URL scheme. */
export const APP_SCHEME = 'hcs';
/** Origin of the app's own pages. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;
/** The page the main window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** CSP of every app page: 'self' plus the scheme, so hcs://course media can load. */
export const DESKTOP_CSP = contentSecurityPolicy([`${APP_SCHEME}:`]);

/** Where the protocol finds its files. */
export interface ProtocolRoots {
  /** Folder of the renderer build. */
  rendererDir: string;
  /** The pack folder of a course, or undefined when there is no such course. */
  courseRoot: (courseId: string) => Promise<string | undefined>;
}

/** Registers hcs: as a standard, secure scheme; Electron requires this before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves hcs:// requests from the roots. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, roots: ProtocolRoots): void {
  protocol.handle(APP_SCHEME, (request) => respond(request, roots));
}

/** True when `url` is one of the app's own pages (the IPC sender check and navigation guard use this). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app';
  } catch {
    return false;
  }
}

/** Answers one hcs:// request with the file, or with a status and a sentence. */
export async function respond(request: Request, roots: ProtocolRoots): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET and HEAD requests are served.');
  const url = new URL(request.url);
  // Use the raw path: percent-encoded climbs must reach resolveInside still encoded.
  const rawPath = request.url.slice(`${url.protocol}//${url.host}`.length).split(/[?#]/)[0] ?? '';
  const segments = rawPath.replace(/^\//, '');
  let root: string | undefined;
  let relative: string;
  const course = url.host === 'course';
  if (url.host === 'app') {
    root = roots.rendererDir;
    relative = segments === '' ? 'index.html' : segments;
  } else if (course) {
    const [courseId = '', ...rest] = segments.split('/');
    root = /^[a-z][a-z0-9-]{0,39}$/.test(courseId) ? await roots.courseRoot(courseId) : undefined;
    if (!root) return text(404, `There is no course with the id "${courseId.slice(0, 80)}".`);
    relative = rest.join('/');
  } else {
    return text(404, `Nothing is served at ${APP_SCHEME}://${url.host}/.`);
  }
  const found = await resolveInside(root, relative);
  if (!found.ok) return text(found.status, found.message);
  // A pack's files are media only, each sandboxed by its own CSP, exactly as in browser mode.
  const asked = decodeURIComponent(relative);
  const type = !course ? contentTypeOf(found.file) : courseMediaTypeOf(asked) && courseMediaTypeOf(found.file);
  if (type === undefined) {
    return text(403, `A course pack serves only images, audio, video, captions and PDF files, so "${(asked.split('/').pop() ?? '').slice(0, 80)}" is not served.`);
  }
  const headers = {
    'Content-Type': type,
    'Content-Length': String(found.size),
    'Content-Security-Policy': course ? COURSE_MEDIA_CSP : DESKTOP_CSP,
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(found.file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

function text(status: number, sentence: string): Response {
  return new Response(sentence, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': DESKTOP_CSP, 'X-Content-Type-Options': 'nosniff' },
  });
}
