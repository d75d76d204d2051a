import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicJsonFile, nodeFileOps, parseStrict, UnreadableFileError, type FileOps } from '../../../main/services/atomicJsonFile';
import { tempDir } from '../tempDir';

const reasonOf = (text: string) => {
  try {
    parseStrict(text, 'progress.json');
    return 'parsed';
  } catch (error) {
    return error instanceof UnreadableFileError ? error.reason : 'other';
  }
};

describe('reading JSON strictly', () => {
  it.each([
    ['', 'empty'],
    ['  \n\t', 'empty'],
    ['\0\0\0', 'nul-bytes'],
    ['{"a": 1}\0\0', 'nul-bytes'],
    ['{"learners": [', 'truncated'],
    ['{"learners": [{"id": "x"', 'truncated'],
    ['{"a": "unfinished', 'truncated'],
    ['{"a": [1, 2', 'truncated'],
    ['learners: []', 'not-json'],
    ['{"a": 1}}', 'not-json'],
    ['{"a": 1}', 'parsed'],
  ])('classifies %j as %s', (text, reason) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it('reads a missing file as null', async () => {
    expect(await new AtomicJsonFile(path.join(await tempDir(), 'none.json')).read()).toBeNull();
  });

  it('reads a file holding only JSON null as unreadable, never as a missing file that may be written over', async () => {
    const file = path.join(await tempDir(), 'null.json');
    await writeFile(file, 'null\n');
    await expect(new AtomicJsonFile(file).read()).rejects.toMatchObject({ name: 'UnreadableFileError', reason: 'null' });
  });
});

describe('writing', () => {
  it('writes a burst of changes with fewer disk writes, ending with the newest', async () => {
    const file = path.join(await tempDir(), 'data.json');
    let writes = 0;
    const counting: FileOps = { ...nodeFileOps, writeFileSynced: async (f, t) => (writes++, nodeFileOps.writeFileSynced(f, t)) };
    const adapter = new AtomicJsonFile<{ n: number }>(file, counting);
    await Promise.all(Array.from({ length: 30 }, (_, n) => adapter.write({ n })));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 29 });
    expect(writes).toBeLessThanOrEqual(2);
  });

  it('keeps writing after one write fails', async () => {
    const file = path.join(await tempDir(), 'data.json');
    let failNext = true;
    const flaky: FileOps = {
      ...nodeFileOps,
      rename: async (a, b) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        return nodeFileOps.rename(a, b);
      },
    };
    const adapter = new AtomicJsonFile<{ n: number }>(file, flaky);
    await expect(adapter.write({ n: 1 })).rejects.toThrow('disk full');
    await adapter.write({ n: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2 });
  });
});
