// A layout that adapts: the sash resizes the Side Bar by mouse and keyboard and the
// width is kept, Ctrl+B hides it, a narrow window or a large zoom floats it over the
// editor, tabs shrink and the one in front stays in sight, icons grow with zoom, and
// the page never scrolls sideways at 400 px wide or at 200%.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { activePanel, createProfile, focused, tabTo, trackRequests } from './helpers/workbench';

const env = useBrowserAndStudio();

const sideBar = (page: Page) => page.getByRole('complementary', { name: 'Side Bar' });
const editor = (page: Page) => page.getByRole('main', { name: 'Editor' });
const width = async (page: Page, which: 'sideBar' | 'editor') => (await (which === 'sideBar' ? sideBar(page) : editor(page)).boundingBox())!.width;

/** Runs `test` with a page of its own over a studio of its own, so each starts as a new learner. */
async function asNewLearner(name: string, viewport: { width: number; height: number }, test: (page: Page) => Promise<void>): Promise<void> {
  const studio = await startStudio();
  try {
    const { page, errors } = await newPage(env.browser, { viewport });
    await createProfile(page, studio.url, name);
    await test(page);
    expect(errors).toEqual([]);
    await page.context().close();
  } finally {
    await studio.close();
  }
}

/** Whether the page scrolls sideways: its content wider than the window. */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth || document.body.scrollWidth > document.body.clientWidth);
}

/** Opens the course page, a lesson, References, a source document and the Glossary, checking each for sideways scroll. */
async function everyNewView(page: Page): Promise<string[]> {
  const wide: string[] = [];
  const check = async (view: string) => {
    await page.waitForTimeout(100);
    if (await scrollsSideways(page)) wide.push(view);
  };
  await page.keyboard.press('Control+Alt+H');
  await activePanel(page).getByRole('heading', { name: 'Health Creation: a first look', level: 1 }).waitFor();
  await check('course page');
  await activePanel(page).getByRole('button', { name: /^(Start|Continue): / }).click();
  await activePanel(page).locator('.hcs-lesson').waitFor();
  await check('lesson');
  await activePanel(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await activePanel(page).locator('.wb-way-forward').waitFor();
  await check('lesson foot');
  await page.keyboard.press('Control+Alt+B');
  await activePanel(page).getByRole('heading', { name: 'References', level: 1 }).waitFor();
  await check('References');
  await activePanel(page).getByRole('button', { name: /Read the document/ }).first().click();
  await activePanel(page).locator('.wb-source-text').waitFor();
  await check('source document');
  await page.keyboard.press('Control+Alt+G');
  await activePanel(page).getByRole('heading', { name: 'Glossary', level: 1 }).waitFor();
  await check('Glossary');
  return wide;
}

describe('the Side Bar', () => {
  it('is resized by dragging the sash, keeps its width after a reload, and hides with Ctrl+B', () => asNewLearner('Ines', { width: 1280, height: 720 }, async (page) => {
    const requests = trackRequests(page);
    const before = await width(page, 'sideBar');
    const sash = page.getByRole('separator', { name: 'Resize Side Bar' });
    const box = (await sash.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + 200, { steps: 4 });
    await page.mouse.up();
    const after = await width(page, 'sideBar');
    expect(after - before).toBeGreaterThan(110);
    expect(after - before).toBeLessThan(130);

    await requests.settled();
    await page.reload();
    await editor(page).waitFor();
    await expect.poll(() => width(page, 'sideBar')).toBeCloseTo(after, 0);

    await page.keyboard.press('Control+B');
    await expect.poll(() => sideBar(page).count()).toBe(0);
    expect(await page.getByRole('separator').count()).toBe(0);
    await page.keyboard.press('Control+B');
    await sideBar(page).waitFor();
  }));

  it('is resized from the keyboard: the sash is a separator that arrow keys move', () => asNewLearner('Jun', { width: 1280, height: 720 }, async (page) => {
    await page.keyboard.press('Control+Shift+E');
    await tabTo(page, '[role="separator"]');
    const sash = focused(page);
    expect(await sash.getAttribute('aria-valuenow')).toBe('20');
    const before = await width(page, 'sideBar');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => sash.getAttribute('aria-valuenow')).toBe('26');
    expect(await width(page, 'sideBar')).toBeCloseTo(before + 6 * 16, 0);
    await page.keyboard.press('Home');
    await expect.poll(() => sash.getAttribute('aria-valuenow')).toBe('12');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => sash.getAttribute('aria-valuenow')).toBe('12');
  }));
});

describe('a narrow window', () => {
  it('at 400 px floats the Side Bar over the editor, and no view scrolls sideways', () => asNewLearner('Kofi', { width: 400, height: 760 }, async (page) => {
    // The course page is in front, not under the Side Bar.
    await activePanel(page).getByRole('heading', { name: 'Health Creation: a first look', level: 1 }).waitFor();
    expect(await sideBar(page).count()).toBe(0);
    const editorWidth = await width(page, 'editor');
    expect(await scrollsSideways(page)).toBe(false);

    // Shown, the Side Bar floats over the editor instead of squeezing it; opening a lesson from it puts it away.
    await page.keyboard.press('Control+B');
    await sideBar(page).waitFor();
    expect(await width(page, 'editor')).toBe(editorWidth);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('treeitem', { name: /^What is Health Creation\?/ }).click();
    await page.getByRole('treeitem', { name: /^Creating health, not only treating illness/ }).click();
    await expect.poll(() => sideBar(page).count()).toBe(0);
    await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();

    // Escape puts it away too.
    await page.keyboard.press('Control+Shift+E');
    await sideBar(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => sideBar(page).count()).toBe(0);

    expect(await everyNewView(page)).toEqual([]);
    // Tabs shrink with an ellipsis, and the one in front is in sight.
    const strip = (await page.getByRole('tablist').boundingBox())!;
    const selected = (await page.getByRole('main', { name: 'Editor' }).getByRole('tab', { selected: true }).boundingBox())!;
    expect(selected.x).toBeGreaterThanOrEqual(strip.x - 1);
    expect(selected.x + selected.width).toBeLessThanOrEqual(strip.x + strip.width + 1);
  }), 60_000);

  it('at 200% zoom behaves as a narrow window: icons twice the size, nothing scrolls sideways', () => asNewLearner('Lena', { width: 1280, height: 800 }, async (page) => {
    const icon = page.getByRole('navigation', { name: 'Activity Bar' }).locator('svg').first();
    const small = (await icon.boundingBox())!.width;
    for (let i = 0; i < 10; i++) await page.keyboard.press('Control+=');
    await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe('200%');
    await expect.poll(async () => (await icon.boundingBox())!.width).toBeCloseTo(small * 2, 0);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await everyNewView(page)).toEqual([]);
    // The Side Bar floats at this zoom too.
    await page.keyboard.press('Control+Shift+E');
    await sideBar(page).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  }), 60_000);
});
