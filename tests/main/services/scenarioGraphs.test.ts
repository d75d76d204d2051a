import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenPacks, type StartWatcher } from '../../../main/services/openPacks';
import type { PackChange, PackWatcher } from '../../../main/services/packWatcher';
import { createScenarioGraphs } from '../../../main/services/scenarioGraphs';
import { fakeCatalog } from '../../fakes/fakeCatalog';
import { tempDir } from '../tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../courses/sample');
const STORY = 'modules/health-creating-practice/what-matters.scenario.yaml';

/** A watcher the test drives: `emit` reports changed paths as the real one would after a burst. */
function fakeWatchers() {
  const made: { root: string; emit: (paths: string[]) => void; closed: boolean }[] = [];
  const start: StartWatcher = (root, options) => {
    let seq = 0;
    const waiting: ((n: number) => void)[] = [];
    const entry = {
      root,
      closed: false,
      emit(paths: string[]) {
        const changes: PackChange[] = paths.map((p) => ({ seq: ++seq, path: p, exists: true }));
        options.onChange?.(changes);
        for (const w of waiting.splice(0)) w(seq);
      },
    };
    const watcher: PackWatcher = {
      get seq() {
        return seq;
      },
      mode: 'poll',
      changesSince: () => ({ seq, changes: [], reset: false }),
      waitForChanges: (since, timeoutMs) =>
        new Promise((resolve) => {
          if (seq > since) return resolve({ seq, changes: [], reset: false });
          const timer = setTimeout(() => resolve({ seq, changes: [], reset: false }), timeoutMs);
          waiting.push((n) => {
            clearTimeout(timer);
            resolve({ seq: n, changes: [], reset: false });
          });
        }),
      close: () => void (entry.closed = true),
    };
    made.push(entry);
    return watcher;
  };
  return { start, made };
}

async function samplePack() {
  const root = path.join(await tempDir(), 'sample');
  await cp(SAMPLE, root, { recursive: true });
  const watchers = fakeWatchers();
  const packs = createOpenPacks(fakeCatalog([], { roots: { sample: root } }), watchers.start);
  return { root, packs, watchers, graphs: createScenarioGraphs(packs, 200) };
}

describe('the Scenario Graph service', () => {
  it("lists a pack's scenario files with their ids, titles and error counts", async () => {
    const { graphs } = await samplePack();
    expect(await graphs.list('sample')).toEqual([{ file: STORY, scenarioId: 'hcp-what-matters', title: 'What matters to you?', errors: 0 }]);
  });

  it('draws a file with a choice to a missing node, marking the choice, and offers no play-through for a file cut short by a syntax error', async () => {
    const { root, graphs, watchers } = await samplePack();
    const file = path.join(root, STORY);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('to: listening\n', 'to: listenning\n'));
    await graphs.list('sample');
    watchers.made[0]!.emit([STORY]);
    const marked = await graphs.graph('sample', STORY);
    const choice = marked.graph.edges.find((e) => e.id === 'waiting-room/0')!;
    expect(choice.targetExists).toBe(false);
    expect(choice.marks.map((m) => m.kind)).toContain('missing-target');
    expect(marked.scenario?.id).toBe('hcp-what-matters');

    await writeFile(file, `${text}\n  broken: [unclosed\n`);
    watchers.made[0]!.emit([STORY]);
    const cut = await graphs.graph('sample', STORY);
    expect(cut.graph.readable).toBe('partial');
    expect(cut.scenario).toBeUndefined();
  });

  it('says a file is not a scenario of the course when no module lists it, and when it has been deleted', async () => {
    const { root, graphs, watchers } = await samplePack();
    await expect(graphs.graph('sample', 'course.yaml')).rejects.toThrow(/course\.yaml is not a scenario file of this course/);
    // A path out of the pack is never read: it is not one of the pack's scenario files.
    await expect(graphs.graph('sample', '../sample/modules/health-creating-practice/what-matters.scenario.yaml')).rejects.toThrow(/is not a scenario file of this course/);
    await rm(path.join(root, STORY));
    watchers.made[0]!.emit([STORY]);
    await expect(graphs.graph('sample', STORY)).rejects.toThrow(`${STORY} is no longer a scenario file of this course: it may have been renamed or deleted.`);
  });

  it('says there is no such course for an unknown id', async () => {
    const { graphs } = await samplePack();
    await expect(graphs.list('nowhere')).rejects.toThrow('There is no course with the id "nowhere" on this computer.');
  });

  it("answers a wait as soon as the pack changes, and with the same revision when nothing changes in time", async () => {
    const { graphs, watchers } = await samplePack();
    const { revision } = await graphs.graph('sample', STORY);
    expect(await graphs.waitForChange('sample', revision)).toBe(revision);
    const waiting = graphs.waitForChange('sample', revision);
    watchers.made[0]!.emit([STORY]);
    expect(await waiting).toBe(revision + 1);
  });

  it('watches each pack once, and stops every watcher on close', async () => {
    const { packs, watchers } = await samplePack();
    await packs.open('sample');
    await packs.open('sample');
    expect(watchers.made).toHaveLength(1);
    packs.close();
    expect(watchers.made[0]!.closed).toBe(true);
  });
});
