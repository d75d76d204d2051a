// The learner's start-up path stays small: the source editor, the JSON Schemas (and zod
// with them) and the Scenario Graph are chunks of their own, fetched the first time an
// author needs them. One static import from a shared module can pull a whole library
// into every learner's first download, as a PIN length kept beside the validators once did.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { initialScripts } from '../bench/benchKit.mjs';

const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');

test('the learner’s first download holds neither the source editor nor zod, and stays under 400 KB gzipped', async () => {
  const { files, gzip } = await initialScripts(RENDERER_DIR);
  const texts = await Promise.all(files.map(async (file) => [file, await readFile(path.join(RENDERER_DIR, file), 'utf8')] as const));
  const holding = (marker: string) => texts.filter(([, text]) => text.includes(marker)).map(([file]) => file);
  expect(holding('ZodError')).toEqual([]);
  expect(holding('cm-editor')).toEqual([]);
  expect(gzip).toBeLessThan(400 * 1024);
});
