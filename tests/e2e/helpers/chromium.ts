// Debian's Chromium driven by playwright-core: one browser per test file, a fresh
// context (cookies, storage) per scenario, so files stay fast and tests independent.

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags that keep headless Chromium quiet and offline. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium from CHROMIUM_PATH or /usr/bin/chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Options for a new page. */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  viewport?: { width: number; height: number };
  /** Lets tests inject scripts (axe-core) into the app's strict CSP. */
  bypassCSP?: boolean;
}

/** A new context and page; page errors are collected so tests can assert there were none. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    reducedMotion: 'reduce',
    bypassCSP: options.bypassCSP ?? false,
  });
  // Fail in seconds, not the default half-minute, so a broken step is found quickly.
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}
