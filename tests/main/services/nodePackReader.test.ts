// The file-system PackReader: reads inside its pack, and nothing outside it.

import path from 'node:path';
import { expect, test } from 'vitest';
import { createNodePackReader } from '../../../main/services/nodePackReader';

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
