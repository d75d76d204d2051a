// Takes the README's screenshots of the workbench in real Chromium against browser
// mode over the shipped courses: `npm run build && node tests/e2e/screenshots.mjs`.
// Not a test: it rewrites docs/screenshots/*.png, which are then looked at by eye.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'docs/screenshots');
const { startWebServer } = await import(path.join(root, 'dist/web.mjs'));

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-shots-'));
const server = await startWebServer({ port: 0, dataDir, root, courses: [path.join(root, 'courses')] });
// The same courses plus one with a misspelt field, for the picture of a broken course.
const brokenDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-shots-'));
const withBroken = await startWebServer({ port: 0, dataDir: brokenDir, root, courses: [path.join(root, 'courses'), path.join(root, 'tests/e2e/fixtures/courses/broken-pack')] });
// An author's copy of the sample course whose scenario has a node nothing leads to and a
// choice to a node never written, for the picture of the Scenario Graph.
const authorDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-shots-'));
const authorPack = path.join(authorDir, 'sample');
await cp(path.join(root, 'courses/sample'), authorPack, { recursive: true });
const storyFile = path.join(authorPack, 'modules/health-creating-practice/what-matters.scenario.yaml');
const story = await readFile(storyFile, 'utf8');
await writeFile(
  storyFile,
  story.replace(
    '        to: drifting\n  group:',
    '        to: drifting\n      - id: phone\n        text: Phone her daughter.\n        to: daughter-call\n  home-visit:\n    text: A visit to her home that no choice leads to.\n    choices:\n      - id: back\n        text: Go back to the surgery.\n        to: listening\n  group:',
  ),
);
const authoring = await startWebServer({ port: 0, dataDir: path.join(authorDir, 'data'), root, courses: [authorPack] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const shot = async (name) => {
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };
  const panel = () => page.locator('[role="tabpanel"]:not([hidden])');
  // Two courses may have a lesson of the same name, and a glossary term may share it: pick the option named.
  const quickOpen = async (text, option) => {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(text);
    await page.getByRole('option', { name: option }).first().click();
  };

  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Amara');
  await shot('first-run');
  await page.getByRole('button', { name: 'Create profile' }).click();

  // A new learner lands on the undergraduate course's page.
  await panel().getByRole('heading', { name: 'Health Creation in Practice', level: 1 }).waitFor();
  await shot('course-page');

  // A lesson read to its end, with the way on at its foot.
  await panel().getByRole('button', { name: /^Start: / }).click();
  await panel().locator('.hcs-lesson').waitFor();
  await panel().evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await panel().getByRole('navigation', { name: 'Way forward' }).waitFor();
  await shot('way-forward');

  // A lesson with its reflection written, beside the explorer, and a glossary term explained.
  await quickOpen('social determinants of health', /^The social determinants of health.*Health Creation in Practice/);
  await panel().locator('.hcs-reflection textarea').first().fill('On placement I met a man whose housing was making his asthma worse.');
  await panel().getByRole('button', { name: 'Save to journal' }).click();
  await panel().evaluate((el) => (el.scrollTop = 0));
  await panel().locator('a.hcs-term').first().hover();
  await panel().getByRole('tooltip').waitFor();
  await shot('workbench-lesson');

  // A citation opens the References view, and a reference its source document.
  await page.mouse.move(0, 0);
  await panel().locator('a.hcs-cite').first().click();
  await panel().getByRole('heading', { name: 'References', level: 1 }).waitFor();
  await shot('references');
  await panel().getByRole('button', { name: /Read the document.*A Manifesto for Health Creation/ }).click();
  await panel().getByLabel('Find in this document').fill('control');
  await panel().getByText(/^Match 1 of/).waitFor();
  await shot('source-document');
  await page.keyboard.press('Control+Alt+G');
  await panel().getByRole('heading', { name: 'Glossary', level: 1 }).waitFor();
  await shot('glossary');

  // A scenario part-way through, in the dark theme, with the 3Cs in the status bar.
  await quickOpen('leg ulcer', /^The leg ulcer that will not heal.*Health Creation in Practice/);
  await panel().getByRole('button', { name: /Sit down first and ask Joan/ }).click();
  await page.keyboard.press('Control+Alt+2');
  await shot('scenario-dark');

  // The Progress view's charts.
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.press('Control+Shift+G');
  await page.getByRole('figure', { name: 'Module completion' }).waitFor();
  await shot('progress');

  // The Command Palette and Quick Open.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('theme');
  await shot('command-palette');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.keyboard.type('3cs');
  await shot('quick-open');
  await page.keyboard.press('Escape');

  // High contrast, with the journal Panel open and the explorer.
  await page.keyboard.press('Control+Alt+3');
  await page.keyboard.press('Control+Shift+E');
  await page.getByRole('tab', { name: /The social determinants of health/ }).click();
  await page.keyboard.press('Control+J');
  await page.getByRole('region', { name: 'Panel' }).waitFor();
  await shot('high-contrast-journal');
  await page.keyboard.press('Control+J');

  // The Shortcuts view.
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.press('Control+Alt+K');
  await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
  await shot('shortcuts');
  await page.keyboard.press('Control+W');

  // Search across every course.
  await page.keyboard.press('Control+Shift+F');
  await page.locator('.wb-search input:focus').waitFor();
  await page.keyboard.type('listening');
  await page.getByText(/\d+ results?\./).waitFor();
  await shot('search');

  // Settings, and the export dialog at work.
  await page.keyboard.press('Control+,');
  await page.keyboard.press('Control+Alt+E');
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  await page.getByRole('dialog').getByText(/^Saved to /).waitFor({ timeout: 30_000 });
  await shot('settings-export');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // A phone-sized window: the Side Bar floats over the lesson instead of squeezing it.
  await page.setViewportSize({ width: 400, height: 760 });
  await page.locator('.wb[data-narrow]').waitFor();
  await page.getByRole('tab', { name: /The social determinants of health/ }).click();
  await shot('narrow-lesson');
  await page.keyboard.press('Control+Shift+E');
  await page.getByRole('complementary', { name: 'Side Bar' }).waitFor();
  await shot('narrow-side-bar');
  await page.setViewportSize({ width: 1280, height: 760 });

  // A broken course listed with the reasons it will not load.
  await page.goto(withBroken.url);
  await page.getByLabel('Your name').fill('Amara');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('treeitem', { name: /broken-pack/ }).waitFor();
  await shot('broken-course');

  // The Scenario Graph of a scenario with two mistakes, the unreachable node selected, on a wider screen.
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(authoring.url);
  await page.getByLabel('Your name').fill('Amara');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();
  await page.keyboard.press('Control+B');
  await page.keyboard.press('Control+Alt+Shift+G');
  await page.getByRole('region', { name: 'Scenario Graphs' }).getByRole('button', { name: 'What matters to you?' }).click();
  await panel().locator('[data-node="home-visit"]').focus();
  await shot('scenario-graph');
  await context.close();
} finally {
  await browser.close();
  await Promise.all([server.close(), withBroken.close(), authoring.close()]);
  await rm(authorDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
  await rm(brokenDir, { recursive: true, force: true });
}
