// The player in real Chromium: a learner answers quizzes, writes reflections and plays
// a scenario; a reload replays their events and puts them back where they were; and
// hostile lesson Markdown runs nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LearningEvent } from '../../engine/progress/model';
import { buildHarness, harnessContext, launchChromium, openPlayer, seriousAxeViolations, type HarnessBundle } from './fixtures/playerPage';

let browser: Browser;
let bundle: HarnessBundle;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchChromium(), buildHarness()]);
});

afterAll(async () => {
  await browser?.close();
});

/** Runs a test body in a fresh context (empty localStorage) and closes it afterwards. */
async function withContext(body: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await harnessContext(browser, bundle);
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

function events(page: Page): Promise<LearningEvent[]> {
  return page.evaluate(() => window.playerEvents);
}

describe('lesson player', () => {
  it('reports the visit, keeps the answer back after a wrong try while tries are left, and shows it with the feedback once settled', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      expect(await page.locator('.hcs-quiz-rules').innerText()).toContain('You have 2 tries at each question');
      const q1 = page.locator('form[data-question-id="q-gap-1"]');
      await q1.getByLabel('About 10%').check();
      await q1.getByRole('button', { name: 'Check answer' }).click();

      await expect.poll(() => q1.getByRole('status').innerText()).toContain('Not right. You have 1 more try at this question');
      expect(await q1.innerText()).not.toContain('A right answer you did not choose.');
      expect(await q1.innerText()).not.toContain('No: that is closer to the share care makes.');
      expect(await page.locator('.hcs-quiz-score').innerText()).toBe('2 questions, none answered yet.');

      await q1.getByRole('button', { name: 'Try again' }).click();
      await q1.getByLabel('About 90%').check();
      await q1.getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => q1.getByRole('status').innerText()).toContain('Right.');
      expect(await q1.locator('[data-option-id="a"]').innerText()).toContain('Yes: most health is made outside the clinic.');
      expect(await q1.getByRole('button').count()).toBe(0);

      const q2 = page.locator('form[data-question-id="q-gap-2"]');
      await q2.getByLabel('Control').check();
      await q2.getByLabel('Contact').check();
      await q2.getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => page.locator('.hcs-quiz-score').innerText()).toBe('Score: 2 of 2 right.');

      expect(await events(page)).toEqual([
        { type: 'lesson.visited', lessonId: 'l-gap' },
        { type: 'quiz.answered', quizId: 'q-gap', questionId: 'q-gap-1', selected: ['b'] },
        { type: 'quiz.answered', quizId: 'q-gap', questionId: 'q-gap-1', selected: ['a'] },
        { type: 'quiz.answered', quizId: 'q-gap', questionId: 'q-gap-2', selected: ['control', 'contact'] },
      ]);
    }));

  it('can be answered with the keyboard alone, focus staying on the button that becomes Try again', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      await page.getByLabel('About 90%').focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.getByLabel('About 10%').isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const q1 = page.locator('form[data-question-id="q-gap-1"]');
      await expect.poll(() => q1.getByRole('status').innerText()).toContain('Not right.');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
      await page.keyboard.press('Enter');
      expect(await q1.getByRole('button').innerText()).toBe('Check answer');
      expect(await page.getByLabel('About 10%').isChecked()).toBe(false);
    }));

  it('asks for a choice before checking an empty answer', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      const q1 = page.locator('form[data-question-id="q-gap-1"]');
      await q1.getByRole('button', { name: 'Check answer' }).click();
      expect(await q1.getByRole('status').innerText()).toBe('Choose an answer first.');
      expect((await events(page)).filter((e) => e.type === 'quiz.answered')).toEqual([]);
    }));

  it('saves a reflection to the journal with the button and on leaving the box, and restores it after a reload', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      const box = page.getByLabel('Think of a patient you met on placement. What mattered to them?');
      await box.fill('She wanted to get back to her allotment.');
      await page.getByRole('button', { name: 'Save to journal' }).click();
      expect(await page.locator('.hcs-reflection [role="status"]').innerText()).toBe('Saved');

      await box.fill('She wanted to get back to her allotment, and her friends there.');
      expect(await page.locator('.hcs-reflection [role="status"]').innerText()).toBe('Not saved yet');
      await box.press('Tab');
      await expect.poll(() => page.locator('.hcs-reflection [role="status"]').innerText()).toBe('Saved');

      const saved = (await events(page)).filter((e) => e.type === 'reflection.saved');
      expect(saved.map((e) => e.type === 'reflection.saved' && e.text)).toEqual([
        'She wanted to get back to her allotment.',
        'She wanted to get back to her allotment, and her friends there.',
      ]);

      await page.reload();
      await page.locator('.hcs-player').waitFor();
      expect(await page.getByLabel('Think of a patient you met on placement. What mattered to them?').inputValue()).toBe(
        'She wanted to get back to her allotment, and her friends there.',
      );
    }));

  it('restores answered questions with their feedback after a reload', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      const q1 = page.locator('form[data-question-id="q-gap-1"]');
      await q1.getByLabel('About 90%').check();
      await q1.getByRole('button', { name: 'Check answer' }).click();
      await page.reload();
      await page.locator('.hcs-player').waitFor();
      expect(await page.locator('form[data-question-id="q-gap-1"] [data-option-id="a"]').innerText()).toContain('Your choice: right.');
      expect(await page.locator('.hcs-quiz-score').innerText()).toBe('Score: 1 of 2 right (1 of 2 answered).');
    }));

  it('renders no script, event handler or javascript: link from hostile lesson Markdown', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-hostile');
      const found = await page.evaluate(() => {
        const article = document.querySelector('.hcs-player')!;
        const all = [...article.querySelectorAll('*')];
        return {
          scripts: article.querySelectorAll('script').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          scriptUrls: all.filter((el) => ['href', 'src'].some((n) => /^\s*(javascript|data:text)/i.test(el.getAttribute(n) ?? ''))).length,
          pwned: (window as unknown as { __pwned?: string }).__pwned,
          text: (article as HTMLElement).innerText,
        };
      });
      expect(found).toMatchObject({ scripts: 0, handlers: 0, scriptUrls: 0, pwned: undefined });
      expect(found.text).toContain('Safe text stays.');
    }));

  it('opens external links in a new window without handing it the course, and shows images with their alt text', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      const link = page.getByRole('link', { name: 'the manifesto' });
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      const image = page.getByRole('img', { name: 'A chart of healthy life expectancy by deprivation' });
      expect(await image.getAttribute('src')).toBe('/pack/modules/gap/media/gradient.svg');
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }));

  it('has no serious or critical accessibility violation once a quiz is answered', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?lesson=l-gap');
      const q2 = page.locator('form[data-question-id="q-gap-2"]');
      await q2.getByLabel('Cost').check();
      await q2.getByRole('button', { name: 'Check answer' }).click();
      expect(await seriousAxeViolations(page)).toEqual([]);
    }));
});

describe('scenario player', () => {
  it('plays to an ending: says what changed, shows the debrief and the ending map, and reports each choice', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.getByRole('button', { name: 'Ask "what matters to you?"' }).click();
      await expect
        .poll(() => page.locator('.hcs-meters-news').innerText())
        .toBe('Control went up by 1 to 4. Confidence went up by 1 to 4. Trust went up by 2 to 2.');
      expect(await page.locator('.hcs-choice-feedback').innerText()).toContain('He sits up a little.');
      expect(await page.getByRole('meter', { name: 'Trust' }).getAttribute('aria-valuenow')).toBe('2');
      expect(await page.locator('#status-bar').innerText()).toContain('trust 2');

      await page.getByRole('button', { name: 'Suggest the walking group.' }).click();
      const ending = page.getByRole('region', { name: 'Ending: A new routine' });
      await ending.waitFor();
      const text = await ending.innerText();
      expect(text).toContain('A positive ending.');
      expect(text).toContain('Listening found what he could do.');
      expect(text).toContain('Listening and responding');
      expect(await page.locator('.hcs-ending-map h2').innerText()).toBe('Endings found: 1 of 3');
      expect(await page.locator('.hcs-ending-map').innerText()).toContain('A new routine');

      const chose = (await events(page)).filter((e) => e.type === 'scenario.chose');
      expect(chose.map((e) => e.type === 'scenario.chose' && [e.choiceId, e.nodeId, e.endingId])).toEqual([
        ['ask', 'listening', undefined],
        ['connect', 'group', 'group'],
      ]);
      expect(chose[1]).toMatchObject({ snapshot: { value: 'group', context: { vars: { contact: 4, trust: 2 } } } });
    }));

  it('comes back to the same node with the same values after a reload that replays the events', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.getByRole('button', { name: 'Ask "what matters to you?"' }).click();
      await page.locator('[data-node-id="listening"]').waitFor();

      await page.reload();
      await page.locator('.hcs-player').waitFor();
      expect(await page.locator('.hcs-story').getAttribute('data-node-id')).toBe('listening');
      expect(await page.getByRole('meter', { name: 'Trust' }).getAttribute('aria-valuenow')).toBe('2');
      await page.getByRole('button', { name: 'Refer him to a social prescriber.' }).click();
      await page.getByRole('region', { name: 'Ending: Slow progress' }).waitFor();
    }));

  it('replays from the start and keeps the endings already found on the map', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.getByRole('button', { name: 'Repeat the prescription.' }).click();
      await page.getByRole('button', { name: 'Replay' }).click();
      await page.locator('[data-node-id="waiting-room"]').waitFor();
      expect(await page.getByRole('meter', { name: 'Contact' }).getAttribute('aria-valuenow')).toBe('2');
      expect(await page.locator('.hcs-ending-map h2').innerText()).toBe('Endings found: 1 of 3');
      expect((await events(page)).at(-1)).toEqual({ type: 'scenario.restarted', scenarioId: 's-gp' });
    }));

  it('can be played with the keyboard alone, focus following the story', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ask "what matters to you?"');
      await page.keyboard.press('Enter');
      await page.locator('[data-node-id="listening"]').waitFor();
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('hcs-story');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Ending: A new routine' }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Replay');
    }));

  it('has no serious or critical accessibility violation at an ending', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.getByRole('button', { name: 'Repeat the prescription.' }).click();
      await page.getByRole('region', { name: 'Ending: Round again' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    }));

  it('adds the path notes that fit the path and lists missing features apart, with no serious accessibility violation', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.getByRole('button', { name: 'Ask "what matters to you?"' }).click();
      await page.getByRole('button', { name: 'Refer him to a social prescriber.' }).click();
      const ending = page.getByRole('region', { name: 'Ending: Slow progress' });
      await ending.waitFor();
      const text = await ending.innerText();
      expect(text).toContain('On the path you took');
      expect(text).toContain('On this path his contact rose a little.');
      expect(text).not.toContain('did not rise');
      expect(await ending.locator('h3').allInnerTexts()).toEqual([
        'Debrief',
        'On the path you took',
        'Features of practice at play',
        'Features of practice that were missing',
      ]);
      expect(await ending.locator('.hcs-features-missing li').allInnerTexts()).toEqual(['Power-shifting']);
      if (process.env.HCS_SHOT) await page.screenshot({ path: process.env.HCS_SHOT, fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }));
});

describe('player theming', () => {
  it('takes its colours from the host’s --hcs-* custom properties', () =>
    withContext(async (context) => {
      const page = await openPlayer(context, '?scenario=s-gp');
      await page.addStyleTag({ content: ':root { --hcs-accent: rgb(1, 2, 3); --hcs-bg: rgb(250, 240, 230); }' });
      const button = page.getByRole('button', { name: 'Repeat the prescription.' });
      expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 2, 3)');
      expect(await page.locator('.hcs-player').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(250, 240, 230)');
    }));
});
