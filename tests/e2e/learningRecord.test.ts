// A learner's record of a course, in Chromium against browser mode: after studying the
// sample course to its end, the learner exports their record, which opens as a page of
// its own; printed to PDF by Chromium with the record's print stylesheet (as the
// learner's Save as PDF does), it has the record's pages and a certificate page, and
// its HTML copy stays in the data folder. Once with the mouse, once with the keyboard
// alone (before any study, so no certificate), and once where the record cannot be
// written, which the learner is told in a sentence.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { activePanel, createProfile, createProfileByKeyboard, focused, tabTo, trackRequests, treeItem } from './helpers/workbench';

const env = useBrowserAndStudio();

const REFLECTION = 'I felt well when my running club kept checking in on me.';
const SECOND_REFLECTION = 'Power-shifting: on a busy ward the plan is usually made before we ask the patient.';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hcs-record-'));
});
afterAll(async () => {
  if (!process.env.KEEP_RECORD_PDF) await rm(scratch, { recursive: true, force: true });
});

/** Clicks a tree item's own row (its centre may lie over its children). */
async function clickTreeItem(page: Page, name: RegExp) {
  await treeItem(page, name).locator(':scope > .wb-tree-row').click();
}

/** Scrolls the lesson in front to its last paragraph, as a learner reading it does. */
async function readToEnd(page: Page) {
  await activePanel(page).evaluate((el) => {
    el.scrollTo(0, el.scrollHeight);
    el.dispatchEvent(new Event('scroll'));
  });
}

/** Studies the whole sample course: both lessons read and answered, a reflection saved, the scenario played to an ending. */
async function studySampleCourse(page: Page) {
  await clickTreeItem(page, /^Health Creation: a first look/);
  await clickTreeItem(page, /^What is Health Creation\?/);
  await clickTreeItem(page, /^Creating health, not only treating illness/);
  await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();
  await activePanel(page).getByLabel(/gain purpose, hope, mastery and control/).check();
  await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
  await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();
  await activePanel(page).getByLabel(/Think of a time/).fill(REFLECTION);
  await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
  await activePanel(page).locator('.hcs-save-status[data-state="saved"]').waitFor();
  await readToEnd(page);

  await clickTreeItem(page, /^Control, contact and confidence/);
  await activePanel(page).getByRole('heading', { name: 'Control, contact and confidence', level: 1 }).waitFor();
  for (const option of ['Control', 'Contact', 'Confidence']) await activePanel(page).getByLabel(option, { exact: true }).check();
  await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
  await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();
  await readToEnd(page);
  await treeItem(page, /^What is Health Creation\?\s*, Complete/).waitFor();

  await clickTreeItem(page, /^Health-creating practice/);
  await clickTreeItem(page, /^The features of health-creating practice/);
  await activePanel(page).getByRole('heading', { name: 'The features of health-creating practice', level: 1 }).waitFor();
  await activePanel(page).getByLabel('Strengths-focus', { exact: true }).check();
  await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
  await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();
  await activePanel(page).getByLabel(/Which feature of health-creating practice/).fill(SECOND_REFLECTION);
  await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
  await activePanel(page).locator('.hcs-save-status[data-state="saved"]').waitFor();
  await readToEnd(page);
  await clickTreeItem(page, /^Scenario: What matters to you\?/);
  await activePanel(page).getByRole('button', { name: /Ask her what matters most/ }).click();
  await activePanel(page).getByRole('button', { name: /Ask what she used to enjoy/ }).click();
  await activePanel(page).getByRole('button', { name: /walking group/ }).click();
  await activePanel(page).getByRole('region', { name: 'Ending: A new routine' }).waitFor();
  await treeItem(page, /^Health-creating practice\s*, Complete/).waitFor();
}

/** A PDF's page count and its text, page by page, as poppler reads them. */
function readPdf(file: string): { pages: string[] } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pages: string[] = [];
  for (let n = 1; n <= count; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  return { pages };
}

/**
 * Stands in for the browser's print dialog in every page the context opens: headless
 * Chromium has none, and a print under way would refuse the PDF the test prints itself.
 * The page's asking for it is counted, so the test can check the dialog would open.
 */
async function catchPrintDialog(page: Page) {
  await page.context().addInitScript(() => {
    const w = window as unknown as { printRequests: number; print: () => void };
    w.printRequests = 0;
    w.print = () => {
      w.printRequests++;
    };
  });
}

/** How often the page has asked for the print dialog. */
const printRequests = (record: Page) => record.evaluate(() => (window as unknown as { printRequests: number }).printRequests);

/** Prints the record page to an A4 PDF with Chromium, honouring its print stylesheet, and renders its pages as PNGs for a look. */
async function printRecord(record: Page, name: string): Promise<{ pdf: string; pngs: string[] }> {
  const pdf = path.join(scratch, `${name}.pdf`);
  await record.emulateMedia({ media: 'print' });
  await writeFile(pdf, await record.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(scratch, name)]);
  const pngs = (await readdir(scratch)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => path.join(scratch, f));
  return { pdf, pngs };
}

describe('my learning record', () => {
  it('exports the record of a finished course, whose PDF names the learner, course, outcomes, modules, quiz results, ending, time and reflection, and ends with a certificate (mouse)', async () => {
    const studio = await startStudio();
    const { page, errors } = await newPage(env.browser, { viewport: { width: 1280, height: 720 } });
    try {
      const requests = trackRequests(page);
      await catchPrintDialog(page);
      await createProfile(page, studio.url, 'Asha Patel');
      await studySampleCourse(page);
      await requests.settled();

      await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Progress' }).click();
      await page.getByRole('button', { name: 'Export my learning record…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export my learning record' });
      await dialog.getByText('Asha Patel’s study of Health Creation: a first look').waitFor();
      const [record] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: 'Save my learning record as PDF' }).click()]);
      await record.waitForLoadState();
      await dialog.getByRole('status').filter({ hasText: 'Your record opened in a new tab, with the print dialog.' }).waitFor();

      // The page the learner's browser prints: the record, with a button to print it again.
      expect(await record.title()).toBe('Learning record: Asha Patel, Health Creation: a first look');
      // It opens the print dialog by itself, and its button opens it again.
      await expect.poll(() => printRequests(record)).toBe(1);
      await record.getByRole('button', { name: 'Save as PDF or print' }).click();
      expect(await printRequests(record)).toBe(2);
      const { pdf, pngs } = await printRecord(record, 'finished');
      const { pages } = readPdf(pdf);
      expect(pngs).toHaveLength(pages.length);

      const all = pages.join(' ');
      for (const expected of [
        // The kind of document is set in capitals by the stylesheet.
        'LEARNING RECORD',
        'Health Creation: a first look',
        'Undergraduate, FHEQ level 4, 2 study hours',
        'Asha Patel',
        'Describe Health Creation and the 3Cs of control, contact and confidence.',
        'Modules completed 2 of 2',
        '1. What is Health Creation?',
        '2. Health-creating practice',
        'Mastery met',
        'Scenario endings found 1 of 2',
        'A new routine',
        REFLECTION,
        SECOND_REFLECTION,
      ]) {
        expect(all).toContain(expected);
      }
      expect(all).toMatch(/Time spent studying \S/);
      expect(pages[0]).toMatch(/^LEARNING RECORD Health Creation: a first look .* Learner Asha Patel .* Status Complete on \d+ \w+ \d{4} /);
      // Each page of the record names whose it is and counts the pages, for an assessor handed loose sheets.
      for (const [i, text] of pages.slice(0, -1).entries()) {
        expect(text).toContain('Asha Patel: Health Creation: a first look, learning record produced');
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      }
      // The toolbar is for the screen only: it is not printed.
      expect(all).not.toContain('Save as PDF or print');
      // A section's heading is never left at a page's foot without what it introduces.
      expect(pages.find((text) => text.includes('Each scenario is a branching story'))).toContain('1 of 2 endings found: A new routine');
      // The last page is the certificate, on a page of its own.
      const last = pages.at(-1)!;
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(last).toContain('Certificate of completion');
      expect(last).toMatch(/This certifies that Asha Patel completed the course Health Creation: a first look .*meeting the mastery score of every module\./);
      expect(pages.slice(0, -1).join(' ')).not.toContain('Certificate of completion');

      // The HTML copy the learner keeps is the same record, in the data folder's records folder.
      const kept = await readdir(path.join(studio.dataDir, 'records'));
      expect(kept).toEqual([expect.stringMatching(/^Learning record - Asha Patel - Health Creation a first look - \d{4}-\d\d-\d\d\.html$/)]);
      const copy = await readFile(path.join(studio.dataDir, 'records', kept[0]!), 'utf8');
      expect(copy).toContain(REFLECTION);
      expect(copy).toContain('Certificate of completion');
      await dialog.getByText(kept[0]!).waitFor();

      await record.close();
      await focused(page).filter({ hasText: 'Close' }).waitFor();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      await studio.close();
    }
  }, 90_000);

  it('exports with the keyboard alone, and before any study the record says so and has no certificate', async () => {
    const studio = await startStudio();
    const { page, errors } = await newPage(env.browser);
    try {
      await catchPrintDialog(page);
      await createProfileByKeyboard(page, studio.url, 'Kay');
      // A new learner lands on the course page, which makes it the open course: the record is of that course.
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');

      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type('export my learning');
      await page.getByRole('option', { name: /Export My Learning Record/, selected: true }).waitFor();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Export my learning record' });
      await dialog.waitFor();
      await tabTo(page, '.wb-dialog .wb-button-primary');
      expect(await focused(page).textContent()).toBe('Save my learning record as PDF');
      const [record] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
      await record.waitForLoadState();
      await expect.poll(() => printRequests(record)).toBe(1);
      await expect.poll(() => focused(page).textContent()).toBe('Close');

      const { pdf } = await printRecord(record, 'unstarted');
      const { pages } = readPdf(pdf);
      const all = pages.join(' ');
      expect(all).toContain('Kay');
      expect(all).toContain('Status Not started');
      expect(all).toContain('Modules completed 0 of 2');
      expect(all).toContain('Quiz results No graded questions answered yet (3 in the course)');
      expect(all).toContain('No reflections saved yet.');
      expect(all).not.toContain('Certificate of completion');
      await record.close();

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      await studio.close();
    }
  }, 60_000);

  it('says in a sentence where and why the record could not be saved, and keeps the dialog open to try again', async () => {
    const studio = await startStudio();
    const { page, errors } = await newPage(env.browser);
    try {
      await catchPrintDialog(page);
      await createProfile(page, studio.url, 'Lee');
      await clickTreeItem(page, /^Health Creation: a first look/);
      // Something that is not a folder stands where the records folder goes.
      const records = path.join(studio.dataDir, 'records');
      await writeFile(records, 'not a folder');

      await page.keyboard.press('Control+Alt+P');
      const dialog = page.getByRole('dialog', { name: 'Export my learning record' });
      await dialog.getByRole('button', { name: 'Save my learning record as PDF' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(new RegExp(`^Your learning record could not be saved in ${records.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(.+\\); free some space or check that folder, then try again\\.$`));
      await dialog.getByRole('button', { name: 'Save my learning record as PDF' }).waitFor();

      // With the folder mended, the same button saves it.
      await rm(records);
      const [record] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: 'Save my learning record as PDF' }).click()]);
      await record.waitForLoadState();
      expect(await dialog.getByRole('alert').count()).toBe(0);
      await record.close();
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      await studio.close();
    }
  }, 60_000);
});
