// The learner's whole path through the workbench in real Chromium against browser
// mode: create a profile, study a lesson, answer quizzes, play a scenario to an
// ending, write a reflection, reload, and find everything where it was.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import path from 'node:path';
import { ROOT, SAMPLE_COURSE, startStudio } from './helpers/studio';
import { activePanel, createProfile, quickOpen, trackRequests, treeItem } from './helpers/workbench';

const env = useBrowserAndStudio();

const COURSE = /^Health Creation: a first look/;
const LESSON_1 = /^Creating health, not only treating illness/;
const SCENARIO = /^Scenario: What matters to you\?/;
const REFLECTION = 'I felt well when my running club kept checking in on me.';

/** Clicks a tree item's own row (its centre may lie over its children). */
async function clickTreeItem(page: Page, name: RegExp) {
  await treeItem(page, name).locator(':scope > .wb-tree-row').click();
}

describe('the workbench, with a mouse', () => {
  it('takes a new learner through a course and restores everything after a reload, mid-scenario node included', async () => {
    const { page, errors } = await newPage(env.browser, { viewport: { width: 1280, height: 640 } });
    const requests = trackRequests(page);
    await page.goto(env.studio.url);

    await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
    await page.getByLabel('Your name').fill('Ada');
    await page.getByRole('button', { name: 'Create profile' }).click();

    for (const [role, name] of [
      ['navigation', 'Activity Bar'],
      ['complementary', 'Side Bar'],
      ['main', 'Editor'],
      ['contentinfo', 'Status Bar'],
    ] as const) {
      await page.getByRole(role, { name }).waitFor();
    }
    await expect(page.getByRole('contentinfo', { name: 'Status Bar' }).innerText()).resolves.toContain('Ada');
    // A new learner lands on the course's page.
    await activePanel(page).getByRole('heading', { name: 'Health Creation: a first look', level: 1 }).waitFor();

    // Open the course and read the first lesson.
    await clickTreeItem(page, COURSE);
    await clickTreeItem(page, /^What is Health Creation\?/);
    await clickTreeItem(page, LESSON_1);
    await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();

    // Answer its quiz.
    await activePanel(page).getByLabel(/gain purpose, hope, mastery and control/).check();
    await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();

    // Write a reflection in the lesson; it goes to the journal.
    await activePanel(page).getByLabel(/Think of a time/).fill(REFLECTION);
    await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
    await activePanel(page).locator('.hcs-save-status[data-state="saved"]').waitFor();

    // Next, at the lesson's foot, reads it to its end and opens the second lesson in a second tab.
    await activePanel(page).getByRole('button', { name: 'Next: Control, contact and confidence' }).click();
    await activePanel(page).getByRole('heading', { name: 'Control, contact and confidence', level: 1 }).waitFor();
    for (const option of ['Control', 'Contact', 'Confidence']) await activePanel(page).getByLabel(option, { exact: true }).check();
    await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();
    expect(await page.getByRole('main', { name: 'Editor' }).getByRole('tab').count()).toBe(3);
    // Scrolled down to its end, the second lesson is read too.
    await activePanel(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));

    // Both lessons are done (read, answered, reflected on): the first module is complete and the second unlocks.
    await treeItem(page, /^What is Health Creation\?\s*, Complete/).waitFor();
    await treeItem(page, /^Creating health, not only treating illness\s*, Complete/).waitFor();
    await clickTreeItem(page, /^Health-creating practice/);
    await clickTreeItem(page, SCENARIO);

    // Play the scenario to an ending.
    const story = activePanel(page).getByRole('region', { name: 'Story' });
    await activePanel(page).getByRole('button', { name: /Ask her what matters most/ }).click();
    await activePanel(page).getByRole('button', { name: /Ask what she used to enjoy/ }).click();
    await activePanel(page).getByRole('button', { name: /walking group/ }).click();
    await activePanel(page).getByRole('region', { name: 'Ending: A new routine' }).waitFor();
    await activePanel(page).getByRole('heading', { name: /Endings found: 1 of/ }).waitFor();

    // Replay and stop mid-way, at the second node.
    await activePanel(page).getByRole('button', { name: 'Replay' }).click();
    await activePanel(page).getByRole('button', { name: /Ask her what matters most/ }).click();
    await expect(story.getAttribute('data-node-id')).resolves.toBe('listening');
    const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
    await statusBar.getByText(/Control \d+/).waitFor();

    // The Progress view charts it, every figure in words.
    await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Progress' }).click();
    const completion = page.getByRole('figure', { name: 'Module completion' });
    await expect.poll(() => completion.innerText()).toContain('2 of 2 done (100%), complete');
    await expect(page.getByRole('figure', { name: 'Quiz scores against the mastery score' }).innerText()).resolves.toContain('100% (2 of 2 answered); 70% needed, passed');
    await expect(page.getByRole('figure', { name: 'Scenario endings found' }).innerText()).resolves.toContain('1 of 2 endings found');

    // The journal has the reflection, open in the Panel.
    await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Journal' }).click();
    await page.getByRole('button', { name: /Think of a time you, or someone you know, felt well.*Written/ }).click();
    const panel = page.getByRole('region', { name: 'Panel' });
    await expect(panel.getByLabel(/Think of a time/).inputValue()).resolves.toBe(REFLECTION);

    // Leave the first lesson scrolled part-way down.
    await page.getByRole('tab', { name: /Creating health/ }).click();
    const scrolled = await activePanel(page).evaluate((el) => {
      el.scrollTop = Math.min(200, el.scrollHeight - el.clientHeight);
      el.dispatchEvent(new Event('scroll'));
      return el.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    await page.getByRole('tab', { name: /What matters to you/ }).click();
    await requests.settled();

    await page.reload();

    // Everything is where it was.
    await page.getByRole('main', { name: 'Editor' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).count()).resolves.toBe(0);
    await expect(page.getByRole('main', { name: 'Editor' }).getByRole('tab').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Health Creation: a first look'),
      expect.stringContaining('Creating health'),
      expect.stringContaining('Control, contact and confidence'),
      expect.stringContaining('What matters to you?'),
    ]);
    await expect(page.getByRole('main', { name: 'Editor' }).getByRole('tab', { selected: true }).innerText()).resolves.toContain('What matters to you?');
    const restoredStory = activePanel(page).getByRole('region', { name: 'Story' });
    await restoredStory.waitFor();
    await expect(restoredStory.getAttribute('data-node-id')).resolves.toBe('listening');
    await activePanel(page).getByRole('heading', { name: /Endings found: 1 of/ }).waitFor();
    await expect(page.getByRole('region', { name: 'Panel' }).isVisible()).resolves.toBe(true);

    await page.getByRole('tab', { name: /Creating health/ }).click();
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();
    await expect(activePanel(page).getByLabel(/Think of a time/).inputValue()).resolves.toBe(REFLECTION);
    await expect.poll(() => activePanel(page).evaluate((el) => el.scrollTop)).toBe(scrolled);
    // The Side Bar still shows the Journal view the learner left open.
    await page.getByRole('complementary', { name: 'Side Bar' }).getByRole('heading', { name: 'Journal' }).waitFor();
    await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Courses' }).click();
    await treeItem(page, /^Creating health, not only treating illness\s*, Complete/).waitFor();
    await expect(statusBar.innerText()).resolves.toMatch(/\d+% complete/);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a broken course', () => {
  it('is listed with the reasons it will not load, while the other courses still open', async () => {
    const mixed = await startStudio({ courses: [SAMPLE_COURSE, path.join(ROOT, 'tests/e2e/fixtures/courses/broken-pack')] });
    try {
      const { page, errors } = await newPage(env.browser);
      await page.goto(mixed.url);
      await page.getByLabel('Your name').fill('Sam');
      await page.getByRole('button', { name: 'Create profile' }).click();

      const broken = treeItem(page, /^broken-pack \(cannot be opened\)/);
      await broken.waitFor();
      const reasons = await broken.locator('.wb-tree-problems').innerText();
      expect(reasons).toContain('course.yaml:2:1: error HCS006: unknown field `titel`');
      expect(await broken.getAttribute('aria-expanded')).toBeNull();

      await clickTreeItem(page, COURSE);
      await clickTreeItem(page, /^What is Health Creation\?/);
      await clickTreeItem(page, LESSON_1);
      await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await mixed.close();
    }
  });
});

describe('a shared lab computer', () => {
  it('keeps each learner’s work apart and asks who is studying when several share the machine', async () => {
    const shared = await startStudio();
    try {
      const { page, errors } = await newPage(env.browser);
      const requests = trackRequests(page);
      await createProfile(page, shared.url, 'Ada');
      await quickOpen(page, 'creating health', /Creating health/);
      await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();

      // Ben joins from the status bar's learner button.
      const statusBar = page.getByRole('contentinfo', { name: 'Status Bar' });
      await statusBar.getByRole('button', { name: /Ada/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Switch learner' });
      await dialog.getByLabel('Your name').fill('Ben');
      await dialog.getByRole('button', { name: 'Create profile and switch' }).click();
      await statusBar.getByRole('button', { name: /Ben/ }).waitFor();
      // None of Ada's tabs: Ben lands on the course page, and starts from there.
      await expect(page.getByRole('main', { name: 'Editor' }).getByRole('tab').allInnerTexts()).resolves.toEqual([expect.stringContaining('Health Creation: a first look')]);
      await activePanel(page).getByRole('button', { name: /^Start: Creating health/ }).click();
      await page.getByRole('tab', { name: /Creating health/, selected: true }).waitFor();
      await page.keyboard.press('Control+W');
      await requests.settled();

      // Next start: the picker, and Ada finds her own tab.
      await page.reload();
      await page.getByRole('heading', { name: 'Who is studying?' }).waitFor();
      await page.getByRole('list', { name: 'Learners on this computer' }).getByRole('button', { name: 'Ada' }).click();
      await page.getByRole('tab', { name: /Creating health/, selected: true }).waitFor();

      // Ada exports the course for her tutor's LMS.
      await page.keyboard.press('Control+Alt+E');
      const exporting = page.getByRole('dialog', { name: /Export Health Creation: a first look as SCORM/ });
      // For Open edX the dialog picks the one cut that plays there, and says why the other will not.
      await exporting.getByRole('combobox', { name: 'For' }).selectOption({ label: 'Open edX (the SCORM XBlock)' });
      expect(await exporting.getByRole('radio', { name: 'One activity for the whole course' }).isChecked()).toBe(true);
      await exporting.getByRole('radio', { name: /One activity per module/ }).check();
      await exporting.getByRole('note').getByText(/launches only the first SCO/).waitFor();
      await exporting.getByRole('combobox', { name: 'For' }).selectOption({ label: 'Moodle' });
      expect(await exporting.getByRole('note').count()).toBe(0);
      await exporting.getByRole('button', { name: 'Export' }).click();
      await exporting.getByText(/^Saved to /).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await shared.close();
    }
  }, 60_000);
});
