// The usual setting of a workbench e2e file: one Chromium and one browser-mode studio
// over the sample course, started before the file's tests and closed after them.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startStudio, type TestStudio } from './studio';

/** What a file's tests share; read its fields inside tests (they are set in beforeAll). */
export interface BrowserAndStudio {
  browser: Browser;
  studio: TestStudio;
}

/** Registers the file's beforeAll/afterAll that start and close Chromium and a studio. */
export function useBrowserAndStudio(): BrowserAndStudio {
  const shared = {} as BrowserAndStudio;
  beforeAll(async () => {
    [shared.browser, shared.studio] = await Promise.all([launchChromium(), startStudio()]);
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.studio?.close();
  });
  return shared;
}
