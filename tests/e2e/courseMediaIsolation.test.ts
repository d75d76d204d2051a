// A course pack is written by someone other than the learner, so a file in it must
// never run script on the study page's origin. These are the attacks a hostile pack
// can try in browser mode: a page in the pack that loads a script beside it, a script
// inside an SVG opened on its own, and the pack's script fetched directly. None may
// run, none may reach the Studio API, and the pack's real images still show.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './helpers/chromium';
import { SAMPLE_COURSE, startStudio, TEST_TOKEN, type TestStudio } from './helpers/studio';

const MEDIA = 'modules/what-is-health-creation/media';
const COURSE_URL = `/course/hc-sample/${MEDIA}`;

/** What a hostile pack's script would do: make itself a learner named `name`, and leave a mark. */
const evilScript = (name: string) => `
document.title = 'script ran';
fetch('/api/createLearner', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '["${name}"]' });
`;

let browser: Browser;
let studio: TestStudio;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'hcs-evil-pack-'));
  const pack = path.join(work, 'sample');
  await cp(SAMPLE_COURSE, pack, { recursive: true });
  await writeFile(path.join(pack, MEDIA, 'evil.js'), evilScript('Mallory'));
  await writeFile(path.join(pack, MEDIA, 'svg.js'), evilScript('Trudy'));
  await writeFile(path.join(pack, MEDIA, 'evil.html'), '<!doctype html><title>evil</title><script src="evil.js"></script><p>Read more</p>');
  await writeFile(
    path.join(pack, MEDIA, 'evil.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script href="svg.js"/><script>${evilScript('Eve')}</script><rect width="10" height="10"/></svg>`,
  );
  [browser, studio] = await Promise.all([launchChromium(), startStudio({ courses: [pack] })]);
});

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The learners the studio knows, asked of the API directly (as the test, not the page). */
async function learnerNames(): Promise<string[]> {
  const res = await fetch(new URL('/api/listLearners', studio.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hcs-token': TEST_TOKEN },
    body: '[]',
  });
  const result = (await res.json()) as { ok: boolean; value: { learners: Array<{ name: string }> } };
  return result.value.learners.map((l) => l.name);
}

describe('files of a course pack in browser mode', () => {
  it('a page in the pack that loads a script beside it is not served, so its script never runs or reaches the API', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(studio.url);
    const response = await page.goto(new URL(`${COURSE_URL}/evil.html`, studio.url).href);
    await page.waitForTimeout(500);
    expect(await learnerNames()).not.toContain('Mallory');
    expect(await page.title()).not.toBe('script ran');
    expect(response?.status()).toBe(403);
    expect(response?.headers()['content-type']).toMatch(/^text\/plain/);
    await context.close();
  });

  it('an SVG opened on its own is sandboxed: neither its inline script nor its script href runs', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(studio.url);
    const response = await page.goto(new URL(`${COURSE_URL}/evil.svg`, studio.url).href);
    await page.waitForTimeout(500);
    expect(await learnerNames()).not.toContain('Eve');
    expect(await learnerNames()).not.toContain('Trudy');
    expect(await page.title()).not.toBe('script ran');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/(^|; )sandbox(;|$)/);
    await context.close();
  });

  it('a script in the pack is never served, even when asked for by name', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(studio.url);
    const status = await page.evaluate(async (url) => (await fetch(url)).status, `${COURSE_URL}/evil.js`);
    expect(status).toBe(403);
    await context.close();
  });

  it('the pack’s own images still show on the study page', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(studio.url);
    const width = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return img.naturalWidth;
    }, `${COURSE_URL}/three-cs.svg`);
    expect(width).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
