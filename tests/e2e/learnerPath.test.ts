// The learner's path through a course, with a mouse and with the keyboard alone: a new
// learner lands on the course page and starts, a lesson read to its end is complete and
// one read part-way is not, Next leads on through a lesson, a quiz and a scenario
// ending, a citation opens its reference and the document behind it, and a glossary
// term explains itself and opens the Glossary.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { activePanel, focused, tabTo, trackRequests, treeItem } from './helpers/workbench';

const env = useBrowserAndStudio();

const COURSE = 'Health Creation: a first look';

/** Scrolls the tab in front by `fraction` of what it can scroll (1 is its end). */
function scrollPanel(page: Page, fraction: number) {
  return activePanel(page).evaluate((el, f) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * f), fraction);
}

/** The status a tree item shows for the lesson or scenario with this title. */
async function statusOf(page: Page, title: RegExp) {
  return (await treeItem(page, title).innerText()).split('\n').at(-1)?.trim() ?? '';
}

describe('the learner\'s path, with a mouse', () => {
  it('lands on the course page, reads, follows Next to a scenario ending, and checks a citation and a term', async () => {
    const studio = await startStudio();
    try {
      // A short window, so the lessons need scrolling.
      const { page, errors } = await newPage(env.browser, { viewport: { width: 1280, height: 600 } });
      const requests = trackRequests(page);
      await page.goto(studio.url);
      await page.getByLabel('Your name').fill('Priya');
      await page.getByRole('button', { name: 'Create profile' }).click();

      // The course page: what the course is, how progress counts, and one way in.
      const coursePage = activePanel(page);
      await coursePage.getByRole('heading', { name: COURSE, level: 1 }).waitFor();
      const text = await coursePage.innerText();
      for (const fact of ['Undergraduate', 'FHEQ level 4', '2 hours of study', 'Learning outcomes', 'Describe Health Creation and the 3Cs']) expect(text).toContain(fact);
      expect(text).toContain('A lesson is complete when you have reached its end');
      expect(text).toMatch(/What is Health Creation\?[\s\S]*Not started: 0 of 2 done/);
      expect(text).toMatch(/Health-creating practice[\s\S]*Locked: 0 of 2 done[\s\S]*Opens when you have completed What is Health Creation\?/);
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');
      await coursePage.getByRole('button', { name: 'Start: Creating health, not only treating illness' }).click();

      // The first lesson: answered, reflected on, then read down to its end.
      await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();
      await activePanel(page).getByLabel(/gain purpose, hope, mastery and control/).check();
      await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
      await activePanel(page).getByLabel(/Think of a time/).fill('My grandmother kept well through her church choir.');
      await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
      await scrollPanel(page, 1);
      await expect.poll(() => statusOf(page, /^Creating health, not only treating illness/)).toBe('Complete');

      // Next, at its foot, opens the second lesson; read only part-way, it stays in progress.
      await activePanel(page).getByRole('button', { name: 'Next: Control, contact and confidence' }).click();
      await activePanel(page).getByRole('heading', { name: 'Control, contact and confidence', level: 1 }).waitFor();
      for (const option of ['Control', 'Contact', 'Confidence']) await activePanel(page).getByLabel(option, { exact: true }).check();
      await scrollPanel(page, 0);
      await requests.settled();
      await expect.poll(() => statusOf(page, /^Control, contact and confidence/)).toBe('In progress');
      await expect.poll(() => statusOf(page, /^What is Health Creation\?/)).toBe('In progress');

      // A citation opens its reference, and the reference the document itself.
      await activePanel(page).locator('a.hcs-cite', { hasText: 'A Manifesto for Health Creation' }).first().click();
      await page.getByRole('tab', { name: /References/, selected: true }).waitFor();
      await expect.poll(() => focused(page).getAttribute('data-reference-id')).toBe('manifesto');
      await activePanel(page).getByRole('button', { name: /Read the document/ }).click();
      await page.getByRole('tab', { name: /A Manifesto for Health Creation/, selected: true }).waitFor();
      const source = activePanel(page).locator('.wb-source-text');
      await expect.poll(() => source.innerText()).toContain('Health Creation');
      await activePanel(page).getByLabel('Find in this document').fill('confidence');
      await activePanel(page).getByText(/^Match 1 of \d+\.$/).waitFor();

      // A glossary term explains itself on hover, and opens the Glossary at its entry.
      await page.getByRole('tab', { name: /Control, contact and confidence/ }).click();
      const term = activePanel(page).locator('a.hcs-term').first();
      const termText = (await term.innerText()).trim();
      await term.hover();
      const tip = activePanel(page).getByRole('tooltip');
      await tip.waitFor();
      expect(await term.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
      await term.click();
      await page.getByRole('tab', { name: /Glossary/, selected: true }).waitFor();
      await expect.poll(() => focused(page).innerText()).toMatch(new RegExp(`^${termText}$`, 'i'));

      // Back to the second lesson: its quiz checked and read to its end, Next leads into the next module.
      await page.getByRole('tab', { name: /Control, contact and confidence/ }).click();
      await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
      await scrollPanel(page, 1);
      await expect.poll(() => statusOf(page, /^What is Health Creation\?/)).toBe('Complete');
      await activePanel(page).getByRole('button', { name: 'Next: The features of health-creating practice' }).click();
      await activePanel(page).getByRole('heading', { name: 'The features of health-creating practice', level: 1 }).waitFor();
      await activePanel(page).getByLabel('Strengths-focus').check();
      await activePanel(page).getByRole('button', { name: 'Check answer' }).click();
      await activePanel(page).getByLabel(/Which feature of health-creating practice/).fill('Power-shifting: the ward round decides.');
      await activePanel(page).getByRole('button', { name: 'Save to journal' }).click();
      await activePanel(page).getByRole('button', { name: 'Next: Scenario: What matters to you?' }).click();

      // The scenario to an ending, where the way on is back to the course page, now complete.
      await activePanel(page).getByRole('button', { name: /Ask her what matters most/ }).click();
      await activePanel(page).getByRole('button', { name: /Ask what she used to enjoy/ }).click();
      await activePanel(page).getByRole('button', { name: /walking group/ }).click();
      await activePanel(page).getByRole('region', { name: 'Ending: A new routine' }).waitFor();
      await activePanel(page).getByText(`This is the last lesson or scenario of ${COURSE}.`).waitFor();
      await activePanel(page).getByRole('button', { name: 'Back to the course page' }).click();
      await activePanel(page).getByText('You have completed every lesson and scenario of this course').waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await studio.close();
    }
  }, 60_000);
});

describe('the learner\'s path, keyboard only', () => {
  it('starts from the course page, reads to the end with the keyboard, and reaches references, sources and terms by keys', async () => {
    const studio = await startStudio();
    try {
      const { page, errors } = await newPage(env.browser, { viewport: { width: 1280, height: 600 } });
      await page.goto(studio.url);
      await page.getByLabel('Your name').waitFor();
      await page.keyboard.type('Sol');
      await page.keyboard.press('Enter');

      // Focus lands on the course page's Start button: Enter starts.
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');
      await page.keyboard.press('Enter');
      await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();

      // Alt+PageDown moves on without counting the lesson read; Alt+PageUp comes back.
      await page.keyboard.press('Alt+PageDown');
      await page.getByRole('tab', { name: /Control, contact and confidence/, selected: true }).waitFor();
      await page.keyboard.press('Alt+PageUp');
      await page.getByRole('tab', { name: /Creating health/, selected: true }).waitFor();
      await expect.poll(() => statusOf(page, /^Creating health, not only treating illness/)).toBe('In progress');

      // The quiz (whichever option comes first: one try settles it) and the reflection, then End scrolls the lesson to its end: it is read.
      await tabTo(page, '.hcs-question input[type="radio"]');
      await page.keyboard.press('Space');
      await tabTo(page, '.hcs-question button[type="submit"]');
      await page.keyboard.press('Enter');
      await tabTo(page, '.hcs-reflection textarea');
      await page.keyboard.type('A neighbour who checked in every day.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+1');
      await page.keyboard.press('End');
      await expect.poll(() => statusOf(page, /^Creating health, not only treating illness/)).toBe('Complete');

      // A citation, by Tab and Enter, then the document from the References view.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Home');
      await tabTo(page, 'a.hcs-cite');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page).getAttribute('data-reference-id')).toBe('manifesto');
      await tabTo(page, 'button.wb-button');
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: /A Manifesto for Health Creation/, selected: true }).waitFor();
      await expect.poll(() => focused(page).innerText()).toContain('A Manifesto for Health Creation');

      // A glossary term: focus shows its explanation, Escape hides it, Enter opens the Glossary.
      await page.getByRole('tab', { name: /Creating health/ }).click();
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Home');
      await tabTo(page, 'a.hcs-term');
      const tip = activePanel(page).getByRole('tooltip');
      await tip.waitFor();
      await page.keyboard.press('Escape');
      await tip.waitFor({ state: 'hidden' });
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: /Glossary/, selected: true }).waitFor();
      await expect.poll(() => focused(page).evaluate((el) => el.tagName)).toBe('DT');

      // Quick Open finds a glossary term too.
      await page.keyboard.press('Control+P');
      await page.keyboard.type('3cs');
      await page.getByRole('option', { name: /The 3Cs.*Glossary/, selected: true }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page).innerText()).toBe('The 3Cs');

      // Ctrl+Alt+H brings back the course page; its button now says Continue.
      await page.keyboard.press('Control+Alt+H');
      await expect.poll(() => focused(page).innerText()).toBe('Continue: Control, contact and confidence');
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await studio.close();
    }
  }, 60_000);
});
