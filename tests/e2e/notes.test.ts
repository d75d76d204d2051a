// Notes in the Panel, in real Chromium against browser mode: a learner writes a note
// on a lesson beside it, another lesson has its own, and both are there after a reload.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';

import { activePanel, trackRequests, treeItem } from './helpers/workbench';

const env = useBrowserAndStudio();

const LESSON_1 = 'Creating health, not only treating illness';
const LESSON_2 = 'Control, contact and confidence';
const NOTE = 'Ask the practice nurse how the walking group started.';

/** Clicks a tree item's own row (its centre may lie over its children). */
async function clickTreeItem(page: Page, name: RegExp) {
  await treeItem(page, name).locator(':scope > .wb-tree-row').click();
}

describe('notes in the Panel', () => {
  it('keep one note per lesson, saved on leaving the box or with Save, and restored after a reload', async () => {
    const { page, errors } = await newPage(env.browser, { viewport: { width: 1280, height: 720 } });
    const requests = trackRequests(page);
    await page.goto(env.studio.url);
    await page.getByLabel('Your name').fill('Noor');
    await page.getByRole('button', { name: 'Create profile' }).click();

    await clickTreeItem(page, /^Health Creation: a first look/);
    await clickTreeItem(page, /^What is Health Creation\?/);
    await clickTreeItem(page, new RegExp(`^${LESSON_1}`));
    await activePanel(page).getByRole('heading', { name: LESSON_1, level: 1 }).waitFor();

    // The notes command shows the Panel and puts the caret in this lesson's notes.
    await page.keyboard.press('Control+Alt+N');
    const panel = page.getByRole('region', { name: 'Panel' });
    const notes = panel.getByLabel(`Notes on ${LESSON_1}`);
    await expect.poll(() => notes.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(NOTE);
    await expect(panel.getByRole('status').filter({ hasText: 'Not saved yet' }).count()).resolves.toBe(1);
    await page.keyboard.press('Tab'); // leaving the box saves it
    await panel.getByRole('status').filter({ hasText: /^Note saved / }).waitFor();

    // Another lesson has its own, empty, note; Save keeps what is typed there.
    await clickTreeItem(page, new RegExp(`^${LESSON_2}`));
    await activePanel(page).getByRole('heading', { name: LESSON_2, level: 1 }).waitFor();
    const secondNotes = panel.getByLabel(`Notes on ${LESSON_2}`);
    await expect(secondNotes.inputValue()).resolves.toBe('');
    await secondNotes.fill('Three Cs.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await panel.getByRole('status').filter({ hasText: /^Note saved / }).waitFor();
    await requests.settled();

    await page.reload();

    await page.getByRole('main', { name: 'Editor' }).waitFor();
    await expect.poll(() => panel.getByLabel(`Notes on ${LESSON_2}`).inputValue()).toBe('Three Cs.');
    await page.getByRole('tab', { name: new RegExp(LESSON_1) }).click();
    await expect.poll(() => panel.getByLabel(`Notes on ${LESSON_1}`).inputValue()).toBe(NOTE);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
