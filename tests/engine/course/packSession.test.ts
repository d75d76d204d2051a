// Re-checking what changed gives exactly what a full load gives, reads only what
// changed, and lets an editor's unsaved text stand in for the disk copy.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { createPackSession } from '../../../engine/course/packSession';
import { bytes, fixturePack, memoryPack, type MemoryPack } from './fixturePack';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** What an editor and the disk can do to a pack between two checks. */
type Step =
  | { kind: 'type' | 'save-elsewhere'; file: number; edit: Edit }
  | { kind: 'revert'; file: number }
  | { kind: 'delete'; file: number }
  | { kind: 'create'; path: string; text: string };

type Edit =
  | { op: 'delete-line' | 'duplicate-line'; at: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'truncate'; fraction: number };

const TOKENS = ['x', ':', ': ', '- ', '\n', '  ', '"', '[', ']', '{', 'id: intro', 'to: good', 'to: nowhere', 'when: "trust => 1"', '```', '```quiz\n', '---\n', '![a](media/pic.svg)', '![](media/none.svg)', '# Heading\n', '### Deep\n', 'intro', 'next', 'intro-o1', 'prerequisites: [next]\n', '\t'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: fc.nat(60) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(2000), token: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const NEW_FILES: Array<[string, string]> = [
  ['modules/intro/media/none.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ['modules/next/02-new.md', '---\nid: next-new\ntitle: New\nminutes: 5\n---\n\n# New\n'],
  ['modules/next/module.yaml', 'id: next\ntitle: Next\nsummary: Again.\noutcomes:\n  - id: next-o1\n    text: Do.\n    courseOutcomes: [co1]\nestimatedMinutes: 5\nmasteryScore: 50\nlessons: [01-next.md]\n'],
  ['modules/intro/story.scenario.yaml', 'id: intro-story\ntitle: S\nsummary: S.\nfocus: F\nstart: a\nnodes:\n  a:\n    ending: { title: E, kind: mixed, debrief: D }\n'],
];

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), file: fc.nat(), edit }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save-elsewhere' as const), file: fc.nat(), edit }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('revert' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.constantFrom(...NEW_FILES).map(([path, text]) => ({ kind: 'create' as const, path, text })) },
);

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  if (e.op === 'insert') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.token + text.slice(at);
  }
  if (e.op === 'truncate') return text.slice(0, Math.floor(text.length * e.fraction));
  const i = e.at % Math.max(1, lines.length);
  if (e.op === 'delete-line') lines.splice(i, 1);
  else lines.splice(i, 0, lines[i] ?? '');
  return lines.join('\n');
}

/** Plays the steps on a session and on a plain copy of the files, checking after each that the two agree. */
async function playAndCompare(fixture: string | undefined, steps: Step[]): Promise<void> {
  const disk: MemoryPack = fixturePack(fixture);
  const session = createPackSession(disk);
  const editor = new Map<string, string>();
  expect(await session.check()).toEqual(await loadCourse(fixturePack(fixture)));
  for (const s of steps) {
    const files = [...disk.files.keys()].filter((f) => !f.endsWith('.svg')).sort();
    const file = 'file' in s ? files[s.file % Math.max(1, files.length)] : undefined;
    if (s.kind === 'type' && file) {
      const text = applyEdit(editor.get(file) ?? decode(disk.files.get(file)!), s.edit);
      editor.set(file, text);
      session.setBuffer(file, text);
    } else if (s.kind === 'save-elsewhere' && file) {
      disk.files.set(file, bytes(applyEdit(decode(disk.files.get(file)!), s.edit)));
      session.fileChanged(file);
    } else if (s.kind === 'revert' && file) {
      editor.delete(file);
      session.clearBuffer(file);
    } else if (s.kind === 'delete' && file) {
      disk.files.delete(file);
      session.fileChanged(file);
    } else if (s.kind === 'create') {
      disk.files.set(s.path, bytes(s.text));
      session.fileChanged(s.path);
    }
    const truth = new Map(disk.files);
    for (const [path, text] of editor) truth.set(path, bytes(text));
    const incremental = await session.check();
    const full = await loadCourse(memoryPack(truth));
    expect(incremental, JSON.stringify(s)).toEqual(full);
  }
}

describe('a re-check', () => {
  test('after any sequence of edits, saves elsewhere, reverts, deletions and new files equals a full load of the same files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(undefined, 'broken-module-tree', 'unknown-prerequisite', 'choice-to-unknown-node'), fc.array(step, { minLength: 1, maxLength: 8 }), playAndCompare),
      { numRuns: 40 },
    );
  });

  test('reads only the file that changed', async () => {
    const disk = fixturePack();
    const session = createPackSession(disk);
    await session.check();
    disk.reads.length = 0;
    disk.files.set('modules/intro/01-start.md', bytes(decode(disk.files.get('modules/intro/01-start.md')!).replace('minutes: 10', 'minutes: ten')));
    const result = await session.recheck('modules/intro/01-start.md');
    expect(disk.reads).toEqual(['modules/intro/01-start.md']);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['modules/intro/01-start.md:4:10 HCS007']);
  });

  test("an editor's unsaved text stands in for the disk copy until it is cleared, without reading the disk", async () => {
    const disk = fixturePack();
    const session = createPackSession(disk);
    await session.check();
    disk.reads.length = 0;
    const typed = await session.recheck('modules/next/01-next.md', '---\nid: next-lesson\ntitle: Next\nminutes: 10\noutcomes: [next-o9]\n---\n');
    expect(typed.diagnostics.map((d) => d.code)).toEqual(['HCS009']);
    expect(typed.course).toBeUndefined();
    expect(disk.reads).toEqual([]);
    session.clearBuffer('modules/next/01-next.md');
    const reverted = await session.check();
    expect(reverted.diagnostics).toEqual([]);
    // The disk copy has not changed, so the one kept from the first check serves again.
    expect(disk.reads).toEqual([]);
  });

  test('a media file that appears on disk clears the problem of the lesson that shows it', async () => {
    const disk = fixturePack('missing-media');
    const session = createPackSession(disk);
    expect((await session.check()).diagnostics.map((d) => d.code)).toEqual(['HCS012']);
    disk.files.set('modules/intro/media/chart.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect((await session.recheck('modules/intro/media/chart.svg')).diagnostics).toEqual([]);
  });

  test('keeps the last course that loaded while the text is broken, for a preview to show', async () => {
    const session = createPackSession(fixturePack());
    const good = (await session.check()).course;
    expect(good).toBeDefined();
    await session.recheck('course.yaml', 'id: [broken');
    expect(session.lastGoodCourse).toBe(good);
  });

  test('lists the scenario files it read, a broken module\'s too, and drops one that was deleted', async () => {
    const disk = fixturePack('broken-module-tree');
    const session = createPackSession(disk);
    expect(session.scenarioFiles).toEqual([]);
    const result = await session.check();
    expect(result.course).toBeUndefined();
    expect(session.scenarioFiles).toEqual(['modules/intro/story.scenario.yaml', 'modules/next/story.scenario.yaml']);
    disk.files.delete('modules/intro/story.scenario.yaml');
    await session.recheck('modules/intro/story.scenario.yaml');
    expect(session.scenarioFiles).toEqual(['modules/next/story.scenario.yaml']);
  });
});
