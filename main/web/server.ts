// Browser mode's HTTP server: the renderer build, course media and the Studio API on
// 127.0.0.1 only. Other software on the machine (or a web page the learner visits)
// could reach a loopback port, so everything it serves needs the access token printed
// at start-up, requests must name this server as their Host (defeating DNS rebinding),
// and API calls must be same-origin JSON posts (defeating cross-site forms). A course
// pack's files are served as sandboxed media only, so a pack cannot act as this page.
// Each page names its session (one page load) in a header on every API call, so a
// learner's PIN, once given, holds for that page only (services/studioSessions.ts).

import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { fail, type ApiResult } from '../../engine/api/studioApi';
import { isStudioApiMethod, validateArgs } from '../../engine/api/validators';
import { contentTypeOf, courseMediaTypeOf } from '../serve/contentTypes';
import { contentSecurityPolicy, COURSE_MEDIA_CSP } from '../serve/csp';
import { resolveInside } from '../serve/safePath';
import type { StudioSessions } from '../services/studioSessions';
import { RECORD_ID, recordPage } from './recordPages';

/** The only address browser mode listens on. */
export const LOOPBACK = '127.0.0.1';
/**
 * Name of the cookie that carries the access token after the first visit. Cookies are
 * shared by every port of a host, so the name carries the port: two servers running
 * at once (two checkouts, parallel tests) never overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `hcs_token_${port}`;
}
/** Header that may carry the access token instead of the cookie. */
export const TOKEN_HEADER = 'x-hcs-token';
/** Header naming the page's session (a random id made once per page load). */
export const SESSION_HEADER = 'x-hcs-session';
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/**
 * Largest API request body, in bytes. A scenario snapshot is a few kilobytes; the
 * largest calls carry course files (checkPack: up to four million characters of
 * unsaved text, whose JSON escapes can double it), which the validators bound again.
 */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** What the server serves. */
export interface ServerParts {
  /** The Studio API of each page's session. */
  sessions: StudioSessions;
  /** The saved HTML of a learning record by the id its export was given (recordPages.ts). */
  recordFile?: (id: string) => string | undefined;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** The pack folder of a course, for its media. */
  courseRoot: (courseId: string) => Promise<string | undefined>;
  token: string;
  port: number;
}

/** A running server. */
export interface RunningServer {
  url: string;
  /** The address the socket is bound to (always 127.0.0.1). */
  address: string;
  port: number;
  close(): Promise<void>;
}

const CSP = contentSecurityPolicy();
const COURSE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Starts listening on 127.0.0.1:`port` (0 picks a free port). */
export async function serve(parts: ServerParts): Promise<RunningServer> {
  let port = parts.port;
  const server = http.createServer((req, res) => {
    handle(req, res, parts, port).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendText(res, 500, 'The study server hit an unexpected problem; the details were written to its console.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(parts.port, LOOPBACK, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    address: bound.address,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, parts: ServerParts, port: number): Promise<void> {
  setCommonHeaders(res);
  const allowedHosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    return sendText(res, 421, `This server answers only requests addressed to http://${LOOPBACK}:${port}/.`);
  }
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
  // The raw path, not url.pathname: URL parsing silently resolves "..", and a climb
  // should be refused (and seen to be refused), not quietly turned into another file.
  const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';

  if (pathname.startsWith('/api/')) return handleApi(req, res, parts, port, pathname.slice('/api/'.length));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, `Only GET and HEAD are accepted for ${pathname}.`);
  }
  if (pathname.startsWith('/course/')) {
    if (!hasToken(req, parts.token, port)) return sendText(res, 401, 'Course media need the access token; open the address that npm run web printed.');
    const [courseId = '', ...rest] = pathname.slice('/course/'.length).split('/');
    const root = COURSE_ID.test(courseId) ? await parts.courseRoot(courseId) : undefined;
    if (!root) return sendText(res, 404, `There is no course with the id "${decodeSafely(courseId)}".`);
    return sendFile(req, res, root, rest.join('/'), COURSE_FILES);
  }
  if (pathname.startsWith('/record/')) {
    if (!hasToken(req, parts.token, port)) return sendText(res, 401, 'A learning record needs the access token; open the address that npm run web printed.');
    const id = pathname.slice('/record/'.length);
    const file = RECORD_ID.test(id) ? parts.recordFile?.(id) : undefined;
    if (!file) return sendText(res, 404, 'There is no learning record at this address; export it again from the Command Palette (Export My Learning Record).');
    return recordPage(req, res, file);
  }

  // The page is opened from the printed address, which carries the token; the cookie
  // set here carries it to every later request, including media the page embeds.
  // Nothing is served without it, so another program on the machine cannot read even
  // the page or its source maps.
  const offered = url.searchParams.get('token');
  if (offered !== null && safeEqual(offered, parts.token)) {
    res.setHeader('Set-Cookie', `${tokenCookieName(port)}=${parts.token}; Path=/; HttpOnly; SameSite=Strict`);
  } else if (!hasToken(req, parts.token, port)) {
    return sendText(res, 401, 'Health Creation Studio needs its access token; open the address that npm run web printed, which ends in ?token=...');
  }
  const file = pathname === '/' ? 'index.html' : pathname.slice(1);
  return sendFile(req, res, parts.rendererDir, file, APP_FILES);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, parts: ServerParts, port: number, method: string): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, fail('method-not-allowed', `Studio API calls must be POST requests, not ${req.method}.`));
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${LOOPBACK}:${port}` && origin !== `http://localhost:${port}`) {
    return sendJson(res, 403, fail('wrong-origin', 'Studio API calls are accepted only from the study page this server serves.'));
  }
  if (!hasToken(req, parts.token, port)) {
    return sendJson(res, 401, fail('no-token', 'This page does not have the access token; open the address that npm run web printed.'));
  }
  if (!isStudioApiMethod(method)) return sendJson(res, 404, fail('unknown-method', `The Studio API has no method called "${decodeSafely(method)}".`));
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, fail('not-json', 'Studio API calls must send their arguments as JSON (Content-Type: application/json).'));
  }
  const body = await readBody(req);
  if (body === undefined) return sendJson(res, 413, fail('too-large', `The arguments of ${method} were larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
  let args: unknown;
  try {
    args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, fail('not-json', `The arguments of ${method} were not valid JSON.`));
  }
  const checked = validateArgs(method, args);
  if (!checked.ok) return sendJson(res, 400, fail('invalid-argument', checked.message));
  const session = req.headers[SESSION_HEADER];
  const api = parts.sessions.forSession(typeof session === 'string' && SESSION_ID.test(session) ? session : undefined);
  const call = api[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
  return sendJson(res, 200, await call(...(checked.args as unknown[])));
}

/** How one root's files are served: their type (undefined: not served at all), caching and CSP. */
interface FileRules {
  typeOf: (file: string) => string | undefined;
  cache: string;
  csp?: string;
}

const APP_FILES: FileRules = { typeOf: contentTypeOf, cache: 'no-cache' };
const COURSE_FILES: FileRules = { typeOf: courseMediaTypeOf, cache: 'private, max-age=300', csp: COURSE_MEDIA_CSP };

async function sendFile(req: IncomingMessage, res: ServerResponse, root: string, relative: string, rules: FileRules): Promise<void> {
  const found = await resolveInside(root, relative);
  if (!found.ok) return sendText(res, found.status, found.message);
  // The name asked for and the file it leads to must both be a kind this root serves,
  // so a link named like an image cannot hand out a page.
  const asked = decodeURIComponent(relative);
  const type = rules.typeOf(asked) === undefined ? undefined : rules.typeOf(found.file);
  if (type === undefined) return sendText(res, 403, notServed(asked.split('/').pop() ?? ''));
  if (rules.csp) res.setHeader('Content-Security-Policy', rules.csp);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size, 'Cache-Control': rules.cache });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(found.file);
    stream.once('error', reject);
    res.once('close', resolve);
    stream.pipe(res);
  });
}

function notServed(name: string): string {
  return `A course pack serves only images, audio, video, captions and PDF files, so "${name.slice(0, 80)}" is not served.`;
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(res: ServerResponse, status: number, sentence: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(sentence + '\n');
}

function sendJson(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  const text = JSON.stringify(result);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function hasToken(req: IncomingMessage, token: string, port: number): boolean {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && safeEqual(header, token)) return true;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === tokenCookieName(port))?.[1];
  return cookie !== undefined && safeEqual(cookie, token);
}

function safeEqual(offered: string, token: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text).slice(0, 80);
  } catch {
    return text.slice(0, 80);
  }
}

/**
 * Reads the body, or undefined once it passes the size limit. The request is never cut
 * off: the rest of an oversized body is read and discarded (by Node once the 413 is
 * sent, or by the listener here), because a socket closed while the client is still
 * sending resets the connection, and a client that reads only after sending would see
 * that reset instead of the sentence saying what was wrong.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(undefined);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
