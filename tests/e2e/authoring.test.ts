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
import { activePanel, caret, createProfile, focused } from './helpers/workbench';

let browser: Browser;
let documents: string;
const studios: TestStudio[] = [];
const courses = () => path.join(documents, 'Health Creation Studio', 'Courses');

beforeAll(async () => {
  documents = await mkdtemp(path.join(os.tmpdir(), 'hcs-author-docs-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(studios.map((s) => s.close()));
  await rm(documents, { recursive: true, force: true });
});

/** A studio of its own for each test (its own learners), over the shipped sample course, read-only as an installed app's, and the shared documents folder. */
async function freshStudio(): Promise<TestStudio> {
  const studio = await startStudio({ courses: [SAMPLE_COURSE], readOnlyCourses: [SAMPLE_COURSE], documents });
  studios.push(studio);
  return studio;
}

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

/** Runs a command from the palette (Ctrl+Shift+P), typing once its box has focus. */
async function runFromPalette(page: Page, query: string, option: RegExp): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') != null)).toBe(true);
  await page.keyboard.type(query);
  await page.getByRole('option', { name: option, selected: true }).waitFor();
  await page.keyboard.press('Enter');
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
    // A frame for the tree to show rows a folder just opened (ArrowRight) before moving on.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    if ((await focused(page).getAttribute('data-path')) === file) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${file} in the Files view.`);
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
    const studio = await freshStudio();
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Ada');

    // New Course from the palette.
    await runFromPalette(page, 'New Course', /New Course/);
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
    // Before the fix, the Scenario Graph of the file in front (Ctrl+Alt+Shift+G) marks the
    // ending no path reaches and the choice to a node that is not there, in words.
    await page.keyboard.press('Control+Alt+Shift+G');
    const graphNodes = activePanel(page).getByRole('region', { name: 'Scenario Graph' }).getByRole('group', { name: 'Nodes' });
    await graphNodes.getByRole('button', { name: /^Ending \(mixed\) aside\b.*Ending never reached$/ }).waitFor();
    expect(await graphNodes.getByRole('button', { name: /^Start opening\b/ }).innerText()).toContain('Goes to a missing node');
    await page.keyboard.press('Control+W');
    await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toContain(scenarioFile.slice(scenarioFile.lastIndexOf('/') + 1));
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
    // Play from Here, by keyboard: the graph of the file in front, its start, control set to 0,
    // so the choice open only when control >= 1 is not offered in the preview.
    await page.keyboard.press('Control+Alt+Shift+G');
    const graph = activePanel(page).getByRole('region', { name: 'Scenario Graph' });
    await graph.waitFor();
    await page.keyboard.press('Control+1');
    for (let i = 0; i < 20 && (await focused(page).getAttribute('data-node')) === null; i++) await page.keyboard.press('Tab');
    expect(await focused(page).getAttribute('data-node')).toBe('opening');
    for (let i = 0; i < 40 && !(await focused(page).evaluate((el) => el.matches('.sg-play-field input'))); i++) await page.keyboard.press('Tab');
    expect(await graph.getByLabel('Control (0–10)').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    const played = activePanel(page).getByRole('region', { name: 'Play from Here preview' });
    await played.getByRole('button', { name: 'Tell her what to do.' }).waitFor();
    expect(await played.getByRole('meter', { name: 'Control' }).getAttribute('aria-valuenow')).toBe('0');
    expect(await played.getByRole('button', { name: 'Ask what matters to her.' }).count()).toBe(0);
    await page.getByRole('tab', { name: /waiting-room\.scenario\.yaml/ }).click();
    await source(page, scenarioFile).click();

    // Ctrl+Z undoes in the editor.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByRole('tab', { name: /waiting-room\.scenario\.yaml\s*, not saved/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('lets an author do the same with the mouse: Files view buttons, a click on a problem to go to it, and the preview beside the source', { timeout: 120_000 }, async () => {
    const studio = await freshStudio();
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Bo');
    await page.getByRole('button', { name: 'Author' }).click();
    const files = page.getByRole('complementary').first();
    await files.getByRole('button', { name: 'New Course' }).click();
    await page.getByLabel('Title of the course').fill('Mouse Course');
    await page.getByRole('button', { name: 'Create Course' }).click();
    await source(page, 'course.yaml').waitFor();
    const root = path.join(courses(), (await readdir(courses())).find((n) => n.startsWith('mouse-course'))!);

    await files.getByRole('button', { name: 'New Module' }).click();
    await page.getByLabel('Title of the module').fill('Groups');
    await page.getByRole('button', { name: 'Create Module' }).click();
    await page.getByRole('treeitem', { name: 'groups' }).waitFor();
    await files.getByRole('button', { name: 'New Scenario' }).click();
    await page.getByLabel('Title of the scenario').fill('Group visit');
    await page.getByRole('button', { name: 'Create Scenario' }).click();
    const scenarioFile = 'modules/groups/group-visit.scenario.yaml';
    await source(page, scenarioFile).waitFor();
    await page.getByRole('treeitem', { name: 'group-visit.scenario.yaml' }).waitFor();
    const preview = page.getByRole('region', { name: `Preview of ${scenarioFile}` });
    await expect.poll(() => preview.getByRole('button', { name: 'Ask what matters to them.' }).count()).toBe(1);

    // A choice to a node that is not there (which leaves the ending it went to unreachable): the Status Bar counts both, a click lists them.
    await source(page, scenarioFile).click();
    const text = await readFile(path.join(root, scenarioFile), 'utf8');
    await replaceAll(page, text.replace('to: poor-ending', 'to: poor-endng'));
    await expect.poll(() => page.getByTestId('status-problems').innerText()).toMatch(/^2\s*errors/);
    await page.getByTestId('status-problems').click();
    const row = problemRows(page).filter({ hasText: 'HCS017' });
    await row.waitFor();
    expect(await row.innerText()).toContain(`choice 'tell' goes to node 'poor-endng', which does not exist`);
    expect(await row.innerText()).toMatch(new RegExp(`${scenarioFile.replace(/\./g, '\\.')}:\\d+:\\d+$`));
    expect(await problemRows(page).filter({ hasText: `ending 'poor-ending' is never reached` }).count()).toBe(1);
    const [, line, column] = /:(\d+):(\d+)$/.exec(await row.innerText())!;
    expect(await preview.getAttribute('data-stale')).toBe('true');

    // A click on the problem puts the caret on it, in the editor.
    await source(page, 'course.yaml').isVisible();
    await page.getByRole('tab', { name: 'course.yaml' }).click();
    await row.click();
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe(`Source: ${scenarioFile}`);
    await expect.poll(() => caret(page)).toEqual({ line: Number(line), column: Number(column) });
    await replaceLine(page, '        to: poor-ending');
    await expect.poll(() => page.getByTestId('status-problems').innerText()).toMatch(/^0\s*errors?/);
    await expect.poll(() => preview.getAttribute('data-stale')).toBe('false');
    await page.keyboard.press('Control+S');
    await onDisk(path.join(root, scenarioFile), /to: poor-ending/);
    expect(errors).toEqual([]);
  });

  it('keeps a course installed with the app as shipped, offers Save a Copy, and raises a conflict notice when another program changes a file being edited', { timeout: 120_000 }, async () => {
    const studio = await freshStudio();
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Cy');
    await page.keyboard.press('Control+Alt+A');
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Health Creation: a first look' });
    await page.getByRole('note').getByText('stays as shipped').waitFor();
    await page.getByRole('treeitem', { name: 'course.yaml' }).click();
    await source(page, 'course.yaml').waitFor();
    expect(await source(page, 'course.yaml').getAttribute('aria-readonly')).toBe('true');

    // Ctrl+S on a shipped course offers the copy; the copy opens at the same file, editable.
    await page.keyboard.press('Control+S');
    await page.getByRole('dialog', { name: 'Save a copy to edit?' }).waitFor();
    await page.getByRole('button', { name: 'Save a Copy', exact: true }).click();
    await expect.poll(() => page.getByLabel('Course', { exact: true }).locator('option:checked').innerText()).toMatch(/\(my copy( \d+)?\)$/);
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe('Source: course.yaml');
    expect(await focused(page).getAttribute('aria-readonly')).toBeNull();
    const copyRoot = path.join(courses(), (await readdir(courses())).find((n) => n.startsWith('sample'))!);
    const file = path.join(copyRoot, 'course.yaml');
    expect(await readFile(file, 'utf8')).toMatch(/\(my copy( \d+)?\)/);

    // Unsaved edits here, and another editor writes the file: a conflict, never a silent overwrite.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# mine\n');
    const theirs = `${await readFile(file, 'utf8')}# theirs\n`;
    await writeFile(file, theirs);
    const notice = page.getByRole('alert', { name: 'Conflict' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('"course.yaml" was changed on disk (by another editor, or git) while you were editing it here');
    await notice.getByRole('button', { name: 'Compare' }).click();
    const compare = page.getByRole('region', { name: 'Compare your version of course.yaml with the one on disk' });
    await compare.waitFor();
    expect(await compare.getByRole('textbox', { name: 'Your version of course.yaml' }).innerText()).toContain('# mine');
    expect(await compare.getByRole('textbox', { name: 'The version of course.yaml on disk' }).innerText()).toContain('# theirs');
    // Ctrl+S does not write over theirs while the conflict stands.
    await page.keyboard.press('Control+S');
    await new Promise((r) => setTimeout(r, 300));
    expect(await readFile(file, 'utf8')).toBe(theirs);
    await notice.getByRole('button', { name: 'Keep Mine' }).click();
    await onDisk(file, /# mine\n$/);
    expect(await readFile(file, 'utf8')).not.toContain('# theirs');
    await notice.waitFor({ state: 'detached' });

    // Once more, and this time the disk's version is taken into the editor.
    await source(page, 'course.yaml').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# mine again\n');
    await writeFile(file, `${await readFile(file, 'utf8')}# theirs again\n`);
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Take Theirs' }).click();
    await expect.poll(() => source(page, 'course.yaml').innerText()).toContain('# theirs again');
    expect(await source(page, 'course.yaml').innerText()).not.toContain('# mine again');
    expect(await page.getByRole('tab', { name: /course\.yaml\s*, not saved/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a learner part-way through a scenario a sentence, not a blank tab, when its author renames the node they were at', { timeout: 120_000 }, async () => {
    const studio = await freshStudio();
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Di');
    await page.keyboard.press('Control+Alt+A');
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Health Creation: a first look' });
    await runFromPalette(page, 'Save a Copy of This Course', /Author: .*to Edit/);
    await expect.poll(() => page.getByLabel('Course', { exact: true }).locator('option:checked').innerText()).toMatch(/\(my copy( \d+)?\)$/);
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe('Source: course.yaml');
    const title = await page.getByLabel('Course', { exact: true }).locator('option:checked').innerText();
    let copyRoot = '';
    for (const name of await readdir(courses())) {
      if ((await readFile(path.join(courses(), name, 'course.yaml'), 'utf8').catch(() => '')).includes(title)) copyRoot = path.join(courses(), name);
    }
    const scenarioFile = path.join(copyRoot, 'modules/health-creating-practice/what-matters.scenario.yaml');
    expect(await readFile(path.join(copyRoot, 'course.yaml'), 'utf8')).toContain(title);

    // The learner plays the copy's scenario one choice in.
    await page.keyboard.press('Control+P');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') != null)).toBe(true);
    await page.keyboard.type('What matters to you');
    await page.getByRole('option').filter({ hasText: `Scenario · Health-creating practice · ${title}` }).click();
    await activePanel(page).getByRole('button', { name: 'Ask her what matters most to her at the moment.' }).click();
    await activePanel(page).locator('[data-node-id="listening"]').waitFor();

    // Edit Source (Ctrl+Alt+O) opens the file at the node the learner is at.
    await page.keyboard.press('Control+Alt+O');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe('Source: modules/health-creating-practice/what-matters.scenario.yaml');
    const lines = (await readFile(scenarioFile, 'utf8')).split('\n');
    await expect.poll(() => caret(page)).toEqual({ line: lines.findIndex((l) => l === '  listening:') + 1, column: 3 });

    // Another editor renames the node; the learner's tab says what happened.
    await writeFile(scenarioFile, lines.join('\n').replace(/^ {2}listening:$/m, '  listening-two:').replace(/to: listening$/gm, 'to: listening-two'));
    await page.getByRole('tab', { name: /What matters to you/ }).click();
    const sentence = activePanel(page).getByRole('status').filter({ hasText: 'has changed since you were last here' });
    await sentence.waitFor({ timeout: 10_000 });
    expect(await sentence.innerText()).toBe(
      '"What matters to you?" has changed since you were last here: the part of the story you had reached ("listening") is no longer in it, so the story starts again from the beginning.',
    );
    await activePanel(page).getByRole('button', { name: 'Ask her what matters most to her at the moment.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('renames a file with F2 and deletes one with Delete in the Files view, keeping its source tab in step', { timeout: 120_000 }, async () => {
    const studio = await freshStudio();
    const { page, errors } = await newPage(browser);
    await createProfile(page, studio.url, 'Ed');
    await page.keyboard.press('Control+Alt+Shift+C');
    await answer(page, 'Files Course');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe('Source: course.yaml');
    const root = path.join(courses(), (await readdir(courses())).find((n) => n.startsWith('files-course'))!);
    const lesson = 'modules/first-module/01-first-lesson.md';

    // Open the lesson from the Files view with the keyboard.
    await page.keyboard.press('Control+Alt+A');
    await expect.poll(() => focused(page).getAttribute('data-path')).toBe('course.yaml');
    await arrowTo(page, 'ArrowUp', 'modules');
    await page.keyboard.press('ArrowRight');
    await arrowTo(page, 'ArrowDown', 'modules/first-module');
    await page.keyboard.press('ArrowRight');
    await arrowTo(page, 'ArrowDown', lesson);
    await page.keyboard.press('Enter');
    await source(page, lesson).waitFor();

    // F2 renames it; the open tab follows the file to its new name.
    await page.keyboard.press('Control+Alt+A');
    await expect.poll(() => focused(page).getAttribute('data-path')).toBe(lesson);
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: 'Rename 01-first-lesson.md' }).waitFor();
    expect(await page.getByLabel('New name').inputValue()).toBe('01-first-lesson.md');
    await answer(page, '01-welcome.md');
    const renamed = 'modules/first-module/01-welcome.md';
    await source(page, renamed).waitFor();
    await expect.poll(() => readdir(path.join(root, 'modules/first-module'))).toEqual(expect.arrayContaining(['01-welcome.md']));
    expect(await readdir(path.join(root, 'modules/first-module'))).not.toContain('01-first-lesson.md');
    expect(await page.getByRole('tab', { name: /01-first-lesson\.md/ }).count()).toBe(0);
    // module.yaml still names the old file: Problems says so, at module.yaml.
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => problemRows(page).allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/01-first-lesson\.md[\s\S]*modules\/first-module\/module\.yaml:\d+:\d+$/)]));

    // Delete asks first, then deletes the file and closes its tab.
    await page.keyboard.press('Control+Alt+A');
    await expect.poll(() => focused(page).getAttribute('data-path')).toBe(renamed);
    await page.keyboard.press('Delete');
    await page.getByRole('dialog', { name: `Delete ${renamed}?` }).waitFor();
    await answer(page);
    await expect.poll(() => readdir(path.join(root, 'modules/first-module'))).not.toContain('01-welcome.md');
    await expect.poll(() => source(page, renamed).count()).toBe(0);
    await expect.poll(() => page.getByRole('treeitem', { name: '01-welcome.md' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
