// The file-system PackReader: reads inside its pack, and nothing outside it.

import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { tempDir } from '../tempDir';

const PACK = path.resolve(__dirname, '../../engine/course/fixtures/base');

test('stats, lists and reads files inside the pack', async () => {
  const reader = createNodePackReader(PACK);
  expect(await reader.stat('modules/intro')).toEqual({ kind: 'dir', size: 0 });
  expect((await reader.stat('course.yaml'))?.kind).toBe('file');
  expect(await reader.list('modules')).toEqual(['intro', 'next']);
  expect(new TextDecoder().decode(await reader.readFile('course.yaml'))).toMatch(/^id: fixture-course\n/);
});

test('a path that climbs out of the pack reads as absent and cannot be read', async () => {
  const reader = createNodePackReader(path.join(PACK, 'modules/intro'));
  expect(await reader.stat('../next/module.yaml')).toBeUndefined();
  expect(await reader.list('..')).toEqual([]);
  await expect(reader.readFile('../../course.yaml')).rejects.toThrow('outside the course pack');
});

test('a missing path is absent, not an error', async () => {
  const reader = createNodePackReader(PACK);
  expect(await reader.stat('no/such/file.md')).toBeUndefined();
  expect(await reader.list('no/such/folder')).toEqual([]);
});

describe('symbolic links', () => {
  /** A copy of the base pack in a temp folder, with a private file beside it. */
  async function packWithSecret() {
    const dir = await tempDir();
    const pack = path.join(dir, 'pack');
    await cp(PACK, pack, { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'root:x:0:0');
    return { dir, pack, secret: path.join(dir, 'secret.txt') };
  }

  test('a link to a file outside the pack is marked as leading outside, and cannot be read', async () => {
    const { pack, secret } = await packWithSecret();
    await symlink(secret, path.join(pack, 'modules/intro/media/secret.png'));
    const reader = createNodePackReader(pack);
    expect(await reader.stat('modules/intro/media/secret.png')).toEqual({ kind: 'file', size: 10, outside: true });
    await expect(reader.readFile('modules/intro/media/secret.png')).rejects.toThrow('leads outside the course pack');
  });

  test('a folder linked from outside marks everything in it as outside', async () => {
    const { dir, pack } = await packWithSecret();
    await mkdir(path.join(dir, 'elsewhere'));
    await writeFile(path.join(dir, 'elsewhere', 'pic.svg'), '<svg/>');
    await symlink(path.join(dir, 'elsewhere'), path.join(pack, 'modules/intro/shared'));
    const reader = createNodePackReader(pack);
    expect(await reader.stat('modules/intro/shared')).toEqual({ kind: 'dir', size: 0, outside: true });
    expect(await reader.stat('modules/intro/shared/pic.svg')).toMatchObject({ kind: 'file', outside: true });
    await expect(reader.readFile('modules/intro/shared/pic.svg')).rejects.toThrow('leads outside the course pack');
  });

  test('a link that stays inside the pack is followed like the file it names', async () => {
    const { pack } = await packWithSecret();
    await symlink('pic.svg', path.join(pack, 'modules/intro/media/same.svg'));
    const reader = createNodePackReader(pack);
    expect(await reader.stat('modules/intro/media/same.svg')).toEqual(await reader.stat('modules/intro/media/pic.svg'));
    expect(await reader.readFile('modules/intro/media/same.svg')).toEqual(await reader.readFile('modules/intro/media/pic.svg'));
  });

  test('a pack reached through a link of its own is read as usual', async () => {
    const { dir, pack } = await packWithSecret();
    await symlink(pack, path.join(dir, 'pack-link'));
    const reader = createNodePackReader(path.join(dir, 'pack-link'));
    expect(await reader.stat('course.yaml')).toMatchObject({ kind: 'file' });
    expect((await reader.stat('course.yaml'))?.outside).toBeUndefined();
  });

  test('validation reports an image that links out of the pack at the link, and a lesson that does at the lesson', async () => {
    const { pack, secret } = await packWithSecret();
    await rm(path.join(pack, 'modules/intro/media/pic.svg'));
    await symlink(secret, path.join(pack, 'modules/intro/media/pic.svg'));
    await rm(path.join(pack, 'modules/next/01-next.md'));
    await symlink(secret, path.join(pack, 'modules/next/01-next.md'));
    const result = await loadCourse(createNodePackReader(pack));
    expect(result.course).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        file: 'modules/intro/media/pic.svg',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'HCS032',
        message: 'this image, shown by modules/intro/01-start.md, is a link that leads outside the course pack: a pack must hold its own files, so copy the file into the pack in place of the link',
      },
      {
        file: 'modules/next/01-next.md',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'HCS032',
        message: 'this path is a link that leads outside the course pack: a pack must hold its own files, so copy the file into the pack in place of the link',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('root:x');
  });
});
