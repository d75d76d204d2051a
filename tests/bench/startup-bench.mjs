// Browser mode start-up: how fast a returning learner is back in their lesson, how
// much JavaScript the renderer loads before that, and how fast tabs switch.
//   node scripts/build.mjs renderer web && node tests/bench/startup-bench.mjs
// Like every benchmark here, it replaces its own section ("## Browser mode start-up")
// of tests/bench/RESULTS.md.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { initialScripts } from './benchKit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 7;
const SWITCHES = 30;
const TARGETS = { startMs: 1000, initialKb: 400, switchMs: 50 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const { startWebServer } = await import(path.join(root, 'dist/web.mjs'));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-bench-'));
const serverStarted = performance.now();
const server = await startWebServer({ port: 0, dataDir, root, courses: [path.join(root, 'courses/sample')] });
const serverMs = performance.now() - serverStarted;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Records, from inside the page, when the first lesson's quiz can be used: its
// first option is in the DOM (React has committed, so its handlers are live).
const probe = () => {
  const found = () => document.querySelector('[role="tabpanel"]:not([hidden]) .hcs-question input:not([disabled])');
  const observer = new MutationObserver(() => {
    if (found() && window.__lessonReadyAt === undefined) {
      window.__lessonReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

try {
  // A returning learner: profile made, two lessons open, the first in front.
  const setup = await browser.newContext();
  const page = await setup.newPage();
  await page.goto(server.url);
  await page.getByLabel('Your name').fill('Bench');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();
  // A new learner lands on the course page; this returning learner has only the two lessons open.
  await page.getByRole('tab', { selected: true }).waitFor();
  await page.keyboard.press('Control+F4');
  await page.getByRole('tab').waitFor({ state: 'detached' });
  for (const name of ['control contact', 'creating health']) {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(name);
    await page.getByRole('option', { selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[role="tabpanel"]:not([hidden]) .hcs-question').waitFor();
  }
  await page.waitForTimeout(500);
  await setup.close();

  // Cold starts: a new context each time, so nothing is cached.
  const starts = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(probe);
    const p = await context.newPage();
    await p.goto(server.url);
    await p.waitForFunction(() => window.__lessonReadyAt !== undefined, null, { timeout: 15_000 });
    starts.push(await p.evaluate(() => window.__lessonReadyAt));
    await context.close();
  }

  // Switching between the two open lessons with Ctrl+Tab: key down to the next frame painted.
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(server.url);
  await p.locator('[role="tabpanel"]:not([hidden]) .hcs-question').waitFor();
  await p.getByRole('tab').nth(1).click();
  await p.getByRole('tab').nth(0).click();
  await p.locator('[role="tabpanel"]:not([hidden]) .hcs-question').waitFor();
  const switches = [];
  for (let i = 0; i < SWITCHES; i++) {
    const before = await p.evaluate(() => document.querySelector('[role="tabpanel"]:not([hidden])')?.id);
    await p.evaluate((was) => {
      window.__switch = new Promise((resolve) => {
        let t0 = 0;
        addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const now = document.querySelector('[role="tabpanel"]:not([hidden])');
          if (now && now.id !== was) {
            observer.disconnect();
            // The switch is done when the frame showing the new panel has been painted.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }
        });
        observer.observe(document.querySelector('.wb-editor-panels'), { attributes: true, subtree: true, attributeFilter: ['hidden'] });
      });
    }, before);
    await p.keyboard.press('Control+Tab');
    switches.push(await p.evaluate(() => window.__switch));
  }
  await context.close();

  const initial = await initialScripts();
  const startMs = median(starts);
  const switchMs = median(switches);
  const worstSwitch = Math.max(...switches);
  const met = startMs < TARGETS.startMs && initial.gzip / 1024 < TARGETS.initialKb && switchMs < TARGETS.switchMs;
  const section = `## Browser mode start-up

Command: \`node scripts/build.mjs renderer web && node tests/bench/startup-bench.mjs\` (courses/sample; a returning
learner with two lessons open; Debian Chromium headless through playwright-core; each start in a fresh browser
context, so nothing is cached).

| measure | result | target |
| --- | --- | --- |
| cold start to the first lesson rendered and interactive (navigation to its quiz usable), median of ${RUNS} | ${Math.round(startMs)} ms | < ${TARGETS.startMs} ms |
| initial renderer JavaScript (boot.js, main.js and the chunks they import statically), gzipped | ${kb(initial.gzip)} (${kb(initial.raw)} raw, ${initial.files.length} files) | < ${TARGETS.initialKb} KB |
| switching between open lessons (Ctrl+Tab to the next frame painted), median of ${SWITCHES} | ${switchMs.toFixed(1)} ms (worst ${worstSwitch.toFixed(1)} ms) | < ${TARGETS.switchMs} ms |
| browser-mode server start (startWebServer, for reference) | ${Math.round(serverMs)} ms | |

Start runs (ms): ${starts.map((s) => Math.round(s)).join(', ')}.
boot.js sends the start-up requests before the workbench's code runs. The player (Markdown, XState, the scenario
engine) is a separate chunk, preloaded alongside and run only when a lesson is shown (its download is in the start
time above); the progress charts, search, the shortcuts view and the export dialog load when first opened.
Machine: ${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} when done, ${new Date().toISOString().slice(0, 10)}.
${met ? 'Every target was met.' : 'A target was missed.'}
`;
  console.log(section);
  {
    const file = path.join(root, 'tests/bench/RESULTS.md');
    const text = await readFile(file, 'utf8');
    const start = text.indexOf('## Browser mode start-up');
    const next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
    const updated =
      start === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next === -1 ? '' : text.slice(next + 1)}`;
    await writeFile(file, updated);
  }
  process.exitCode = met ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
