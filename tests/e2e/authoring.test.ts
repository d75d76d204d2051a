// An educator writes a course inside the app, in Chromium against browser mode: a new
// course from the template, a module, a lesson with a quiz and a scenario with two
// endings; four mistakes (a key typo, a choice to a missing node, an unreachable node, a
// bad condition) all in Problems at once with file:line:col; each gone to, fixed, and
// the preview following. Once with the keyboard alone, once with the mouse; then what
// happens when another program changes a file being edited, when a learner's scenario
// loses the node they were at, and when the course is one installed with the app.

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './helpers/chromium';
import { SAMPLE_COURSE, startStudio, type TestStudio } from './helpers/studio';
import { activePanel, createProfile, focused } from './helpers/workbench';

let browser: Browser;
let studio: TestStudio;
let documents: string;
const courses = () => path.join(documents, 'Health Creation Studio', 'Courses');

beforeAll(async () => {
  documents = await mkdtemp(path.join(os.tmpdir(), 'hcs-author-docs-'));
  [browser, studio] = await Promise.all([launchChromium(), startStudio({ courses: [SAMPLE_COURSE], readOnlyCourses: [SAMPLE_COURSE], documents })]);
});

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  await rm(documents, { recursive: true, force: true });
});

/** The source editor of a file (its accessible name is `Source: <path>`). */
const source = (page: Page, file: string) => page.getByRole('textbox', { name: `Source: ${file}` });
/** The rows of the Problems view, as their text. */
const problemRows = (page: Page) => page.getByRole('listbox', { name: 'Problems' }).getByRole('option');

/** Answers the question dialog: types into its text box (when given) and presses Enter. */
async function answer(page: Page, text?: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // The dialog takes focus as it opens; keys pressed before that would go to the editor behind it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') != null)).toBe(true);
  if (text !== undefined) {
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
  }
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

/** Replaces the whole text of the focused source editor, as an author pasting a new version would. */
async function replaceAll(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Replaces the line the caret is on. */
async function replaceLine(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText(text);
}

/** Presses an arrow key in a tree until the focused item is `file`. */
async function arrowTo(page: Page, key: 'ArrowUp' | 'ArrowDown', file: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if ((await focused(page).getAttribute('data-path')) === file) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${file} in the Files view.`);
}

/** The 1-based line and column of the caret in the focused source editor. */
async function caret(page: Page): Promise<{ line: number; column: number } | undefined> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    const node = selection?.focusNode;
    const line = (node instanceof Element ? node : node?.parentElement)?.closest('.cm-line');
    const content = line?.parentElement;
    if (!line || !content || !selection) return undefined;
    const range = document.createRange();
    range.setStart(line, 0);
    range.setEnd(selection.focusNode!, selection.focusOffset);
    return { line: [...content.children].indexOf(line) + 1, column: range.toString().length + 1 };
  });
}

/** Waits until the pack's file on disk holds `pattern`. */
async function onDisk(file: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${file} never came to hold ${pattern}: ${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The scenario with two endings and the four mistakes, as an author might have typed it. */
function brokenScenario(id: string): string {
  return `id: ${id}
title: Waiting room
summary: A patient comes back with the same pain.
focus: Mrs Adeyemi, who lives alone
outcomes: []
initial: { control: 3, contact: 3, confidence: 3 }
start: opening
nodes:
  opening:
    text: |
      Mrs Adeyemi is back for the third time this month.
    choices:
      - id: listen
        text: Ask what matters to her.
        to: good-ending
        when: control => 1
        effects: { control: 1, confidence: 1 }
      - id: tell
        text: Tell her what to do.
        to: poor-ending
        effects: { control: -1 }
      - id: wait
        text: Wait for her to speak.
        to: silence
  good-ending:
    ending:
      title: Heard
      kind: positive
      debrief: |
        She was asked what matters to her.
  poor-ending:
    ending:
      title: Told
      kind: negative
      debrief: |
        She was told what to do.
  aside:
    ending:
      title: Nowhere
      kind: mixed
      debrief: |
        No choice leads here.
`;
}

describe('authoring in the workbench', () => {
  it('lets an author write a course with the keyboard alone, see four problems at once, go to each with F8, fix it and watch the preview follow', { timeout: 120_000 }, async () => {
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Ada');

    // New Course from the palette.
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('New Course');
    await page.getByRole('option', { name: /New Course/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await answer(page, 'Keyboard Course');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe('Source: course.yaml');
    const root = path.join(courses(), (await readdir(courses())).find((n) => n.startsWith('keyboard-course'))!);

    // A module, a lesson with a quiz and a scenario with two endings, each from its shortcut.
    await page.keyboard.press('Control+Alt+Shift+M');
    await answer(page, 'Listening');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toMatch(/^Source: modules\/listening\//);
    await page.keyboard.press('Control+Alt+Shift+L');
    await answer(page, 'What matters');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toMatch(/^Source: modules\/listening\/.*what-matters.*\.md$/);
    const lessonFile = (await focused(page).getAttribute('aria-label'))!.slice('Source: '.length);
    await expect.poll(() => activePanel(page).getByRole('region', { name: `Preview of ${lessonFile}` }).getByRole('heading', { name: 'What matters' }).count()).toBe(1);

    await page.keyboard.press('Control+Alt+Shift+S');
    await answer(page, 'Waiting room');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toMatch(/\.scenario\.yaml$/);
    const scenarioFile = (await focused(page).getAttribute('aria-label'))!.slice('Source: '.length);
    const scenarioId = /^id: (.+)$/m.exec(await readFile(path.join(root, scenarioFile), 'utf8'))![1]!;

    // Four mistakes: the scenario's three, then a key typo in the lesson's front matter.
    await replaceAll(page, brokenScenario(scenarioId));
    await page.keyboard.press('Control+S');
    await onDisk(path.join(root, scenarioFile), /aside:/);
    // Back to the lesson through the Files view: Ctrl+Alt+A focuses it at the file in front.
    await page.keyboard.press('Control+Alt+A');
    await expect.poll(() => focused(page).getAttribute('data-path')).toBe(scenarioFile);
    await arrowTo(page, 'ArrowUp', lessonFile);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe(`Source: ${lessonFile}`);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await replaceLine(page, 'minuts: 15');

    // All four at once, with file:line:col, from the Problems view (Ctrl+Shift+M).
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => problemRows(page).count(), { timeout: 10_000 }).toBe(4);
    expect(await problemRows(page).allInnerTexts()).toEqual([
      `Error\nunknown field \`minuts\` in the lesson front matter: did you mean \`minutes\`? expected one of \`id\`, \`title\`, \`minutes\`, \`outcomes\`\nHCS006\n${lessonFile}:4:1`,
      `Error\nthe condition of choice 'listen' is invalid: '=>' is not an operator: did you mean '>='?\nHCS015\n${scenarioFile}:16:23`,
      `Error\nchoice 'wait' goes to node 'silence', which does not exist\nHCS017\n${scenarioFile}:24:13`,
      `Error\nending 'aside' is never reached: no sequence of choices from 'opening' leads to it\nHCS020\n${scenarioFile}:37:3`,
    ]);
    await expect.poll(() => page.getByTestId('status-problems').innerText()).toMatch(/^4\s*errors?,?\s*0/);
    const lessonPreview = page.getByRole('region', { name: `Preview of ${lessonFile}` });
    const banner = lessonPreview.getByRole('status').filter({ hasText: 'Showing the last version' });
    await expect.poll(() => banner.innerText()).toContain('Showing the last version without errors. First problem: unknown field `minuts`');

    // F8 goes to each in turn; each is fixed where the caret lands.
    const goNext = async (file: string, line: number, column: number) => {
      await page.keyboard.press('F8');
      await expect.poll(() => focused(page).getAttribute('aria-label')).toBe(`Source: ${file}`);
      await expect.poll(() => caret(page)).toEqual({ line, column });
    };
    await goNext(lessonFile, 4, 1);
    await replaceLine(page, 'minutes: 15');
    await expect.poll(() => problemRows(page).count()).toBe(3);
    await page.keyboard.press('Control+S');
    await onDisk(path.join(root, lessonFile), /^minutes: 15$/m);

    await goNext(scenarioFile, 16, 23);
    await replaceLine(page, '        when: control >= 1');
    await expect.poll(() => problemRows(page).count()).toBe(2);
    await goNext(scenarioFile, 24, 13);
    await replaceLine(page, '        to: poor-ending');
    await expect.poll(() => problemRows(page).count()).toBe(1);
    await goNext(scenarioFile, 37, 3);
    // The unreachable ending goes: from its line to the end of the file.
    await page.keyboard.press('Home');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+End');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByText('No problems: every file reads as it should.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('status-problems').innerText()).toMatch(/^0\s*errors?,?\s*0/);

    // The preview beside the scenario now plays the text as written, with no banner.
    const scenarioPreview = page.getByRole('region', { name: `Preview of ${scenarioFile}` });
    await expect.poll(() => scenarioPreview.getByText('Mrs Adeyemi is back for the third time this month.').count()).toBe(1);
    expect(await scenarioPreview.getAttribute('data-stale')).toBe('false');
    await expect.poll(() => scenarioPreview.getByRole('button', { name: 'Ask what matters to her.' }).count()).toBe(1);

    // The tab shows unsaved text until Ctrl+S, which writes the file.
    expect(await page.getByRole('tab', { name: /waiting-room\.scenario\.yaml\s*, not saved/ }).count()).toBe(1);
    await page.keyboard.press('Control+S');
    const saved = await onDisk(path.join(root, scenarioFile), /when: control >= 1/);
    expect(saved).not.toContain('aside');
    await expect.poll(() => page.getByRole('tab', { name: /waiting-room\.scenario\.yaml\s*, not saved/ }).count()).toBe(0);
    // Ctrl+Z undoes in the editor.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByRole('tab', { name: /waiting-room\.scenario\.yaml\s*, not saved/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
