// One broken fixture per diagnostic code: each proves an author is told the file,
// line, column and what was expected, and that a broken pack never loads.

import { describe, expect, test } from 'vitest';
import { loadCourse, type LoadResult } from '../../../engine/course/courseLoader';
import type { Diagnostic } from '../../../engine/course/diagnostics';
import { MAX_LESSON_BYTES } from '../../../engine/course/packReader';
import { fixturePack, memoryPack, readFixtureFiles } from './fixturePack';

async function load(fixture: string): Promise<LoadResult> {
  return loadCourse(fixturePack(fixture));
}

/** The single diagnostic of a fixture, asserting there is exactly one. */
async function theDiagnostic(fixture: string): Promise<Diagnostic> {
  const result = await load(fixture);
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

describe('a broken pack is reported at the place to fix', () => {
  test('a folder without course.yaml is not a pack (HCS001)', async () => {
    const result = await loadCourse(memoryPack(readFixtureFiles('no-course-file')));
    expect(result.course).toBeUndefined();
    expect(result.diagnostics).toEqual([
      { file: 'course.yaml', line: 1, column: 1, severity: 'error', code: 'HCS001', message: expect.stringContaining('course.yaml not found') },
    ]);
  });

  test('a lesson saved in Latin-1 is named with the line and column of its first bad byte (HCS002)', async () => {
    const d = await theDiagnostic('non-utf8');
    expect(d).toMatchObject({ file: 'modules/next/01-next.md', line: 10, column: 6, severity: 'error', code: 'HCS002' });
    expect(d.message).toBe('file is not valid UTF-8: byte 0xE9 at byte offset 96 is not part of a UTF-8 character; save the file with UTF-8 encoding');
  });

  test('a lesson over 5 MB is refused without being read (HCS003)', async () => {
    const files = readFixtureFiles('base');
    const pack = memoryPack(files, new Map([['modules/next/01-next.md', MAX_LESSON_BYTES + 1]]));
    const result = await loadCourse(pack);
    expect(result.diagnostics).toEqual([
      { file: 'modules/next/01-next.md', line: 1, column: 1, severity: 'error', code: 'HCS003', message: expect.stringContaining('over the 5 MB limit') },
    ]);
    expect(pack.reads).not.toContain('modules/next/01-next.md');
  });

  test('a list never closed is reported at its opening bracket, not at the line where the parser gave up (HCS004)', async () => {
    const [d, note] = (await load('yaml-syntax')).diagnostics;
    // `    courseOutcomes: [co1`: the `[` is column 21 of line 7; the parser noticed on line 8.
    expect(d).toEqual({
      file: 'modules/next/module.yaml',
      line: 7,
      column: 21,
      severity: 'error',
      code: 'HCS004',
      message: 'YAML syntax error: the list opened with `[` here is never closed: end it with `]` on the same line',
    });
    // The module's lesson is still checked, and the author is told where its name came from.
    expect(note).toMatchObject({ file: 'modules/next/module.yaml', line: 11, column: 1, severity: 'warning', code: 'HCS027' });
    expect(note!.message).toBe(
      'modules/next/module.yaml has errors that hide part of it, so the lessons are those its `lessons` list names as far as it could be read (01-next.md) and the scenarios are the *.scenario.yaml files in modules/next (none); fix modules/next/module.yaml so exactly what it lists is checked',
    );
  });

  test('a key written twice is reported at the second one (HCS005)', async () => {
    const d = await theDiagnostic('duplicate-key');
    expect(d).toEqual({
      file: 'course.yaml',
      line: 4,
      column: 1,
      severity: 'error',
      code: 'HCS005',
      message: 'duplicate key `version`: a key may appear only once in a mapping, and this one would silently replace the earlier `version`',
    });
  });

  test('an unknown field suggests the field meant and lists the expected ones (HCS006)', async () => {
    const d = await theDiagnostic('unknown-field');
    expect(d).toMatchObject({ file: 'modules/next/module.yaml', line: 9, column: 1, code: 'HCS006' });
    expect(d.message).toBe(
      'unknown field `estimatedMinuts` in the module: did you mean `estimatedMinutes`? expected one of `id`, `title`, `summary`, `outcomes`, `prerequisites`, `estimatedMinutes`, `masteryScore`, `lessons`, `scenarios`',
    );
  });

  test('a field inside a quiz block is placed on its real line in the Markdown file (HCS006)', async () => {
    const d = await theDiagnostic('unknown-field-in-quiz');
    expect(d).toMatchObject({ file: 'modules/intro/01-start.md', line: 30, column: 9, code: 'HCS006' });
    expect(d.message).toContain('did you mean `feedback`?');
  });

  test('a value of the wrong type says what was expected and what was found (HCS007)', async () => {
    const d = await theDiagnostic('wrong-type');
    expect(d).toEqual({ file: 'modules/next/01-next.md', line: 4, column: 10, severity: 'error', code: 'HCS007', message: '`minutes` should be a number, but it is the text "ten"' });
  });

  test('a missing field is named with the type it needs (HCS007)', async () => {
    const d = await theDiagnostic('missing-field');
    expect(d).toEqual({ file: 'modules/next/module.yaml', line: 1, column: 1, severity: 'error', code: 'HCS007', message: 'missing required field `title` in the module: expected text' });
  });

  test('a duplicate id is reported at the second use and names the first (HCS008)', async () => {
    const d = await theDiagnostic('duplicate-id');
    expect(d).toEqual({
      file: 'modules/next/01-next.md',
      line: 2,
      column: 5,
      severity: 'error',
      code: 'HCS008',
      message: 'duplicate id `intro-start`: this lesson id is already used by the lesson at modules/intro/01-start.md:2; ids must be unique across the course',
    });
  });

  test('a prerequisite that is no module is an unknown reference (HCS009)', async () => {
    const d = await theDiagnostic('unknown-prerequisite');
    expect(d).toEqual({
      file: 'modules/next/module.yaml',
      line: 8,
      column: 24,
      severity: 'error',
      code: 'HCS009',
      message: 'prerequisite `intorduction` is not a module of this course: expected one of `intro`, `next`',
    });
  });

  test('a lesson outcome that its module does not declare is an unknown reference (HCS009)', async () => {
    const d = await theDiagnostic('unknown-outcome');
    expect(d).toMatchObject({ file: 'modules/next/01-next.md', line: 5, column: 12, code: 'HCS009' });
    expect(d.message).toBe('lesson `next-lesson` serves outcome `next-o2`, which is not an outcome of module `next`: did you mean `next-o1`? expected one of `next-o1`');
  });

  test('prerequisites that loop are reported once, naming the cycle (HCS010)', async () => {
    const d = await theDiagnostic('prerequisite-cycle');
    expect(d).toMatchObject({ file: 'modules/next/module.yaml', line: 8, column: 17, code: 'HCS010' });
    expect(d.message).toContain('prerequisites form a cycle: intro -> next -> intro');
  });

  test('a lesson listed but not on disk is reported at its entry in module.yaml (HCS011)', async () => {
    const d = await theDiagnostic('missing-lesson');
    expect(d).toEqual({
      file: 'modules/next/module.yaml',
      line: 13,
      column: 5,
      severity: 'error',
      code: 'HCS011',
      message: 'lesson file `modules/next/02-later.md` not found: create it, or correct its name under `lessons`',
    });
  });

  test('an image whose file is missing is reported where the Markdown shows it (HCS012)', async () => {
    const d = await theDiagnostic('missing-media');
    expect(d).toEqual({
      file: 'modules/intro/01-start.md',
      line: 12,
      column: 1,
      severity: 'error',
      code: 'HCS012',
      message: 'image `media/chart.svg` not found: expected a file at `modules/intro/media/chart.svg`',
    });
  });

  test('a lesson without front matter says what the front matter holds (HCS013)', async () => {
    const d = await theDiagnostic('no-front-matter');
    expect(d).toMatchObject({ file: 'modules/next/01-next.md', line: 1, column: 1, code: 'HCS013' });
    expect(d.message).toContain('its id, title and minutes');
  });

  test('an image without alt text is an error at the image (HCS014)', async () => {
    const d = await theDiagnostic('image-without-alt');
    expect(d).toMatchObject({ file: 'modules/intro/01-start.md', line: 12, column: 1, severity: 'error', code: 'HCS014' });
    expect(d.message).toContain('has no alt text');
  });

  test('a bad condition is placed at the column inside the quoted YAML string (HCS015)', async () => {
    const d = await theDiagnostic('bad-condition');
    // `        when: "trust < and 5"`: the value's quote is column 15, so `and` is column 24.
    expect(d).toMatchObject({ file: 'modules/intro/story.scenario.yaml', line: 20, column: 24, code: 'HCS015' });
    expect(d.message).toContain("found 'and'");
  });

  test("the scenario engine's findings carry the scenario file (HCS017)", async () => {
    const result = await load('choice-to-unknown-node');
    const d = result.diagnostics.find((x) => x.code === 'HCS017');
    expect(d).toMatchObject({ file: 'modules/intro/story.scenario.yaml', line: 19, column: 13, severity: 'error' });
    expect(d?.message).toContain("goes to node 'badd'");
  });

  test('a module folder listed but missing is reported at its entry in course.yaml (HCS021)', async () => {
    const d = await theDiagnostic('missing-module-folder');
    expect(d).toEqual({
      file: 'course.yaml',
      line: 15,
      column: 5,
      severity: 'error',
      code: 'HCS021',
      message: 'module folder `modules/later` does not exist: create it, or correct the path listed under `modules`',
    });
  });

  test('a heading that skips a level is a warning and the course still loads (HCS022)', async () => {
    const result = await load('skipped-heading');
    expect(result.course).toBeDefined();
    expect(result.diagnostics).toEqual([
      { file: 'modules/next/01-next.md', line: 12, column: 1, severity: 'warning', code: 'HCS022', message: 'heading level 3 follows level 1: use level 2 so screen reader users can follow the outline' },
    ]);
  });

  test('a reflection block never closed is reported at its opening fence (HCS023)', async () => {
    const d = await theDiagnostic('unclosed-block');
    expect(d).toMatchObject({ file: 'modules/next/01-next.md', line: 12, column: 1, code: 'HCS023' });
    expect(d.message).toContain('never closed');
  });

  test('a single-answer question with two correct options is reported at its type (HCS024)', async () => {
    const d = await theDiagnostic('two-correct-answers');
    expect(d).toEqual({
      file: 'modules/intro/01-start.md',
      line: 20,
      column: 11,
      severity: 'error',
      code: 'HCS024',
      message: 'question `intro-q1` is `single` so exactly one option must have `correct: true`, but 2 do',
    });
  });

  test('a module whose right answers are mostly written in the same place is warned at its lesson list, and still loads (HCS025)', async () => {
    const result = await load('answer-always-first');
    expect(result.course).toBeDefined();
    expect(result.diagnostics).toEqual([
      {
        file: 'modules/intro/module.yaml',
        line: 11,
        column: 1,
        severity: 'warning',
        code: 'HCS025',
        message:
          'the right answer is the 1st option written in 3 of the 4 questions of module `intro` (`intro-q1`, `intro-q3`, `intro-q4`): shuffling hides this from learners only where it is on, so vary where the right answer is written',
      },
    ]);
  });

  test('a practice quiz that sets attempts is warned that they have no effect (HCS026)', async () => {
    const result = await load('practice-quiz-attempts');
    expect(result.course?.modules[0]?.lessons[0]?.blocks.find((b) => b.kind === 'quiz')).toMatchObject({ quiz: { graded: false } });
    expect(result.diagnostics).toEqual([
      {
        file: 'modules/intro/01-start.md',
        line: 19,
        column: 11,
        severity: 'warning',
        code: 'HCS026',
        message: 'quiz `intro-quiz` is practice (`graded: false`), which always allows unlimited tries, so `attempts: 3` has no effect: remove it, or make the quiz graded',
      },
    ]);
  });

  test('a module.yaml that cannot be read says where the lessons and scenarios checked below it came from (HCS027)', async () => {
    const note = (await load('broken-module-tree')).diagnostics.find((d) => d.code === 'HCS027');
    expect(note).toEqual({
      file: 'modules/next/module.yaml',
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'HCS027',
      message:
        'modules/next/module.yaml has errors that hide part of it, so the lessons are the Markdown files with front matter in modules/next (01-next.md, 02-more.md) and the scenarios are the *.scenario.yaml files in modules/next (story.scenario.yaml); fix modules/next/module.yaml so exactly what it lists is checked',
    });
  });
});

test('every broken fixture leaves the course unloaded', async () => {
  for (const fixture of ['yaml-syntax', 'duplicate-key', 'unknown-field', 'duplicate-id', 'prerequisite-cycle', 'missing-media', 'two-correct-answers']) {
    expect((await load(fixture)).course, fixture).toBeUndefined();
  }
});
