// Takes the README's pictures of authoring in real Chromium against browser mode, over a
// copy of the sample course made with Save a Copy: `npm run build && node tests/e2e/authoringScreenshots.mjs`.
// Not a test: it rewrites docs/screenshots/authoring-*.png, which are then looked at by eye.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'docs/screenshots');
const sample = path.join(root, 'courses/sample');
const { startWebServer } = await import(path.join(root, 'dist/web.mjs'));

const work = await mkdtemp(path.join(os.tmpdir(), 'hcs-author-shots-'));
const documents = path.join(work, 'documents');
const server = await startWebServer({ port: 0, dataDir: path.join(work, 'data'), root, courses: [sample], readOnlyCourses: [sample], documents });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const SCENARIO = 'modules/health-creating-practice/what-matters.scenario.yaml';

try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };

  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Kwame');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();

  // The shipped course stays as shipped: Save a Copy, then edit the copy's scenario.
  await page.keyboard.press('Control+Alt+A');
  await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Health Creation: a first look' });
  await page.getByRole('button', { name: 'Save a Copy to Edit' }).click();
  await page.getByRole('button', { name: 'Save a Copy', exact: true }).click();
  await page.getByRole('treeitem', { name: 'health-creating-practice' }).click();
  await page.getByRole('treeitem', { name: 'what-matters.scenario.yaml' }).click();
  const editor = page.getByRole('textbox', { name: `Source: ${SCENARIO}` });
  await editor.waitFor();

  // A choice sent to a node that is not there: a squiggle, the Problems view, the preview kept with a banner.
  await editor.locator('.cm-line', { hasText: 'to: listening' }).first().click();
  // Home twice: to the line's indentation, then to its start.
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText('        to: listning');
  await page.keyboard.press('Control+Shift+M');
  await page.getByRole('listbox', { name: 'Problems' }).getByRole('option').first().waitFor();
  await page.getByRole('listbox', { name: 'Problems' }).getByRole('option').first().click();
  await shot('authoring-problems');

  // Another editor changes the file while it has unsaved edits: the conflict notice, comparing the two.
  await page.keyboard.press('Control+Alt+2');
  const copyRoot = path.join(documents, 'Health Creation Studio', 'Courses');
  const [folder] = await readdir(copyRoot);
  const file = path.join(copyRoot, folder, SCENARIO);
  await writeFile(file, (await readFile(file, 'utf8')).replace('title: What matters to you?', 'title: What matters to you most?'));
  await page.getByRole('alert', { name: 'Conflict' }).waitFor();
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('region', { name: /^Compare your version/ }).waitFor();
  await shot('authoring-conflict-dark');
  await context.close();
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
