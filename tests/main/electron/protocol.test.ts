import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, DESKTOP_CSP, handleAppProtocol, isAppUrl, registerAppScheme, respond } from '../../../main/protocol';
import { COURSE_MEDIA_CSP } from '../../../main/serve/csp';
import { tempDir } from '../tempDir';

async function roots() {
  const dir = await tempDir();
  const rendererDir = path.join(dir, 'renderer');
  const courseDir = path.join(dir, 'courses', 'ug');
  await mkdir(path.join(rendererDir, 'chunks'), { recursive: true });
  await mkdir(path.join(courseDir, 'media'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  await writeFile(path.join(rendererDir, 'chunks', 'player.js'), 'export {}');
  await writeFile(path.join(courseDir, 'media', 'gradient.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(courseDir, 'media', 'evil.html'), '<script src="evil.js"></script>');
  await writeFile(path.join(courseDir, 'media', 'evil.js'), 'fetch("/api")');
  await writeFile(path.join(courseDir, 'media', 'reading.pdf'), '%PDF-1.4');
  await symlink(path.join(courseDir, 'media', 'evil.html'), path.join(courseDir, 'media', 'page-link.png'));
  await writeFile(path.join(dir, 'secret.txt'), 'private notes');
  await symlink(path.join(dir, 'secret.txt'), path.join(courseDir, 'media', 'link.svg'));
  return { rendererDir, courseRoot: async (id: string) => (id === 'ug' ? courseDir : undefined) };
}

const get = async (url: string, method = 'GET') => respond(new Request(url, { method }), await roots());

describe('hcs: scheme registration', () => {
  it('registers hcs as a standard, secure scheme that supports fetch and streaming', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'hcs', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(JSON.stringify(protocol.registerSchemesAsPrivileged.mock.calls)).not.toMatch(/bypassCSP/);
  });

  it('handles the scheme with protocol.handle', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, await roots());
    expect(protocol.handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
  });
});

describe('hcs: responses', () => {
  it('serves the app’s entry page with the CSP and nosniff', async () => {
    const res = await get('hcs://app/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Studio</title>');
  });

  it('serves app scripts and course media with their content types', async () => {
    expect((await get('hcs://app/chunks/player.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const media = await get('hcs://course/ug/media/gradient.svg');
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves course media sandboxed by a CSP of their own, never the app’s', async () => {
    for (const [url, type] of [['hcs://course/ug/media/gradient.svg', 'image/svg+xml'], ['hcs://course/ug/media/reading.pdf', 'application/pdf']] as const) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(COURSE_MEDIA_CSP);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    ['a web page', 'evil.html'],
    ['a script', 'evil.js'],
    ['a link named like an image that leads to a page', 'page-link.png'],
  ])('never serves %s from a course pack', async (_name, file) => {
    const res = await get(`hcs://course/ug/media/${file}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toMatch(/^A course pack serves only images, audio, video, captions and PDF files, so ".+" is not served\.$/);
  });

  it.each([
    ['an encoded-slash climb', 'hcs://course/ug/media%2f..%2f..%2f..%2fsecret.txt', 403],
    ['an encoded absolute path', 'hcs://course/ug/%2fetc%2fpasswd', 403],
    ['a Windows drive path', 'hcs://course/ug/C:%5cWindows%5cwin.ini', 400],
    ['a backslash climb', 'hcs://app/..%5csecret.txt', 400],
    ['a symlink out of the pack', 'hcs://course/ug/media/link.svg', 403],
    ['a NUL byte', 'hcs://course/ug/media/gradient.svg%00.png', 400],
    ['a folder (no listing)', 'hcs://course/ug/media/', 404],
    ['an unknown course', 'hcs://course/other/media/gradient.svg', 404],
    ['an unknown host', 'hcs://elsewhere/index.html', 404],
  ])('refuses %s', async (_name, url, status) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    const body = await res.text();
    expect(body).not.toContain('private notes');
    expect(body).toMatch(/^[A-Z].*\.$/);
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
  });

  it('never serves a plain ../ climb: the URL is clamped to the root before any file is read', async () => {
    for (const url of ['hcs://app/../secret.txt', 'hcs://course/ug/../../secret.txt', 'hcs://course/ug/%2e%2e/%2e%2e/secret.txt']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('private notes');
    }
  });

  it('accepts only GET and HEAD', async () => {
    expect((await get('hcs://app/index.html', 'POST')).status).toBe(405);
    const head = await get('hcs://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('app origin check', () => {
  it('recognises only hcs://app pages as the app', () => {
    expect(isAppUrl('hcs://app/index.html')).toBe(true);
    expect(isAppUrl('hcs://course/ug/x.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('hcs://app.evil.example/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
