// Never a blank window: the error boundary every view and editor tab sits in, rendered
// by React in Chromium. A child that throws leaves a sentence in its own place (with
// "Restart this scenario" where a scenario failed), its neighbours keep working, and
// the way out mounts the child afresh.

import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './helpers/chromium';
import { ROOT } from './helpers/studio';

const PAGE = `
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { ViewBoundary } from './renderer/workbench/parts/ViewBoundary';

const state = (window as unknown as { hcs: { broken: boolean; restarted: number; logged: string[] } }).hcs = { broken: true, restarted: 0, logged: [] };

function Story() {
  if (state.broken) throw new Error("State 'listening-two' does not exist");
  return <p>The story, from its beginning.</p>;
}

function Neighbour() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>Clicked {n}</button>;
}

createRoot(document.getElementById('root')!).render(
  <>
    <section aria-label="Scenario tab">
      <ViewBoundary
        what="This scenario"
        recover={{ label: 'Restart this scenario', run: () => { state.restarted++; state.broken = false; } }}
        onError={(e) => state.logged.push(String(e))}
      >
        <Story />
      </ViewBoundary>
    </section>
    <section aria-label="Another view"><Neighbour /></section>
  </>,
);
`;

let browser: Browser;
let script: string;

beforeAll(async () => {
  const result = await build({
    stdin: { contents: PAGE, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  script = result.outputFiles[0]!.text;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the view boundary', () => {
  it('shows a sentence where a scenario failed, keeps the rest working, and restarts the scenario on request', async () => {
    const { page } = await newPage(browser);
    await page.setContent('<main id="root"></main>');
    await page.addScriptTag({ content: script });
    const tab = page.getByRole('region', { name: 'Scenario tab' });
    const alert = tab.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('paragraph').first().innerText()).toBe(
      "This scenario could not be shown because something in it went wrong (State 'listening-two' does not exist). The rest of the workbench is unaffected.",
    );
    expect(await page.evaluate(() => (window as unknown as { hcs: { logged: string[] } }).hcs.logged)).toEqual(["Error: State 'listening-two' does not exist"]);

    // The neighbouring view still answers.
    await page.getByRole('button', { name: 'Clicked 0' }).click();
    await page.getByRole('button', { name: 'Clicked 1' }).waitFor();

    await tab.getByRole('button', { name: 'Restart this scenario' }).click();
    await tab.getByText('The story, from its beginning.').waitFor();
    expect(await tab.getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hcs: { restarted: number } }).hcs.restarted)).toBe(1);
  });
});
