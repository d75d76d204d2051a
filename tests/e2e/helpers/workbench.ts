// Steps a learner takes in the workbench, and waits that make tests deterministic.

import type { Locator, Page, Request } from 'playwright-core';

/** The long poll for changes on disk: always waiting by design, so never counted as a request in flight. */
const isLongPoll = (request: Request) => request.url().endsWith('/waitForPackChanges');

/** Counts the page's requests in flight, so a test can wait until every save has landed. */
export function trackRequests(page: Page): { settled(quietMs?: number): Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  page.on('request', (request) => {
    if (isLongPoll(request)) return;
    inFlight++;
    lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (isLongPoll(request)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async settled(quietMs = 250) {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`Requests still in flight after 10 s (${inFlight}).`);
    },
  };
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const max = options.max ?? 60;
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${selector}; focus is on ${focused}`);
}

/** The element that has keyboard focus. */
export function focused(page: Page): Locator {
  return page.locator('*:focus');
}

/** The visible editor panel (the active tab's content). */
export function activePanel(page: Page): Locator {
  // In the Editor: the Panel at the foot has tabs of its own (the journal, Problems).
  return page.getByRole('main', { name: 'Editor' }).locator('[role="tabpanel"]:not([hidden])');
}

/** A tree item of the explorer by (part of) its name. */
export function treeItem(page: Page, name: string | RegExp): Locator {
  return page.getByRole('tree', { name: 'Courses' }).getByRole('treeitem', { name });
}

/** A first visit: creates a learner profile by name and waits for the workbench. */
export async function createProfile(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('main', { name: 'Editor' }).waitFor();
}

/** Opens the first lesson or scenario Quick Open (Ctrl+P) finds for `query` whose name matches `option`. */
export async function quickOpen(page: Page, query: string, option: RegExp): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(query);
  await page.getByRole('option', { name: option, selected: true }).waitFor();
  await page.keyboard.press('Enter');
}

/** A first visit with the keyboard alone: the name box has focus, so typing the name and Enter create the profile. */
export async function createProfileByKeyboard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.getByRole('main', { name: 'Editor' }).waitFor();
}

/** Sets a PIN for the learner studying with the keyboard alone (Ctrl+Alt+Shift+K); the dialog is left saying it is set. */
export async function setPinByKeyboard(page: Page, pin: string): Promise<void> {
  await page.keyboard.press('Control+Alt+Shift+K');
  await page.getByRole('dialog', { name: 'Protect your work with a PIN' }).waitFor();
  await page.keyboard.type(pin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Your PIN is set.' }).waitFor();
}

/** The 1-based line and column of the caret in the focused source editor. */
export async function caret(page: Page): Promise<{ line: number; column: number } | undefined> {
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
