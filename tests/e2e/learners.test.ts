// Learners on a shared lab computer, in Chromium against browser mode: a learner puts
// their work behind a PIN, the app then never opens straight into it (not even after
// a reload, and not even to a script calling the API), a wrong PIN is refused in a
// sentence and the right one opens it, and a learner is deleted with a copy kept.
// Once with the mouse and once with the keyboard alone; and a damaged PIN entry keeps
// the learner closed, with a sentence saying what to do.

import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndStudio } from './helpers/browserAndStudio';
import { newPage } from './helpers/chromium';
import { startStudio, TEST_TOKEN } from './helpers/studio';
import { createProfile, createProfileByKeyboard, focused, setPinByKeyboard, tabTo, trackRequests } from './helpers/workbench';

const env = useBrowserAndStudio();

/** Studio API methods that hand out a learner's work. */
const LEARNER_WORK = /\/api\/(getWorkbenchState|getProgress|recordEvent|saveWorkbenchState|selectLearner|exportLearningRecord)$/;

/** Records the Studio API calls the page makes that would hand out a learner's work. */
function watchWorkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (LEARNER_WORK.test(request.url())) seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

/** Calls the Studio API from inside the page, as any script there could, with the token and no session. */
function callFromPage(page: Page, method: string, args: unknown[]) {
  return page.evaluate(
    async ([m, a, token]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hcs-token': token }, body: JSON.stringify(a) })).json(),
    [method, args, TEST_TOKEN] as const,
  );
}

/** Shows the Settings view (pressing its button when it is already shown would hide the Side Bar). */
async function showSettings(page: Page) {
  const button = page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Settings' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.getByRole('complementary', { name: 'Side Bar' }).getByRole('heading', { name: 'Settings' }).waitFor();
}

const deletedCopies = async (dir: string) => (await readdir(dir)).filter((f) => f.startsWith('progress.deleted-'));

describe('learners on a shared computer', () => {
  it('protects a profile with a PIN, asks for it after a reload rather than opening the workbench, and deletes the learner with a copy kept (mouse)', async () => {
    const studio = await startStudio();
    const { page, errors } = await newPage(env.browser);
    try {
      const requests = trackRequests(page);
      await createProfile(page, studio.url, 'Asha');
      // Focus lands where a new learner starts: the course page's Start button.
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');

      await showSettings(page);
      await page.getByRole('button', { name: 'Protect my work with a PIN…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Protect your work with a PIN' });
      await dialog.getByLabel('New PIN', { exact: true }).fill('4821');
      await dialog.getByLabel('New PIN again').fill('4812');
      await dialog.getByRole('button', { name: 'Set PIN' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('The two new PINs are not the same; type the new PIN again.');
      await dialog.getByLabel('New PIN again').fill('4821');
      await dialog.getByRole('button', { name: 'Set PIN' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Your PIN is set. Health Creation Studio will ask for it before it shows your work.' }).waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
      await requests.settled();

      // A reload is a new session: the app asks who is studying and loads nothing of Asha's.
      const work = watchWorkRequests(page);
      await page.reload();
      await page.getByRole('heading', { name: 'Who is studying?' }).waitFor();
      const asha = page.getByRole('button', { name: 'Asha PIN' });
      await asha.waitFor();
      await requests.settled();
      expect(work).toEqual([]);
      expect(await page.getByRole('main', { name: 'Editor' }).count()).toBe(0);
      // Nor will the back end give her work to a script that asks for it directly.
      const learners = (await callFromPage(page, 'listLearners', [])) as { value: { learners: { id: string }[] } };
      const id = learners.value.learners[0]!.id;
      expect(await callFromPage(page, 'getWorkbenchState', [id])).toEqual({
        ok: false,
        error: { code: 'pin-required', message: "Asha's work is protected by a PIN; enter their PIN to open it." },
      });
      work.length = 0;

      await asha.click();
      await page.getByRole('heading', { name: 'Enter Asha’s PIN' }).waitFor();
      await page.getByLabel('PIN', { exact: true }).fill('1234');
      await page.getByRole('button', { name: 'Open my work' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe("That is not Asha's PIN; check it and try again.");
      expect(work).toEqual([]);
      await page.getByLabel('PIN', { exact: true }).fill('4821');
      await page.getByRole('button', { name: 'Open my work' }).click();
      await page.getByRole('main', { name: 'Editor' }).waitFor();
      await page.getByRole('button', { name: 'Learner: Asha' }).waitFor();

      // Back where she left it: the Settings view, which now says her work is behind a PIN.
      await page.getByText('Studying as Asha, whose work is behind a PIN.').waitFor();
      await showSettings(page);
      await page.getByRole('button', { name: 'Delete this learner…' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete Asha?' });
      await confirm.getByText('A copy of all of it is kept').waitFor();
      await confirm.getByLabel('Asha’s PIN').fill('4821');
      await confirm.getByRole('button', { name: 'Delete Asha' }).click();
      await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
      const [copy] = await deletedCopies(studio.dataDir);
      expect(copy).toMatch(/^progress\.deleted-Asha-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      await page.getByRole('status').filter({ hasText: `Asha's profile was deleted from this computer. A copy of everything they had saved is kept as ${path.join(studio.dataDir, copy!)}.` }).waitFor();
      expect(JSON.parse(await readFile(path.join(studio.dataDir, copy!), 'utf8'))).toMatchObject({ kind: 'health-creation-studio/deleted-learner', learner: { name: 'Asha' } });
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      await studio.close();
    }
  }, 60_000);

  it('does the same with the keyboard alone', async () => {
    const studio = await startStudio();
    const { page, errors } = await newPage(env.browser);
    try {
      await createProfileByKeyboard(page, studio.url, 'Kay');
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');

      // Ctrl+Alt+Shift+K: the PIN dialog opens on its first field.
      await setPinByKeyboard(page, '905512');
      await expect.poll(() => focused(page).textContent()).toBe('Close');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.reload();
      await page.getByRole('heading', { name: 'Who is studying?' }).waitFor();
      await tabTo(page, '.wb-learner');
      await page.keyboard.press('Enter');
      // The PIN box has focus; a wrong PIN is refused and the box is ready for another try.
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
      await page.keyboard.type('000000');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').textContent()).toBe("That is not Kay's PIN; check it and try again.");
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
      await page.keyboard.type('905512');
      await page.keyboard.press('Enter');
      await page.getByRole('main', { name: 'Editor' }).waitFor();
      // Back on the course page, at its Start button, as before the reload.
      await expect.poll(() => focused(page).innerText()).toBe('Start: Creating health, not only treating illness');

      // Ctrl+Alt+Shift+D: the confirmation names Kay and asks for the PIN; Cancel comes before Delete.
      await page.keyboard.press('Control+Alt+Shift+D');
      await page.getByRole('dialog', { name: 'Delete Kay?' }).waitFor();
      await page.keyboard.type('905512');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page).textContent()).toBe('Cancel');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page).textContent()).toBe('Delete Kay');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Welcome to Health Creation Studio' }).waitFor();
      expect(await deletedCopies(studio.dataDir)).toHaveLength(1);
      // The name box has focus again, for the next learner.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('learner-name');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      await studio.close();
    }
  }, 60_000);
  it('keeps a learner closed, and says what to do, when their PIN entry in the progress file is damaged', async () => {
    // Noor protects her work, then her PIN's entry is damaged by hand-editing.
    const first = await startStudio();
    const copied = await mkdtemp(path.join(os.tmpdir(), 'hcs-e2e-'));
    const { page, errors } = await newPage(env.browser);
    try {
      await createProfile(page, first.url, 'Noor');
      await setPinByKeyboard(page, '2468');
      await page.context().close();
      await cp(first.dataDir, copied, { recursive: true });
    } finally {
      await first.close();
    }
    const file = path.join(copied, 'progress.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as { learners: { pin: Record<string, unknown> }[] };
    data.learners[0]!.pin = { ...data.learners[0]!.pin, N: 3, hash: 'not a hash' };
    await writeFile(file, JSON.stringify(data));

    const studio = await startStudio({ dataDir: copied });
    const again = await newPage(env.browser);
    try {
      const work = watchWorkRequests(again.page);
      await again.page.goto(studio.url);
      await again.page.getByRole('button', { name: 'Noor PIN' }).click();
      await again.page.getByLabel('PIN', { exact: true }).fill('2468');
      await again.page.getByRole('button', { name: 'Open my work' }).click();
      await expect
        .poll(() => again.page.getByRole('alert').textContent())
        .toBe(`Noor's PIN cannot be checked, because its entry in ${file} is damaged, so their work stays closed; whoever looks after this computer can remove that learner's "pin" entry from the file to open it.`);
      expect(work).toEqual([]);
      expect(await again.page.getByRole('main', { name: 'Editor' }).count()).toBe(0);
      expect([...errors, ...again.errors]).toEqual([]);
    } finally {
      await again.page.context().close();
      await studio.close();
    }
  }, 60_000);
});
