// Accessibility of authoring: axe-core with every WCAG rule up to 2.2 AA finds nothing
// on the Files view, a source tab with its preview, the Problems view listing problems
// and the question dialog, in each of the light, dark and high-contrast themes.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe';
import { launchChromium, newPage } from './helpers/chromium';
import { SAMPLE_COURSE, startStudio, type TestStudio } from './helpers/studio';
import { createProfile } from './helpers/workbench';

const THEMES = [
  { name: 'light', key: 'Control+Alt+1' },
  { name: 'dark', key: 'Control+Alt+2' },
  { name: 'high-contrast', key: 'Control+Alt+3' },
] as const;

const SCENARIO = 'modules/health-creating-practice/what-matters.scenario.yaml';

let browser: Browser;
let studio: TestStudio;
let documents: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  documents = await mkdtemp(path.join(os.tmpdir(), 'hcs-a11y-docs-'));
  [browser, studio] = await Promise.all([launchChromium(), startStudio({ courses: [SAMPLE_COURSE], readOnlyCourses: [SAMPLE_COURSE], documents })]);
  ({ page, errors } = await newPage(browser, { bypassCSP: true }));
  await createProfile(page, studio.url, 'Ida');
  // A copy of the sample to edit, with a problem in its scenario so the Problems view lists one.
  await page.keyboard.press('Control+Alt+A');
  await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Health Creation: a first look' });
  await page.getByRole('button', { name: 'Save a Copy to Edit' }).click();
  await page.getByRole('button', { name: 'Save a Copy', exact: true }).click();
  // The copy opens at its course.yaml; its files are the ones to edit.
  await page.getByRole('textbox', { name: 'Source: course.yaml' }).waitFor();
  await page.getByLabel('Course', { exact: true }).locator('option:checked', { hasText: '(my copy)' }).waitFor({ state: 'attached' });
  await page.getByRole('treeitem', { name: 'health-creating-practice' }).click();
  await page.getByRole('treeitem', { name: 'what-matters.scenario.yaml' }).click();
  const editor = page.getByRole('textbox', { name: `Source: ${SCENARIO}` });
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\ntitel: a typo\n');
  await page.keyboard.press('Control+Shift+M');
  await page.getByRole('listbox', { name: 'Problems' }).getByRole('option').first().waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  await rm(documents, { recursive: true, force: true });
});

describe('accessibility of authoring', () => {
  it.each(THEMES)('finds no axe violation up to WCAG 2.2 AA on Files, a source tab, Problems and the question dialog in the $name theme', async (theme) => {
    await page.keyboard.press(theme.key);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.name);
    const found = await axeViolations(page, `${theme.name} / Files, source tab with preview, Problems`);
    await page.getByRole('button', { name: 'New Lesson' }).click();
    await page.getByRole('dialog', { name: 'New Lesson' }).waitFor();
    found.push(...(await axeViolations(page, `${theme.name} / New Lesson dialog`)));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
