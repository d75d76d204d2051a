// What a valid pack loads into: the model other parts read.

import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { loadCourse } from '../../../engine/course/courseLoader';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { bytes, fixturePack } from './fixturePack';

describe('a valid pack', () => {
  test('loads into the course model with no diagnostics', async () => {
    const { course, diagnostics } = await loadCourse(fixturePack());
    expect(diagnostics).toEqual([]);
    expect(course?.id).toBe('fixture-course');
    expect(course?.language).toBe('en-GB');
    expect(course?.modules.map((m) => [m.id, m.folder, m.prerequisites])).toEqual([
      ['intro', 'modules/intro', []],
      ['next', 'modules/next', ['intro']],
    ]);
    expect(course?.glossary[0]?.source).toBe('manifesto');
  });

  test('keeps lesson blocks in reading order with image paths relative to the pack root', async () => {
    const { course } = await loadCourse(fixturePack());
    const lesson = course!.modules[0]!.lessons[0]!;
    expect(lesson.file).toBe('modules/intro/01-start.md');
    expect(lesson.media).toEqual(['modules/intro/media/pic.svg']);
    expect(lesson.blocks.map((b) => b.kind)).toEqual(['markdown', 'quiz', 'reflection']);
    const first = lesson.blocks[0];
    expect(first?.kind === 'markdown' && first.markdown).toContain('![A diagram of the 3Cs](modules/intro/media/pic.svg)');
    const quiz = lesson.blocks[1];
    expect(quiz?.kind === 'quiz' && quiz.quiz.questions[0]?.options.map((o) => o.correct)).toEqual([true, false]);
    expect(lesson.words).toBeGreaterThan(5);
  });

  test('builds scenarios with the 3Cs first among their variables', async () => {
    const { course } = await loadCourse(fixturePack());
    const scenario = course!.modules[0]!.scenarios[0]!;
    expect(scenario.file).toBe('modules/intro/story.scenario.yaml');
    expect(scenario.variables.map((v) => [v.name, v.initial, v.min, v.max])).toEqual([
      ['control', 5, 0, 10],
      ['contact', 5, 0, 10],
      ['confidence', 5, 0, 10],
      ['trust', 0, 0, 10],
    ]);
    expect(Object.keys(scenario.nodes)).toEqual(['begin', 'good', 'bad']);
    expect(scenario.nodes['begin']?.choices[1]).toEqual({ id: 'tell', text: 'Tell.', to: 'bad', effects: {}, when: 'trust < 5' });
    expect(scenario.nodes['good']?.ending).toEqual({ title: 'Heard', kind: 'positive', debrief: 'Listening helped.', features: [], missing: [], pathNotes: [] });
  });

  test('reads Windows line endings with the same positions', async () => {
    const pack = fixturePack('wrong-type');
    const file = 'modules/next/01-next.md';
    pack.files.set(file, bytes(new TextDecoder().decode(pack.files.get(file)).replace(/\n/g, '\r\n')));
    const { diagnostics } = await loadCourse(pack);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([[file, 4, 10, 'HCS007']]);
  });

  test('finds every problem in one pass rather than stopping at the first', async () => {
    const pack = fixturePack('missing-media');
    for (const [file, bytesOf] of fixturePack('wrong-type').files) if (file.startsWith('modules/next/')) pack.files.set(file, bytesOf);
    const { diagnostics } = await loadCourse(pack);
    expect(diagnostics.map((d) => d.code)).toEqual(['HCS012', 'HCS007']);
  });
});

test('the sample pack that ships with the app loads cleanly, kept out of the learners\' course list', async () => {
  const sample = path.resolve(__dirname, '../../../courses/sample');
  const { course, diagnostics } = await loadCourse(createNodePackReader(sample));
  expect(diagnostics).toEqual([]);
  expect(course?.listed).toBe(false);
  expect(course?.modules).toHaveLength(2);
  const scenario = course!.modules[1]!.scenarios[0]!;
  expect(Object.values(scenario.nodes).filter((n) => n.ending).length).toBeGreaterThanOrEqual(2);
});

describe('references across the course', () => {
  const edit = (file: string, from: string, to: string) => {
    const pack = fixturePack();
    const text = new TextDecoder().decode(pack.files.get(file));
    expect(text).toContain(from);
    pack.files.set(file, bytes(text.replace(from, to)));
    return pack;
  };

  test('a glossary source that is no reference is reported at the source (HCS009)', async () => {
    const { diagnostics } = await loadCourse(edit('course.yaml', 'source: manifesto', 'source: manifest'));
    expect(diagnostics).toEqual([
      { file: 'course.yaml', line: 22, column: 13, severity: 'error', code: 'HCS009', message: 'glossary term "Health Creation" cites `manifest`, which is not a reference id: did you mean `manifesto`? expected one of `manifesto`' },
    ]);
  });

  test('a module outcome serving an unknown course outcome is reported at it (HCS009)', async () => {
    const { diagnostics } = await loadCourse(edit('modules/intro/module.yaml', 'courseOutcomes: [co1]', 'courseOutcomes: [co2]'));
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([['modules/intro/module.yaml', 7, 22, 'HCS009']]);
  });

  test('a quiz id reused in another lesson names the first place (HCS008)', async () => {
    const { diagnostics } = await loadCourse(edit('modules/next/01-next.md', 'More prose.', 'More prose.\n\n```reflection\nid: intro-quiz\nprompt: Again?\n```'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'modules/next/01-next.md', line: 13, column: 5, code: 'HCS008', message: expect.stringContaining('already used by the quiz at modules/intro/01-start.md:17') }),
    ]);
  });

  test('a web address as an image is refused: learners study offline (HCS012)', async () => {
    const { diagnostics } = await loadCourse(edit('modules/intro/01-start.md', '(media/pic.svg)', '(https://example.org/pic.svg)'));
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[12, 1, 'HCS012']]);
    expect(diagnostics[0]?.message).toContain('not a file inside the course pack');
  });

  test('an image path that climbs out of the pack is refused (HCS012)', async () => {
    const { diagnostics } = await loadCourse(edit('modules/intro/01-start.md', '(media/pic.svg)', '(../../../secret.svg)'));
    expect(diagnostics.map((d) => d.code)).toEqual(['HCS012']);
  });

  test('an award that does not match its FHEQ level is reported at the level (HCS007)', async () => {
    const { diagnostics } = await loadCourse(edit('course.yaml', 'fheq: 5', 'fheq: 7'));
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'course.yaml', line: 7, column: 9, code: 'HCS007', message: expect.stringContaining('levels 4-6 are undergraduate') })]);
  });
});

test('a reference keeps the shorter title the text cites it by, and a pack is listed unless it says otherwise', async () => {
  const pack = fixturePack();
  const text = new TextDecoder().decode(pack.files.get('course.yaml'));
  const { course } = await loadCourse(pack);
  expect(course?.listed).toBeUndefined();
  pack.files.set('course.yaml', bytes(text.replace('    organisation: New NHS Alliance', '    organisation: New NHS Alliance\n    cite: The manifesto').concat('listed: false\n')));
  const edited = await loadCourse(pack);
  expect(edited.diagnostics).toEqual([]);
  expect(edited.course?.references[0]).toMatchObject({ id: 'manifesto', cite: 'The manifesto' });
  expect(edited.course?.listed).toBe(false);
});

describe('references.yaml', () => {
  test('adds its references to those in course.yaml', async () => {
    const pack = fixturePack();
    pack.files.set('references.yaml', bytes('references:\n  - id: get-done\n    title: Get Health Creation Done\n    organisation: New NHS Alliance\n'));
    const { course, diagnostics } = await loadCourse(pack);
    expect(diagnostics).toEqual([]);
    expect(course?.references.map((r) => r.id)).toEqual(['manifesto', 'get-done']);
  });

  test('a reference id used in both files is reported in references.yaml, naming course.yaml (HCS008)', async () => {
    const pack = fixturePack();
    pack.files.set('references.yaml', bytes('references:\n  - id: manifesto\n    title: Again\n    organisation: New NHS Alliance\n'));
    const { diagnostics } = await loadCourse(pack);
    expect(diagnostics).toEqual([
      { file: 'references.yaml', line: 2, column: 9, severity: 'error', code: 'HCS008', message: 'duplicate reference id `manifesto`: already used at course.yaml:16' },
    ]);
  });
});
