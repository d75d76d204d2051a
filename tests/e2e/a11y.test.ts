// Accessibility: axe-core (WCAG 2.2 A and AA) finds no serious or critical violation
// on any view of the workbench, in each of the light, dark and high-contrast themes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './helpers/axe';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { activePanel, createProfile, quickOpen, setPinByKeyboard, trackRequests } from './helpers/workbench';

const env = useBrowserAndStudio();

const THEMES = [
  { name: 'light', key: 'Control+Alt+1' },
  { name: 'dark', key: 'Control+Alt+2' },
  { name: 'high-contrast', key: 'Control+Alt+3' },
] as const;

async function showSideBarView(page: Page, title: string) {
  const button = page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: title });
  // Pressing the shown view's button again would hide the Side Bar.
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.getByRole('complementary', { name: 'Side Bar' }).getByRole('heading', { name: title }).waitFor();
}

/** Every view a learner can reach, each checked by axe in the current theme. */
async function checkEveryView(page: Page, theme: string): Promise<string[]> {
  const found: string[] = [];
  const check = async (view: string) => found.push(...(await seriousViolations(page, `${theme} / ${view}`)));

  await showSideBarView(page, 'Courses');
  await page.getByRole('tab', { name: /Creating health/ }).click();
  await check('Courses view with a lesson and its answered quiz');
  await page.getByRole('tab', { name: /What matters to you/ }).click();
  await activePanel(page).getByRole('region', { name: 'Story' }).waitFor();
  await check('scenario');

  await showSideBarView(page, 'Search');
  await page.getByRole('searchbox').fill('health');
  await page.getByText(/\d+ results?\./).waitFor();
  await check('Search view with results');
  await showSideBarView(page, 'Progress');
  await page.getByRole('figure', { name: 'Module completion' }).waitFor();
  await check('Progress view');
  await showSideBarView(page, 'Journal');
  await page.getByRole('button', { name: /Think of a time/ }).click();
  await page.getByRole('region', { name: 'Panel' }).waitFor();
  await check('Journal view and Panel');
  await showSideBarView(page, 'Settings');
  await check('Settings view');

  await page.keyboard.press('Control+Alt+K');
  await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
  await check('Shortcuts view');
  await page.keyboard.press('Control+W');

  // The course page, its references, a source document (a word found in it), the glossary, and a term's explanation.
  await page.keyboard.press('Control+Alt+H');
  await activePanel(page).getByRole('heading', { name: 'Health Creation: a first look', level: 1 }).waitFor();
  await check('course page');
  await page.keyboard.press('Control+Alt+B');
  await activePanel(page).getByRole('heading', { name: 'References', level: 1 }).waitFor();
  await check('References view');
  await activePanel(page).getByRole('button', { name: /Read the document/ }).first().click();
  await activePanel(page).getByLabel('Find in this document').fill('health');
  await activePanel(page).getByText(/^Match 1 of/).waitFor();
  await check('source document with matches marked');
  await page.keyboard.press('Control+Alt+G');
  await activePanel(page).getByRole('heading', { name: 'Glossary', level: 1 }).waitFor();
  await check('Glossary view');
  await page.getByRole('tab', { name: /Creating health/ }).click();
  await activePanel(page).locator('a.hcs-term').first().focus();
  await activePanel(page).getByRole('tooltip').waitFor();
  await check('a glossary term explained');

  // A narrow window, with the Side Bar floating over the editor.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 400, height: 760 });
  await page.locator('.wb[data-narrow]').waitFor();
  await page.keyboard.press('Control+Shift+E');
  await page.getByRole('complementary', { name: 'Side Bar' }).waitFor();
  await check('narrow window with the Side Bar over the editor');
  await page.keyboard.press('Escape');
  await page.setViewportSize(size);
  await page.locator('.wb:not([data-narrow])').waitFor();
  await showSideBarView(page, 'Courses');

  await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('menu').waitFor();
  await check('application menu');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+P');
  await page.getByRole('option').first().waitFor();
  await check('Quick Open');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('option').first().waitFor();
  await check('Command Palette');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+L');
  await page.getByRole('dialog', { name: 'Switch learner' }).waitFor();
  await check('learner picker');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+E');
  await page.getByRole('dialog', { name: /Export .* as SCORM/ }).waitFor();
  await check('export dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+Alt+Shift+K');
  const pin = page.getByRole('dialog', { name: 'Protect your work with a PIN' });
  await pin.waitFor();
  await check('PIN dialog');
  await pin.getByRole('button', { name: 'Set PIN' }).click();
  await pin.getByRole('alert').waitFor();
  await check('PIN dialog refusing an empty PIN');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+Shift+D');
  await page.getByRole('dialog', { name: 'Delete Ida?' }).waitFor();
  await check('delete confirmation');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Alt+P');
  await page.getByRole('dialog', { name: 'Export my learning record' }).waitFor();
  await check('learning record dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  return found;
}

describe('accessibility', () => {
  it('has no serious or critical axe violation on the first-run screen, following the system theme', async () => {
    const found: string[] = [];
    // No learner is ever created here, so every visit is a first run.
    const fresh = await startStudio();
    try {
      for (const system of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { forcedColors: 'active' }] as const) {
        const { page } = await newPage(env.browser, { ...system, bypassCSP: true });
        await page.goto(fresh.url);
        await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
        const expected = 'forcedColors' in system ? 'high-contrast' : system.colorScheme;
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(expected);
        found.push(...(await seriousViolations(page, `${expected} / first run`)));
        await page.context().close();
      }
    } finally {
      await fresh.close();
    }
    expect(found).toEqual([]);
  });

});

describe('accessibility of a protected learner and their record', () => {
  it('has no serious or critical axe violation on the PIN prompt, a refused PIN or the learning record page, following the system theme', async () => {
    const found: string[] = [];
    const studio = await startStudio();
    try {
      // Noor protects her work with a PIN, then exports her record.
      const { page } = await newPage(env.browser, { bypassCSP: true });
      await createProfile(page, studio.url, 'Noor');
      await setPinByKeyboard(page, '2468');
      await page.keyboard.press('Enter');
      await page.getByRole('treeitem').first().click();
      await page.keyboard.press('Control+Alt+P');
      const [record] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Save my learning record as PDF' }).click()]);
      await record.getByRole('heading', { name: 'Health Creation: a first look', level: 1 }).waitFor();
      const recordUrl = record.url().replace(/#print$/, '');
      await page.context().close();

      for (const system of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { forcedColors: 'active' }] as const) {
        const { page } = await newPage(env.browser, { ...system, bypassCSP: true });
        const expected = 'forcedColors' in system ? 'high-contrast' : system.colorScheme;
        await page.goto(studio.url);
        await page.getByRole('button', { name: 'Noor PIN' }).click();
        await page.getByRole('heading', { name: 'Enter Noor’s PIN' }).waitFor();
        found.push(...(await seriousViolations(page, `${expected} / PIN prompt`)));
        await page.getByLabel('PIN', { exact: true }).fill('1357');
        await page.getByRole('button', { name: 'Open my work' }).click();
        await page.getByRole('alert').waitFor();
        found.push(...(await seriousViolations(page, `${expected} / PIN prompt refusing a wrong PIN`)));
        // The record as the learner's browser shows it before printing.
        await page.goto(recordUrl);
        await page.getByRole('button', { name: 'Save as PDF or print' }).waitFor();
        found.push(...(await seriousViolations(page, `${expected} / learning record page`)));
        await page.context().close();
      }
    } finally {
      await studio.close();
    }
    expect(found).toEqual([]);
  }, 90_000);
});

describe('accessibility of every view', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(env.browser, { bypassCSP: true }));
    const requests = trackRequests(page);
    await createProfile(page, env.studio.url, 'Ida');

    // Some progress, so the views show statuses, scores and charts rather than empty states.
    await quickOpen(page, 'creating health', /Creating health/);
    await activePanel(page).getByLabel(/gain purpose, hope, mastery and control/).check();
    await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
    await activePanel(page).getByLabel(/Think of a time/).fill('A reflection.');
    await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
    await page.keyboard.press('Control+P');
    await page.keyboard.type('what matters');
    await page.getByRole('option', { name: /What matters/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await activePanel(page).getByRole('region', { name: 'Story' }).waitFor();
    await requests.settled();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it.each(THEMES)('has no serious or critical axe violation on any view in the $name theme', async (theme) => {
    await page.keyboard.press(theme.key);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.name);
    expect(await checkEveryView(page, theme.name)).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
