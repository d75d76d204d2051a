// The same learner's path as workbench.test.ts, using only the keyboard: every step
// is a key press through page.keyboard, so anything a mouse is needed for fails here.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { activePanel, focused, tabTo, trackRequests } from './helpers/workbench';

const env = useBrowserAndStudio();

const REFLECTION = 'Written without a mouse: my grandmother stayed well through her choir.';
const ADDED = ' She said the singing mattered less than the people.';

async function focusedNode(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);
}

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe('the workbench, keyboard only', () => {
  it('takes a new learner through a course and restores everything after a reload, using only the keyboard', async () => {
    const { page, errors } = await newPage(env.browser);
    const requests = trackRequests(page);
    await page.goto(env.studio.url);

    // First run: the name box has focus.
    await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
    await page.keyboard.type('Kay');
    await page.keyboard.press('Enter');
    await page.getByRole('main', { name: 'Editor' }).waitFor();

    // A new learner lands on the course page, focus on its Start button.
    await expect.poll(() => focused(page).innerText()).toMatch(/^Start: Creating health/);

    // Ctrl+Shift+E puts focus in the explorer tree; arrows walk it. The course is open already, so Right moves into it.
    await page.keyboard.press('Control+Shift+E');
    await expect.poll(() => focusedNode(page)).toBe('course:hc-sample');
    await press(page, 'ArrowRight');
    await expect.poll(() => focusedNode(page)).toBe('module:hc-sample/what-is-health-creation');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight'); // into the first child
    await expect.poll(() => focusedNode(page)).toBe('lesson:hc-sample/wihc-creating-health');
    await press(page, 'ArrowLeft'); // back to the module
    await expect.poll(() => focusedNode(page)).toBe('module:hc-sample/what-is-health-creation');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await activePanel(page).getByRole('heading', { name: 'Creating health, not only treating illness', level: 1 }).waitFor();

    // Answer the quiz: Tab into the options (shown in this learner's own order), arrow
    // to the right one, Space to choose it, then Tab to Check answer.
    await tabTo(page, '.hcs-question input[type="radio"]');
    for (let i = 0; i < 6 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement).value === 'a')); i++) await press(page, 'ArrowDown');
    await press(page, 'Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await tabTo(page, '.hcs-question button[type="submit"]');
    await press(page, 'Enter');
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();

    // Write the lesson's reflection; leaving the box saves it to the journal.
    await tabTo(page, '.hcs-reflection textarea');
    await page.keyboard.type(REFLECTION);
    await press(page, 'Tab');
    await activePanel(page).locator('.hcs-save-status[data-state="saved"]').waitFor();

    // Alt+PageDown opens the next lesson in study order.
    await press(page, 'Alt+PageDown');
    await activePanel(page).getByRole('heading', { name: 'Control, contact and confidence', level: 1 }).waitFor();
    for (const value of ['control', 'contact', 'confidence']) {
      await tabTo(page, `.hcs-question input[value="${value}"]`);
      await press(page, 'Space');
    }
    await tabTo(page, '.hcs-question button[type="submit"]');
    await press(page, 'Enter');
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();

    // Quick Open finds the scenario by a fuzzy name.
    await press(page, 'Control+P');
    await page.getByRole('combobox', { name: 'Go to Lesson or Scenario' }).waitFor();
    await page.keyboard.type('what mat');
    await page.getByRole('option', { name: /What matters to you\?/, selected: true }).waitFor();
    await press(page, 'Enter');
    const story = activePanel(page).getByRole('region', { name: 'Story' });
    await story.waitFor();

    // Play to an ending, replay, and stop at the second node.
    for (const choice of ['ask', 'strengths', 'connect']) {
      await tabTo(page, `button[data-choice-id="${choice}"]`);
      await press(page, 'Enter');
    }
    await activePanel(page).getByRole('region', { name: 'Ending: A new routine' }).waitFor();
    await tabTo(page, '.hcs-ending button');
    await press(page, 'Enter');
    await tabTo(page, 'button[data-choice-id="ask"]');
    await press(page, 'Enter');
    await expect.poll(() => story.getAttribute('data-node-id')).toBe('listening');

    // Add to the reflection from the journal: Ctrl+Shift+J shows it, Enter opens the entry in the Panel.
    await press(page, 'Control+Shift+J');
    await expect.poll(() => focused(page).getAttribute('class')).toContain('wb-journal-item');
    await press(page, 'Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await press(page, 'Control+End'); // the end of the entry, not of its first line (the box wraps beside the notes)
    await page.keyboard.type(ADDED);
    await press(page, 'Tab'); // leaving the box saves it
    await page.getByRole('region', { name: 'Panel' }).getByText(/^Saved /).waitFor();

    // Ctrl+Tab and Ctrl+PageUp switch tabs; the shortcuts view opens and Ctrl+W closes it.
    const selectedTab = () => page.getByRole('main', { name: 'Editor' }).getByRole('tab', { selected: true }).innerText();
    await press(page, 'Control+Tab'); // round to the first tab, the course page
    await expect.poll(selectedTab).toContain('Health Creation: a first look');
    await press(page, 'Control+PageUp');
    await expect.poll(selectedTab).toContain('What matters to you?');
    await press(page, 'Control+Alt+K');
    await expect.poll(selectedTab).toContain('Keyboard Shortcuts');
    await press(page, 'Control+Shift+PageUp'); // moved one place left, still in front
    await expect.poll(() => page.getByRole('main', { name: 'Editor' }).getByRole('tab').nth(3).innerText()).toContain('Keyboard Shortcuts');
    await expect.poll(selectedTab).toContain('Keyboard Shortcuts');
    await press(page, 'Control+W');
    await expect.poll(selectedTab).toContain('What matters to you?');
    expect(await page.getByRole('main', { name: 'Editor' }).getByRole('tab').count()).toBe(4);

    await requests.settled();
    await page.reload();

    await page.getByRole('main', { name: 'Editor' }).waitFor();
    await expect.poll(selectedTab).toContain('What matters to you?');
    await expect.poll(() => activePanel(page).getByRole('region', { name: 'Story' }).getAttribute('data-node-id')).toBe('listening');
    await activePanel(page).getByRole('heading', { name: /Endings found: 1 of/ }).waitFor();
    await press(page, 'Control+Tab', 2); // past the course page, to the first lesson
    await expect.poll(selectedTab).toContain('Creating health');
    await expect(activePanel(page).getByLabel(/Think of a time/).inputValue()).resolves.toBe(REFLECTION + ADDED);
    await activePanel(page).locator('.hcs-question-result[data-outcome="right"]').waitFor();

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs commands from the palette and switches theme and zoom from the keyboard', async () => {
    const other = await startStudio();
    try {
      const { page, errors } = await newPage(env.browser);
      await page.goto(other.url);
      await page.getByLabel('Your name').waitFor();
      await page.keyboard.type('Lee');
      await press(page, 'Enter');
      await page.getByRole('main', { name: 'Editor' }).waitFor();
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      const fontSize = () => page.evaluate(() => document.documentElement.style.fontSize);
      expect(await theme()).toBe('light'); // follows the system (light here)

      await press(page, 'Control+Shift+P');
      await page.getByRole('combobox', { name: 'Command Palette' }).waitFor();
      await page.keyboard.type('dark theme');
      await page.getByRole('option', { name: /Preferences: Dark Theme/, selected: true }).waitFor();
      await press(page, 'Enter');
      await expect.poll(theme).toBe('dark');

      await press(page, 'Control+Alt+3');
      await expect.poll(theme).toBe('high-contrast');

      await press(page, 'Control+=');
      await expect.poll(fontSize).toBe('110%');
      await press(page, 'Control+-');
      await press(page, 'Control+-');
      await expect.poll(fontSize).toBe('90%');
      await press(page, 'Control+0');
      await expect.poll(fontSize).toBe('100%');

      await press(page, 'Control+B');
      await expect.poll(() => page.getByRole('complementary', { name: 'Side Bar' }).count()).toBe(0);
      await press(page, 'Control+J');
      await page.getByRole('region', { name: 'Panel' }).waitFor();

      // F6 walks the parts from the Panel (where Ctrl+J put focus): Status Bar, Activity Bar,
      // then the Editor (the Side Bar is hidden), and round again; Shift+F6 goes back.
      const part = () => page.evaluate(() => document.activeElement?.closest('nav, aside, main, section, footer')?.getAttribute('aria-label'));
      await expect.poll(part).toBe('Panel');
      for (const expected of ['Status Bar', 'Activity Bar', 'Editor', 'Panel']) {
        await press(page, 'F6');
        await expect.poll(part).toBe(expected);
      }
      await press(page, 'Shift+F6');
      await expect.poll(part).toBe('Editor');

      // The application menu lists the same commands; arrows move in it, Escape returns to its button.
      await tabTo(page, '.wb-appmenu > button');
      await press(page, 'ArrowDown');
      await expect.poll(() => focused(page).getAttribute('role')).toBe('menuitem');
      await press(page, 'End');
      await expect.poll(() => focused(page).innerText()).toContain('Show Keyboard Shortcuts');
      await press(page, 'Escape');
      await expect.poll(() => focused(page).getAttribute('aria-haspopup')).toBe('menu');

      // Escape closes the palette and puts focus back where it was.
      await press(page, 'Control+Shift+P');
      await page.getByRole('combobox', { name: 'Command Palette' }).waitFor();
      await press(page, 'Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await other.close();
    }
  });
});
