// A progress file the app cannot read is kept aside under a new name, the learner is
// told in a sentence on screen (announced as an alert), and the app starts clean.

import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from './helpers/chromium';
import { startStudio } from './helpers/studio';
import { CURRENT_SCHEMA_VERSION } from '../../main/services/progressMigrations';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts the studio over a data folder holding `content` as its progress file and checks what the learner sees. */
async function startWith(content: Buffer | string, reason: RegExp) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-progress-'));
  await writeFile(path.join(dataDir, 'progress.json'), content);
  const studio = await startStudio({ dataDir });
  try {
    const { page, errors } = await newPage(browser);
    await page.goto(studio.url);

    const alert = page.getByRole('alert').filter({ hasText: 'Your progress file could not be read' });
    await alert.waitFor();
    const sentence = await alert.innerText();
    expect(sentence).toMatch(reason);
    expect(sentence).toMatch(/kept as .*progress\.corrupt-[^ ]+\.json and the app started fresh/);

    // The app starts clean: a first run that asks for a name, and works.
    await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
    await page.getByLabel('Your name').fill('Noor');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('main', { name: 'Editor' }).waitFor();

    // Nothing is lost: the unreadable file is still there, byte for byte, under its new name.
    const aside = (await readdir(dataDir)).filter((f) => f.startsWith('progress.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dataDir, aside[0]!))).toEqual(Buffer.from(content));
    expect(errors).toEqual([]);
    await page.context().close();
  } finally {
    await studio.close();
  }
}

describe('an unreadable progress file', () => {
  it('that is empty is set aside, the learner is told, and the app starts clean', async () => {
    await startWith('', /it was empty/);
  });

  it('that was cut off part-way through is set aside, the learner is told, and the app starts clean', async () => {
    await startWith('{"schemaVersion":1,"learners":[{"id":"a","name":"Ada","createdAt":"2026-', /cut off part-way through/);
  });

  it('full of NUL bytes is set aside, the learner is told, and the app starts clean', async () => {
    await startWith(Buffer.alloc(4096, 0), /NUL bytes/);
  });

});

describe('a progress file written by a newer version', () => {
  it('is left exactly as it was, the learner is asked to update, and a change is refused in a sentence rather than saved over it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hcs-progress-'));
    const newer = JSON.stringify({ schemaVersion: 99, learners: [], workbench: {}, progress: {}, badges: [] });
    await writeFile(path.join(dataDir, 'progress.json'), newer);
    const studio = await startStudio({ dataDir });
    try {
      const { page, errors } = await newPage(browser);
      await page.goto(studio.url);
      const update = `Your progress was saved by a newer version of Health Creation Studio (file version 99; this version reads up to ${CURRENT_SCHEMA_VERSION}), so it is shown but nothing you do now will be saved; update Health Creation Studio to carry on where you left off.`;
      await page.getByRole('alert').filter({ hasText: update }).first().waitFor();

      await page.getByLabel('Your name').fill('Noor');
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.locator('.wb-form-error').filter({ hasText: update }).waitFor();

      expect(await readFile(path.join(dataDir, 'progress.json'), 'utf8')).toBe(newer);
      expect((await readdir(dataDir)).filter((f) => f !== 'progress.json')).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await studio.close();
    }
  });
});

describe('a change the disk refuses', () => {
  it('is named in a sentence where the learner made it, is not kept, and succeeds when retried once the disk is back', async () => {
    const studio = await startStudio();
    const moved = `${studio.dataDir}-away`;
    try {
      const { page, errors } = await newPage(browser);
      await page.goto(studio.url);
      await page.getByLabel('Your name').fill('Ben');

      // The data folder goes (an unplugged drive, a sync tool): a file now stands in its place.
      await rename(studio.dataDir, moved);
      await writeFile(studio.dataDir, 'not a folder');
      await page.getByRole('button', { name: 'Create profile' }).click();
      const refusal = page.locator('.wb-form-error');
      await refusal.waitFor();
      expect(await refusal.innerText()).toBe(
        `Your change was not saved, because writing to ${studio.dataDir} failed (a file is in the way); check that the disk is connected and working, then try again.`,
      );

      // The drive is back: the same name is accepted, not refused as a learner that already exists.
      await rm(studio.dataDir);
      await rename(moved, studio.dataDir);
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.getByRole('main', { name: 'Editor' }).waitFor();
      const onDisk = JSON.parse(await readFile(path.join(studio.dataDir, 'progress.json'), 'utf8')) as { learners: Array<{ name: string }> };
      expect(onDisk.learners.map((l) => l.name)).toEqual(['Ben']);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await rm(moved, { recursive: true, force: true });
      await studio.close();
    }
  });
});

