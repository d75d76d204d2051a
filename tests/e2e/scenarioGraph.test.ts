// The Scenario Graph in real Chromium against browser mode, by mouse and by keyboard
// alone: an author's scenario with a node nothing leads to and a choice to a node that
// does not exist is drawn with both marked in words; a node asks for its source at its
// line; Play from Here starts a preview at a chosen node with chosen values; and axe
// finds nothing serious on the graph in any theme.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { launchChromium, newPage } from './helpers/chromium';
import { SAMPLE_COURSE, startStudio, type TestStudio } from './helpers/studio';
import { activePanel, createProfile, focused, tabTo } from './helpers/workbench';

const FILE = 'modules/health-creating-practice/what-matters.scenario.yaml';

let browser: Browser;
let studio: TestStudio;
let pack: string;
// One author and one page for the file (axe needs its script let in past the CSP).
let page: Page;
let errors: string[];

beforeAll(async () => {
  // The author's own copy of the sample pack, with two mistakes in its scenario: a node
  // no choice leads to, and a choice to a node that was never written.
  pack = path.join(await mkdtemp(path.join(os.tmpdir(), 'hcs-graph-')), 'sample');
  await cp(SAMPLE_COURSE, pack, { recursive: true });
  const file = path.join(pack, FILE);
  const text = await readFile(file, 'utf8');
  const broken = text.replace(
    '        to: drifting\n  group:',
    [
      '        to: drifting',
      '      - id: phone',
      '        text: Phone her daughter.',
      '        to: daughter-call',
      '  home-visit:',
      '    text: A visit to her home that no choice leads to.',
      '    choices:',
      '      - id: back',
      '        text: Go back to the surgery.',
      '        to: listening',
      '  group:',
    ].join('\n'),
  );
  expect(broken).not.toBe(text);
  await writeFile(file, broken);
  [browser, studio] = await Promise.all([launchChromium(), startStudio({ courses: [pack] })]);
  ({ page, errors } = await newPage(browser, { bypassCSP: true }));
  await createProfile(page, studio.url, 'Owain');
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await studio?.close();
  await rm(path.dirname(pack), { recursive: true, force: true });
});

/** The graph region of the tab in front. */
const graphOf = (page: Page) => activePanel(page).getByRole('region', { name: 'Scenario Graph' });
const nodeButton = (page: Page, name: RegExp) => graphOf(page).getByRole('group', { name: 'Nodes' }).getByRole('button', { name });

/** The text of the line the caret is on in the focused source editor, and the caret's 1-based column. */
function caretLine(page: Page): Promise<{ text: string; column: number } | undefined> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    const node = selection?.focusNode;
    const line = (node instanceof Element ? node : node?.parentElement)?.closest('.cm-line');
    if (!line || !selection) return undefined;
    const range = document.createRange();
    range.setStart(line, 0);
    range.setEnd(selection.focusNode!, selection.focusOffset);
    return { text: line.textContent ?? '', column: range.toString().length + 1 };
  });
}

/** Presses Tab until a button whose text starts with `text` has focus. */
async function tabToButton(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((t) => document.activeElement?.tagName === 'BUTTON' && (document.activeElement.textContent ?? '').trim().startsWith(t), text)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the button "${text}".`);
}

describe('the Scenario Graph', () => {
  it('marks the unreachable node and the choice to a missing node, and a click asks for the source at the node', async () => {
    await page.keyboard.press('Control+Alt+Shift+G');
    await page.getByRole('region', { name: 'Scenario Graphs' }).getByRole('button', { name: 'What matters to you?' }).click();
    const graph = graphOf(page);
    await graph.waitFor();
    expect(await graph.getByRole('heading', { level: 2 }).innerText()).toBe('What matters to you?');

    // Unreachable, said in words on the node and in its accessible name.
    const orphan = nodeButton(page, /^Node home-visit\b.*Unreachable$/);
    expect(await orphan.count()).toBe(1);
    expect(await orphan.innerText()).toContain('Unreachable');
    // The choice to a missing node: marked on the node it leaves, drawn to a dashed box, and said in the outline.
    const repeat = nodeButton(page, /^Node repeat-visit\b.*Goes to a missing node$/);
    expect(await repeat.count()).toBe(1);
    expect(await graph.locator('.sg-ghost').innerText()).toMatch(/Missing node\s+daughter-call/i);
    await graph.getByText('Outline of nodes and choices (text)').click();
    await graph.locator('.sg-outline').getByText('“Phone her daughter.” goes to daughter-call, which does not exist.').waitFor();
    expect(await repeat.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toContain('“Phone her daughter.” goes to daughter-call, which does not exist.');
    // Start and endings are told apart by words as well as shape.
    expect(await nodeButton(page, /^Start waiting-room\b/).count()).toBe(1);
    expect(await nodeButton(page, /^Ending \(positive\) group\b/).count()).toBe(1);
    expect(await nodeButton(page, /^Ending \(negative\) drifting\b/).count()).toBe(1);

    // A click opens the scenario's source at the node (author.openSource), with the caret on its key.
    await orphan.click();
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe(`Source: ${FILE}`);
    await expect.poll(() => caretLine(page)).toEqual({ text: '  home-visit:', column: 3 });
    await page.getByRole('tab', { name: /Graph: what-matters/ }).click();
    // The details beside the graph follow the click.
    expect(await graph.getByRole('complementary').getByRole('heading', { level: 3 }).innerText()).toBe('Node: home-visit');
    expect(errors).toEqual([]);
  });

  it('is used by keyboard alone: arrows move between nodes, Enter asks for the source, Play from Here starts a preview with the values set', async () => {
    // Every tab closed, then the graph opened again from the keyboard through the Scenario Graphs list.
    const editorTabs = page.locator('.wb-tabs[role="tablist"]').getByRole('tab');
    expect(await editorTabs.count()).toBeGreaterThan(1);
    for (let i = 0; i < 10 && (await editorTabs.count()) > 0; i++) await page.keyboard.press('Control+W');
    expect(await editorTabs.count()).toBe(0);
    await page.keyboard.press('Control+Alt+Shift+G');
    await page.getByRole('region', { name: 'Scenario Graphs' }).getByRole('button', { name: 'What matters to you?' }).waitFor();
    await tabTo(page, '.sg-index button');
    await page.keyboard.press('Enter');
    await graphOf(page).waitFor();

    // Tab reaches the graph at its start; Right follows the choices, Left comes back.
    await tabTo(page, '.sg-node');
    expect(await focused(page).getAttribute('data-node')).toBe('waiting-room');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page).getAttribute('data-node')).toBe('listening');
    await page.keyboard.press('ArrowRight');
    expect(['strengths', 'repeat-visit']).toContain(await focused(page).getAttribute('data-node'));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page).getAttribute('aria-label')).toBe(`Source: ${FILE}`);
    await expect.poll(() => caretLine(page)).toMatchObject({ text: expect.stringMatching(/^ {2}(strengths|repeat-visit):$/), column: 3 });
    // Back to the graph from the keyboard: the shortcut, with the scenario's source in front, shows its graph again.
    await page.keyboard.press('Control+Alt+Shift+G');
    await graphOf(page).waitFor();
    await tabTo(page, '.sg-node[tabindex="0"]');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    expect(await focused(page).getAttribute('data-node')).toBe('waiting-room');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page).getAttribute('data-node')).toBe('listening');

    // Play from Here at listening, with trust 4 instead of 0.
    const recorded: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/recordEvent') && recorded.push(r.postData() ?? ''));
    const details = graphOf(page).getByRole('complementary');
    expect(await details.getByRole('heading', { level: 3 }).innerText()).toBe('Node: listening');
    await tabTo(page, '.sg-play-field:last-child input');
    expect(await focused(page).getAttribute('max')).toBe('10');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await details.getByRole('alert').filter({ hasText: 'Trust (trust) must be between 0 and 10, but it is 12.' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');

    const preview = activePanel(page).getByRole('region', { name: 'Play from Here preview' });
    await preview.waitFor();
    expect(await preview.locator('.sg-banner').innerText()).toBe('Preview from node listening with trust 4. Choices here are not recorded as progress.');
    expect(await preview.getByRole('meter', { name: 'Trust' }).getAttribute('aria-valuenow')).toBe('4');
    expect(await preview.getByRole('meter', { name: 'Control' }).getAttribute('aria-valuenow')).toBe('3');
    // Trust 4 + 1 opens the walking group (trust >= 3), which a play from the start with trust 0 + 1 would not.
    await tabToButton(page, 'Ask what she used to enjoy');
    await page.keyboard.press('Enter');
    await tabToButton(page, 'Tell her about the walking group');
    await page.keyboard.press('Enter');
    await preview.getByRole('heading', { name: 'A new routine' }).waitFor();
    // A preview is not progress: none of its choices was sent to be recorded.
    expect(recorded).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe finding on the graph in the light, dark and high-contrast themes', async () => {
    // The preview of the last test is in front: the shortcut maps its file.
    await page.keyboard.press('Control+Alt+Shift+G');
    await graphOf(page).waitFor();
    if ((await graphOf(page).locator('.sg-outline').getAttribute('open')) === null) await graphOf(page).getByText('Outline of nodes and choices (text)').click();
    const found: string[] = [];
    for (const [theme, key] of [['light', 'Control+Alt+1'], ['dark', 'Control+Alt+2'], ['high-contrast', 'Control+Alt+3']] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      found.push(...(await seriousViolations(page, `${theme} / Scenario Graph`)));
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('redraws by itself when the file is mended on disk by another editor', async () => {
    const graph = graphOf(page);
    await graph.waitFor();
    expect(await nodeButton(page, /^Node home-visit\b/).count()).toBe(1);
    const file = path.join(pack, FILE);
    const text = await readFile(file, 'utf8');
    const mended = text
      .replace('        to: daughter-call\n', '        to: drifting\n')
      .replace(/ {2}home-visit:\n(?: {4}.*\n)+?(?= {2}group:)/, '');
    expect(mended).not.toContain('home-visit');
    await writeFile(file, mended);
    await expect.poll(() => nodeButton(page, /^Node home-visit\b/).count(), { timeout: 10_000 }).toBe(0);
    expect(await graph.locator('.sg-file').innerText()).toMatch(/7 nodes, 11 choices; no problems$/);
    expect(await nodeButton(page, /^Node repeat-visit\b/).innerText()).not.toContain('missing');
    expect(errors).toEqual([]);
  });
});
