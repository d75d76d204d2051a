// When the disk itself fails (a file held by another program, a folder gone), the pack
// file service says what could not be done and what to check, in a sentence.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';

const failures = vi.hoisted(() => ({ rename: undefined as NodeJS.ErrnoException | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw failures.rename;
      return real.rename(from, to);
    },
  };
});

const { openPackFiles } = await import('../../../main/services/packFiles');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-packfiles-errors-'));
  cpSync(path.resolve(__dirname, '../../engine/course/fixtures/base'), path.join(dir, 'pack'), { recursive: true });
});
afterEach(() => {
  failures.rename = undefined;
  rmSync(dir, { recursive: true, force: true });
});

test('a rename the disk refuses is a sentence naming the file and what to check', async () => {
  const files = await openPackFiles(path.join(dir, 'pack'));
  failures.rename = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
  await expect(files.rename('modules/next/01-next.md', 'modules/next/01-later.md')).rejects.toThrow(
    '"modules/next/01-next.md" could not be renamed (EBUSY: resource busy or locked): check that the course folder is there and can be written, and that no other program holds the file, then try again.',
  );
});

test('a save the disk refuses leaves no temp file and says to check the disk', async () => {
  const files = await openPackFiles(path.join(dir, 'pack'));
  const file = await files.read('modules/next/01-next.md');
  failures.rename = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  await expect(files.write(file.path, 'new text', file.version)).rejects.toThrow(
    '"modules/next/01-next.md" could not be saved (ENOSPC: no space left on device): check that the disk has space and the folder can be written, then save again.',
  );
  failures.rename = undefined;
  expect((await files.read(file.path)).text).toBe(file.text);
  expect((await files.tree()).children!.flatMap(function names(e): string[] { return [e.name, ...(e.children ?? []).flatMap(names)]; }).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});

test('a course folder removed while open is named, with where to open it from', async () => {
  const files = await openPackFiles(path.join(dir, 'pack'));
  rmSync(path.join(dir, 'pack'), { recursive: true });
  await expect(files.write('modules/new.md', 'x', null)).rejects.toThrow(`The course folder ${path.join(dir, 'pack')} is no longer there: it may have been moved or deleted; open the course again from where it is now.`);
});
