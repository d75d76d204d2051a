// The learner's start-up path stays small: the source editor, the JSON Schemas (and zod
// with them) and the Scenario Graph are chunks of their own, fetched the first time an
// author needs them. One static import from a shared module can pull a whole library
// into every learner's first download, as a PIN length kept beside the validators once did.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

/** The scripts a learner's first page load runs: boot.js, main.js and what they import statically. */
async function initialScripts(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const bytes = await readFile(path.join(rendererDir, file));
    files.set(file, bytes);
    // Static imports only (`import ... from "./x.js"`), not `import("./x.js")`.
    for (const m of bytes.toString('utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
    }
  };
  await visit('boot.js');
  await visit('main.js');
  return files;
}

test('the learner’s first download holds neither the source editor nor zod, and stays under 400 KB gzipped', async () => {
  const files = await initialScripts();
  const holding = (marker: string) => [...files].filter(([, bytes]) => bytes.includes(marker)).map(([file]) => file);
  expect(holding('ZodError')).toEqual([]);
  expect(holding('cm-editor')).toEqual([]);
  const gzipped = [...files.values()].reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  expect(gzipped).toBeLessThan(400 * 1024);
});
