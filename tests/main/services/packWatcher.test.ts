// Changes made on disk by another program reach the change feed within half a second,
// in every way of watching; the service's own temp files never do.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createPackSession } from '../../../engine/course/packSession';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { openPackFiles } from '../../../main/services/packFiles';
import { watchPack, type PackChange, type PackWatcher, type WatchMode } from '../../../main/services/packWatcher';

let dir: string;
let watcher: PackWatcher | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-watch-'));
  mkdirSync(path.join(dir, 'modules/intro'), { recursive: true });
  writeFileSync(path.join(dir, 'course.yaml'), 'id: c\n');
  writeFileSync(path.join(dir, 'modules/intro/01-start.md'), '# Start\n');
});
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Lets a new watcher settle before the change under test, as a pack is watched long before an edit. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Waits for changes after `since` that include every path in `paths`; returns them and how long it took. */
async function changesIncluding(w: PackWatcher, since: number, paths: string[], started: number): Promise<{ changes: PackChange[]; ms: number }> {
  const seen: PackChange[] = [];
  let seq = since;
  while (Date.now() - started < 2000) {
    const batch = await w.waitForChanges(seq, 2000 - (Date.now() - started));
    seen.push(...batch.changes);
    seq = batch.seq;
    if (paths.every((p) => seen.some((c) => c.path === p))) return { changes: seen, ms: Date.now() - started };
  }
  throw new Error(`not reported within 2 s: ${paths.join(', ')}; saw ${JSON.stringify(seen)}`);
}

const modes: Array<[WatchMode, { pollMs?: number }]> = [
  ['per-folder', {}],
  ['poll', { pollMs: 100 }],
];
if (process.platform === 'darwin' || process.platform === 'win32') modes.push(['recursive', {}]);

describe.each(modes)('watching %s', (mode, extra) => {
  test('a file changed on disk by another editor is reported within 500 ms', async () => {
    watcher = watchPack(dir, { mode, ...extra });
    expect(watcher.mode).toBe(mode);
    await settle();
    const started = Date.now();
    writeFileSync(path.join(dir, 'modules/intro/01-start.md'), '# Start, edited elsewhere\n');
    const { changes, ms } = await changesIncluding(watcher, 0, ['modules/intro/01-start.md'], started);
    expect(ms).toBeLessThan(500);
    expect(changes.find((c) => c.path === 'modules/intro/01-start.md')).toMatchObject({ exists: true });
    expect(changes[0]!.seq).toBeGreaterThan(0);
  });

  test('a new folder with files in it and a deleted file are both reported', async () => {
    watcher = watchPack(dir, { mode, ...extra });
    await settle();
    const started = Date.now();
    mkdirSync(path.join(dir, 'modules/next/media'), { recursive: true });
    writeFileSync(path.join(dir, 'modules/next/module.yaml'), 'id: next\n');
    writeFileSync(path.join(dir, 'modules/next/media/pic.svg'), '<svg/>');
    rmSync(path.join(dir, 'modules/intro/01-start.md'));
    const { changes } = await changesIncluding(watcher, 0, ['modules/next/module.yaml', 'modules/next/media/pic.svg', 'modules/intro/01-start.md'], started);
    expect(changes.filter((c) => c.path === 'modules/intro/01-start.md').pop()).toMatchObject({ exists: false });
    expect(changes.filter((c) => c.path === 'modules/next/module.yaml').pop()).toMatchObject({ exists: true });
  });
});

test("the file service's atomic writes are reported under the file's name, never their temp files", async () => {
  watcher = watchPack(dir);
  await settle();
  const files = await openPackFiles(dir);
  const started = Date.now();
  const file = await files.read('course.yaml');
  await files.write('course.yaml', 'id: c2\n', file.version);
  const { changes } = await changesIncluding(watcher, 0, ['course.yaml'], started);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const all = [...changes, ...watcher.changesSince(changes[changes.length - 1]!.seq).changes];
  expect(all.map((c) => c.path).filter((p) => p.endsWith('.tmp'))).toEqual([]);
});

test('the feed answers "what changed since n" with increasing numbers, and says when n is too old or too new to answer', async () => {
  watcher = watchPack(dir, { debounceMs: 20, keep: 1 });
  await settle();
  writeFileSync(path.join(dir, 'a.md'), 'a');
  const first = await changesIncluding(watcher, 0, ['a.md'], Date.now());
  const seq = watcher.seq;
  writeFileSync(path.join(dir, 'b.md'), 'b');
  const second = await changesIncluding(watcher, seq, ['b.md'], Date.now());
  expect(second.changes.every((c) => c.seq > seq)).toBe(true);
  expect(first.changes.every((c) => c.seq <= seq)).toBe(true);
  expect(watcher.changesSince(watcher.seq)).toEqual({ seq: watcher.seq, changes: [], reset: false });
  expect(watcher.changesSince(watcher.seq + 5)).toMatchObject({ reset: true });
  // Only the latest change is kept here, so a client two changes behind is told to reload everything.
  expect(watcher.changesSince(watcher.seq - 2)).toMatchObject({ reset: true, changes: [] });
  expect(watcher.changesSince(watcher.seq - 1).changes).toHaveLength(1);
  const quiet = Date.now();
  expect(await watcher.waitForChanges(watcher.seq, 100)).toMatchObject({ changes: [], reset: false });
  expect(Date.now() - quiet).toBeGreaterThanOrEqual(90);
});

test('version control folders are not reported', async () => {
  watcher = watchPack(dir, { debounceMs: 20 });
  mkdirSync(path.join(dir, '.git'));
  await settle();
  writeFileSync(path.join(dir, '.git/index'), 'x');
  writeFileSync(path.join(dir, 'c.md'), 'c');
  const { changes } = await changesIncluding(watcher, 0, ['c.md'], Date.now());
  expect(changes.map((c) => c.path).filter((p) => p.startsWith('.git'))).toEqual([]);
});

test('a change on disk reaches an open pack session through the feed, and its diagnostics follow within 500 ms', async () => {
  const pack = path.join(dir, 'pack');
  cpSync(path.resolve(__dirname, '../../engine/course/fixtures/base'), pack, { recursive: true });
  const session = createPackSession(createNodePackReader(pack));
  expect((await session.check()).diagnostics).toEqual([]);
  watcher = watchPack(pack, { onChange: (changes) => changes.forEach((c) => session.fileChanged(c.path)) });
  await settle();
  const started = Date.now();
  const lesson = path.join(pack, 'modules/next/01-next.md');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('minutes: 10', 'minutes: ten'));
  await changesIncluding(watcher, 0, ['modules/next/01-next.md'], started);
  const result = await session.check();
  expect(Date.now() - started).toBeLessThan(500);
  expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['modules/next/01-next.md:4:10 HCS007']);
});
