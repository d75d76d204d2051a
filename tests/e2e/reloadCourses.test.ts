// An author's live preview in real Chromium against browser mode: edit a lesson file,
// run "Reload Courses from Disk" and read the new text; break the pack, reload, and
// the Courses view and the open tab say where it is broken.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './helpers/chromium';
import { SAMPLE_COURSE, startStudio, type TestStudio } from './helpers/studio';
import { activePanel, createProfile, quickOpen, treeItem } from './helpers/workbench';

const LESSON_FILE = 'modules/what-is-health-creation/01-creating-health.md';
const HEADING = 'Creating health, not only treating illness';
const EDITED = 'A sentence the author has just added to the lesson.';

let browser: Browser;
let studio: TestStudio;
let pack: string;

beforeAll(async () => {
  // The author's own copy of a pack, so the test can edit it.
  pack = path.join(await mkdtemp(path.join(os.tmpdir(), 'hcs-author-')), 'sample');
  await cp(SAMPLE_COURSE, pack, { recursive: true });
  [browser, studio] = await Promise.all([launchChromium(), startStudio({ courses: [pack] })]);
});
afterAll(async () => {
  await browser?.close();
  await studio?.close();
  await rm(path.dirname(pack), { recursive: true, force: true });
});

describe('reloading courses from disk', () => {
  it('shows an edited lesson, then names the problem when an edit breaks the pack', async () => {
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Rhiannon');
    await quickOpen(page, 'creating health', /Creating health/);
    const lesson = activePanel(page);
    await lesson.getByRole('heading', { name: HEADING, level: 1 }).waitFor();
    expect(await lesson.getByText(EDITED).count()).toBe(0);

    const file = path.join(pack, LESSON_FILE);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(`# ${HEADING}\n`, `# ${HEADING}\n\n${EDITED}\n`));
    await page.keyboard.press('Control+Alt+R');
    await lesson.getByText(EDITED).waitFor();
    await page.getByRole('status').filter({ hasText: 'Courses reloaded: 1 found.' }).waitFor({ state: 'attached' });

    // Front matter without its id: the pack no longer loads.
    await writeFile(file, original.replace(/^id: .*\n/m, ''));
    await page.keyboard.press('Control+Alt+R');
    const broken = treeItem(page, /\(cannot be opened\)/);
    await broken.waitFor();
    expect(await broken.locator('.wb-tree-problems').innerText()).toContain(`${LESSON_FILE}:`);
    // The open lesson says why instead of showing half a course.
    const alert = lesson.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`The first problem is in ${LESSON_FILE} at line 2: missing required field \`id\``);

    // Mended and reloaded, the lesson is back.
    await writeFile(file, original);
    await page.keyboard.press('Control+Alt+R');
    await lesson.getByRole('heading', { name: HEADING, level: 1 }).waitFor();

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
