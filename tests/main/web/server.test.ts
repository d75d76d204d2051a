import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, type StudioApi } from '../../../engine/api/studioApi';
import { serve, tokenCookieName, type RunningServer } from '../../../main/web/server';
import { createStudioSessions, singleSession } from '../../../main/services/studioSessions';
import { RECORD_PAGE_CSP } from '../../../main/web/recordPages';
import { tempDir } from '../tempDir';

const TOKEN = 'test-token-0123456789abcdef';
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A Studio API whose every method answers with its own name and arguments. */
const echoApi = new Proxy({}, { get: (_t, method) => async (...args: unknown[]) => ok({ method, args }) }) as StudioApi;

async function start(parts: Partial<Pick<Parameters<typeof serve>[0], 'sessions' | 'recordFile'>> = {}) {
  const dir = await tempDir();
  const rendererDir = path.join(dir, 'renderer');
  const courseDir = path.join(dir, 'courses', 'ug');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await mkdir(path.join(courseDir, 'media'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  await writeFile(path.join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(path.join(rendererDir, 'assets', 'main.js.map'), '{"version":3,"sourcesContent":["secret source"]}');
  await writeFile(path.join(courseDir, 'media', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const name of ['photo.png', 'talk.mp3', 'clip.mp4', 'clip.vtt', 'reading.pdf', 'notes.bin', 'data.json', 'evil.css', 'evil.mjs', 'evil.js']) {
    await writeFile(path.join(courseDir, 'media', name), 'bytes');
  }
  await writeFile(path.join(courseDir, 'media', 'evil.html'), '<script src="evil.js"></script>');
  await symlink(path.join(courseDir, 'media', 'evil.html'), path.join(courseDir, 'media', 'page-link.svg'));
  await writeFile(path.join(dir, 'secret.txt'), 'not for the browser');
  await symlink(path.join(dir, 'secret.txt'), path.join(courseDir, 'media', 'escape.svg'));
  running = await serve({ sessions: singleSession(echoApi), ...parts, rendererDir, courseRoot: async (id) => (id === 'ug' ? courseDir : undefined), token: TOKEN, port: 0 });
  return running;
}

/** A raw request, so paths reach the server exactly as written (fetch would normalise them). */
function request(port: number, rawPath: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const apiCall = (port: number, method: string, args: unknown, headers: Record<string, string> = { 'x-hcs-token': TOKEN }) =>
  request(port, `/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

const withCookie = (port: number) => ({ headers: { cookie: `${tokenCookieName(port)}=${TOKEN}` } });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only: not on the machine’s network addresses', async () => {
    const server = await start();
    expect(server.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      await expect(
        new Promise((resolve, reject) => http.get({ host: external, port: server.port, timeout: 2000 }, resolve).on('error', reject)),
      ).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('serves the app with its content type, CSP and nosniff, and sets the token cookie from the URL', async () => {
    const { port } = await start();
    const page = await request(port, `/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(page.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['set-cookie']?.[0]).toBe(`${tokenCookieName(port)}=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`);
    expect((await request(port, '/assets/main.js', withCookie(port))).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing of the app without the token: not the page, its scripts or their source maps', async () => {
    const { port } = await start();
    for (const file of ['/', '/index.html', '/assets/main.js', '/assets/main.js.map']) {
      const res = await request(port, file);
      expect(res.status, file).toBe(401);
      expect(res.body).not.toContain('Studio</title>');
      expect(res.body).not.toContain('sourcesContent');
      expect(res.body).toBe('Health Creation Studio needs its access token; open the address that npm run web printed, which ends in ?token=...\n');
    }
    expect((await request(port, '/assets/main.js.map', withCookie(port))).status).toBe(200);
    expect((await request(port, '/index.html', withCookie(port))).status).toBe(200);
  });

  it('sets no cookie for a wrong token in the URL', async () => {
    const { port } = await start();
    expect((await request(port, '/?token=guess')).headers['set-cookie']).toBeUndefined();
  });

  it('answers API calls with the token in a header or the cookie', async () => {
    const { port } = await start();
    const byHeader = await apiCall(port, 'openCourse', ['ug']);
    expect(byHeader.status).toBe(200);
    expect(JSON.parse(byHeader.body)).toEqual({ ok: true, value: { method: 'openCourse', args: ['ug'] } });
    const byCookie = await apiCall(port, 'listCourses', [], { cookie: `${tokenCookieName(port)}=${TOKEN}` });
    expect(JSON.parse(byCookie.body)).toMatchObject({ ok: true });
  });

  it('refuses API calls without the token, with a sentence', async () => {
    const { port } = await start();
    const res = await apiCall(port, 'listCourses', [], {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'no-token', message: 'This page does not have the access token; open the address that npm run web printed.' },
    });
    expect((await apiCall(port, 'listCourses', [], { 'x-hcs-token': 'wrong' })).status).toBe(401);
  });

  it('validates API arguments before the service sees them', async () => {
    const { port } = await start();
    const res = await apiCall(port, 'openCourse', [42]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('The argument courseId of openCourse must be a string (it was a number).');
  });

  it('says so for an unknown method, a GET, a non-JSON body and a foreign origin', async () => {
    const { port } = await start();
    expect(JSON.parse((await apiCall(port, 'deleteEverything', [])).body).error.message).toBe('The Studio API has no method called "deleteEverything".');
    expect((await request(port, '/api/listCourses', { headers: { 'x-hcs-token': TOKEN } })).status).toBe(405);
    const form = await request(port, '/api/listCourses', { method: 'POST', headers: { 'x-hcs-token': TOKEN, 'content-type': 'text/plain' }, body: '[]' });
    expect(form.status).toBe(415);
    const broken = await request(port, '/api/listCourses', { method: 'POST', headers: { 'x-hcs-token': TOKEN, 'content-type': 'application/json' }, body: '[' });
    expect(JSON.parse(broken.body).error.message).toBe('The arguments of listCourses were not valid JSON.');
    const foreign = await apiCall(port, 'listCourses', [], { 'x-hcs-token': TOKEN, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  /**
   * Posts `megabytes` of spaces the way simple clients do: the whole body first, then the
   * answer is read. Announced with Content-Length, or streamed in chunks without it.
   */
  function postWholeThenRead(port: number, megabytes: number, announceLength: boolean) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (c) => received.push(c));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(received).toString('utf8');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
        resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
      });
      const length = announceLength ? `Content-Length: ${megabytes * 1024 * 1024}` : 'Transfer-Encoding: chunked';
      socket.write(`POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nx-hcs-token: ${TOKEN}\r\n${length}\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < megabytes) {
          sent++;
          const framed = announceLength ? chunk : Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
          if (!socket.write(framed)) return void socket.once('drain', pump);
        }
        // Everything is sent; only now read the answer, then hang up.
        socket.write(announceLength ? '' : '0\r\n\r\n', () => setTimeout(() => socket.end(), 200));
      };
      pump();
    });
  }

  it('answers a body over 16 MB with 413 and a sentence, never a reset connection, even to a client that reads only after sending', async () => {
    const { port } = await start();
    for (const announceLength of [true, false, true, false]) {
      const res = await postWholeThenRead(port, 48, announceLength);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'too-large', message: 'The arguments of search were larger than 16 MB.' } });
    }
    // The server still answers afterwards.
    expect((await apiCall(port, 'search', ['control'])).status).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { port } = await start();
    const res = await request(port, '/', { headers: { host: `evil.example:${port}` } });
    expect(res.status).toBe(421);
    expect(res.body).toBe(`This server answers only requests addressed to http://127.0.0.1:${port}/.\n`);
  });

  it('serves course media with the token, and refuses it without', async () => {
    const { port } = await start();
    const media = await request(port, '/course/ug/media/chart.svg', { headers: { cookie: `${tokenCookieName(port)}=${TOKEN}` } });
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('image/svg+xml');
    expect((await request(port, '/course/ug/media/chart.svg')).status).toBe(401);
  });

  it.each([
    ['a web page', 'evil.html'],
    ['a script', 'evil.js'],
    ['a module script', 'evil.mjs'],
    ['a stylesheet', 'evil.css'],
    ['a JSON file', 'data.json'],
    ['a file of no known kind', 'notes.bin'],
    ['a link named like an image that leads to a page', 'page-link.svg'],
  ])('never serves %s from a course pack, only media', async (_name, file) => {
    const { port } = await start();
    const res = await request(port, `/course/ug/media/${file}`, withCookie(port));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).not.toContain('<script');
    expect(res.body).toMatch(/^A course pack serves only images, audio, video, captions and PDF files, so ".+" is not served\.\n$/);
  });

  it('serves each course file with a sandbox CSP of its own and nosniff, so an SVG opened alone cannot run script', async () => {
    const { port } = await start();
    for (const [file, type] of [['chart.svg', 'image/svg+xml'], ['photo.png', 'image/png'], ['talk.mp3', 'audio/mpeg'], ['clip.mp4', 'video/mp4'], ['clip.vtt', 'text/vtt; charset=utf-8'], ['reading.pdf', 'application/pdf']]) {
      const res = await request(port, `/course/ug/media/${file}`, withCookie(port));
      expect(res.status, file).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      const csp = String(res.headers['content-security-policy']).split('; ');
      expect(csp).toContain('sandbox');
      expect(csp).toContain("default-src 'none'");
      expect(csp.join('; ')).not.toMatch(/script-src|'self'|connect-src/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it.each([
    ['a ../ climb', '/course/ug/../../secret.txt', 403],
    ['an encoded climb', '/course/ug/%2e%2e/%2e%2e/secret.txt', 403],
    ['an encoded slash climb', '/course/ug/media%2f..%2f..%2f..%2fsecret.txt', 403],
    ['an absolute path', '/course/ug/%2Fetc%2Fpasswd', 403],
    ['a backslash climb', '/course/ug/..%5c..%5csecret.txt', 400],
    ['a symlink out of the pack', '/course/ug/media/escape.svg', 403],
    ['a NUL byte', '/course/ug/media/chart.svg%00.png', 400],
    ['a folder (no listing)', '/course/ug/media/', 404],
    ['an unknown course', '/course/nope/media/chart.svg', 404],
  ])('refuses %s in a media path', async (_name, rawPath, status) => {
    const { port } = await start();
    const res = await request(port, rawPath, withCookie(port));
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('not for the browser');
    expect(res.body).toMatch(/^[A-Z].*\.\n$/);
  });

  it('refuses climbs out of the app folder and lists no folders', async () => {
    const { port } = await start();
    expect((await request(port, '/%2e%2e/secret.txt', withCookie(port))).status).toBe(403);
    expect((await request(port, '/assets/', withCookie(port))).status).toBe(404);
    const missing = await request(port, '/nothing-here.js', withCookie(port));
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('There is no file at "nothing-here.js".\n');
  });

  it('gives each page the API of its own session, named by the page in a header, and a session of its own to a call that names none', async () => {
    const made: string[] = [];
    const sessions = createStudioSessions((session) => {
      made.push('a session');
      return new Proxy({}, { get: (_t, method) => async () => ok({ method, session: (session.unlocked ??= `unlocked-${made.length}`) }) }) as StudioApi;
    });
    const { port } = await start({ sessions });
    const call = async (session?: string) =>
      JSON.parse((await apiCall(port, 'listLearners', [], { 'x-hcs-token': TOKEN, ...(session ? { 'x-hcs-session': session } : {}) })).body).value.session;
    const tab = 'page-one-0123456789abcdef';
    expect(await call(tab)).toBe('unlocked-1');
    expect(await call(tab)).toBe('unlocked-1');
    expect(await call('page-two-0123456789abcdef')).toBe('unlocked-2');
    expect(await call()).toBe('unlocked-3');
    expect(await call()).toBe('unlocked-4');
    // A name that is not a session id counts as none.
    expect(await call('short')).toBe('unlocked-5');
  });

  it('serves a learning record by its id, with the token, a print button and a policy that lets only its own script run', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'record.html');
    await writeFile(file, '<!doctype html><html><head><title>Record</title></head><body class="x"><main>Asha</main></body></html>');
    const id = 'A'.repeat(32);
    const { port } = await start({ recordFile: (asked) => (asked === id ? file : undefined) });
    expect((await request(port, `/record/${id}`)).status).toBe(401);
    const page = await request(port, `/record/${id}`, withCookie(port));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(RECORD_PAGE_CSP);
    expect(RECORD_PAGE_CSP).toMatch(/default-src 'none'; .*script-src 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(page.body).toMatch(/^<!doctype html><html><head><title>Record<\/title><\/head><body class="x"><div class="record-actions" role="region" aria-label="Keep this record"><button type="button" id="record-print">Save as PDF or print<\/button>/);
    expect(page.body).toMatch(/<main>Asha<\/main><script>[^<]+<\/script><\/body><\/html>$/);
    // The script the page carries is the one the policy lets run.
    const script = /<script>([^<]+)<\/script>/.exec(page.body)![1]!;
    expect(RECORD_PAGE_CSP).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const missing = await request(port, `/record/${'B'.repeat(32)}`, withCookie(port));
    expect([missing.status, missing.body]).toEqual([404, 'There is no learning record at this address; export it again from the Command Palette (Export My Learning Record).\n']);
  });

  it('says when a record file has gone from the disk since it was exported', async () => {
    const dir = await tempDir();
    const id = 'C'.repeat(32);
    const { port } = await start({ recordFile: () => path.join(dir, 'gone.html') });
    const res = await request(port, `/record/${id}`, withCookie(port));
    expect([res.status, res.body]).toEqual([404, `The learning record ${path.join(dir, 'gone.html')} is no longer there; export it again from the Command Palette (Export My Learning Record).\n`]);
  });
});
