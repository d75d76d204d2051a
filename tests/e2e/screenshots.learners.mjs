// Takes the README's screenshots of learners on a shared computer and of a learning
// record, in real Chromium against browser mode over the sample course:
// `npm run build && node tests/e2e/screenshots.learners.mjs`. Not a test: it rewrites
// docs/screenshots/learner-*.png and learning-record-*.png, which are then looked at by eye.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'docs/screenshots');
const { startWebServer } = await import(path.join(root, 'dist/web.mjs'));

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-shots-'));
const scratch = await mkdtemp(path.join(os.tmpdir(), 'hcs-shots-'));
const server = await startWebServer({ port: 0, dataDir, root, courses: [path.join(root, 'courses/sample')] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  // Headless Chromium has no print dialog; the record page's own call to it is let pass.
  await context.addInitScript(() => {
    window.print = () => {};
  });
  const page = await context.newPage();
  const shot = async (name) => {
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };
  const panel = () => page.locator('[role="tabpanel"]:not([hidden])');
  const tree = (name) => page.getByRole('treeitem', { name }).locator(':scope > .wb-tree-row');
  const readToEnd = () => panel().evaluate((el) => el.scrollTo(0, el.scrollHeight));

  // Two learners: Ben, and Amara, who keeps her work behind a PIN.
  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Ben');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();
  await page.keyboard.press('Control+Alt+L');
  await page.getByRole('dialog', { name: 'Switch learner' }).getByLabel('Your name').fill('Amara Okafor');
  await page.getByRole('button', { name: 'Create profile and switch' }).click();
  await page.getByRole('button', { name: /Learner: Amara/ }).waitFor();

  // Amara studies the whole sample course.
  await tree(/^Health Creation: a first look/).click();
  await tree(/^What is Health Creation\?/).click();
  await tree(/^Creating health, not only treating illness/).click();
  await panel().getByLabel(/gain purpose, hope, mastery and control/).check();
  await panel().getByRole('button', { name: 'Check answer' }).click();
  await panel().getByLabel(/Think of a time/).fill('My neighbour kept well after her stroke because the choir came to her, week after week.');
  await panel().getByRole('button', { name: 'Save to journal' }).click();
  await panel().locator('.hcs-save-status[data-state="saved"]').waitFor();
  await readToEnd();
  await tree(/^Control, contact and confidence/).click();
  for (const option of ['Control', 'Contact', 'Confidence']) await panel().getByLabel(option, { exact: true }).check();
  await panel().getByRole('button', { name: 'Check answer' }).click();
  await readToEnd();
  await tree(/^Health-creating practice/).click();
  await tree(/^The features of health-creating practice/).click();
  await panel().getByLabel('Strengths-focus', { exact: true }).check();
  await panel().getByRole('button', { name: 'Check answer' }).click();
  await panel().getByLabel(/Which feature of health-creating practice/).fill('Power-shifting: on a busy ward the plan is often made before anyone asks the patient what matters to them.');
  await panel().getByRole('button', { name: 'Save to journal' }).click();
  await panel().locator('.hcs-save-status[data-state="saved"]').waitFor();
  await readToEnd();
  await tree(/^Scenario: What matters to you\?/).click();
  await panel().getByRole('button', { name: /Ask her what matters most/ }).click();
  await panel().getByRole('button', { name: /Ask what she used to enjoy/ }).click();
  await panel().getByRole('button', { name: /walking group/ }).click();
  await panel().getByRole('region', { name: 'Ending: A new routine' }).waitFor();

  // Her PIN, set in Settings.
  await page.keyboard.press('Control+,');
  await page.getByRole('button', { name: 'Protect my work with a PIN…' }).click();
  const pinDialog = page.getByRole('dialog', { name: 'Protect your work with a PIN' });
  await pinDialog.getByLabel('New PIN', { exact: true }).fill('2580');
  await pinDialog.getByLabel('New PIN again').fill('2508');
  await pinDialog.getByRole('button', { name: 'Set PIN' }).click();
  await pinDialog.getByRole('alert').waitFor();
  await shot('learner-pin-dialog');
  await pinDialog.getByLabel('New PIN again').fill('2580');
  await pinDialog.getByRole('button', { name: 'Set PIN' }).click();
  await pinDialog.getByRole('status').waitFor();
  await pinDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // Her record: the dialog, then the PDF Chromium prints from the page it opens.
  await page.keyboard.press('Control+Alt+P');
  const recordDialog = page.getByRole('dialog', { name: 'Export my learning record' });
  const [record] = await Promise.all([context.waitForEvent('page'), recordDialog.getByRole('button', { name: 'Save my learning record as PDF' }).click()]);
  await record.waitForLoadState();
  await recordDialog.getByRole('status').waitFor();
  await shot('learning-record-dialog');
  await record.emulateMedia({ media: 'print' });
  const pdf = path.join(scratch, 'record.pdf');
  await writeFile(pdf, await record.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(scratch, 'page')]);
  const pages = (await readdir(scratch)).filter((f) => f.startsWith('page-')).sort();
  await rename(path.join(scratch, pages[0]), path.join(out, 'learning-record-page-1.png'));
  await rename(path.join(scratch, pages.at(-1)), path.join(out, 'learning-record-certificate.png'));
  console.log('docs/screenshots/learning-record-page-1.png\ndocs/screenshots/learning-record-certificate.png');
  await record.close();
  await page.keyboard.press('Escape');

  // The next person at the computer: the names are buttons, and Amara's asks for her PIN.
  await page.reload();
  await page.getByRole('heading', { name: 'Who is studying?' }).waitFor();
  await page.getByRole('button', { name: /Amara Okafor/ }).waitFor();
  await shot('learner-picker');
  await page.getByRole('button', { name: /Amara Okafor/ }).click();
  await page.getByLabel('PIN', { exact: true }).fill('1234');
  await page.getByRole('button', { name: 'Open my work' }).click();
  await page.getByRole('alert').waitFor();
  await shot('learner-pin-prompt');

  // Ben deletes his profile: the confirmation names him and says a copy is kept.
  await page.getByRole('button', { name: 'Back to the learners' }).click();
  await page.getByRole('button', { name: /^Ben/ }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();
  await page.keyboard.press('Control+Alt+Shift+D');
  await page.getByRole('dialog', { name: 'Delete Ben?' }).waitFor();
  await shot('learner-delete');
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
}
