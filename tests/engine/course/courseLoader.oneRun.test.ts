// Every problem in one run: a broken course.yaml or module.yaml does not hide the
// problems of what it lists, never makes another module look wrong, and each hint
// names what the author most likely meant.

import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { formatDiagnostic } from '../../../engine/course/diagnostics';
import { bytes, fixturePack } from './fixturePack';

async function lines(fixture: string): Promise<string[]> {
  const result = await loadCourse(fixturePack(fixture));
  expect(result.course).toBeUndefined();
  return result.diagnostics.map((d) => formatDiagnostic(d));
}

describe('a broken module.yaml', () => {
  test('still leads to its broken lessons and scenario, and every problem is reported at its file:line:col in one run', async () => {
    expect(await lines('broken-module-tree')).toEqual([
      'modules/next/01-next.md:4:10: error HCS007: `minutes` should be a number, but it is the text "ten"',
      'modules/next/02-more.md:9:1: error HCS012: image `media/chart.svg` not found: expected a file at `modules/next/media/chart.svg`',
      'modules/next/02-more.md:15:11: error HCS007: `type` should be one of `single`, `multiple`, but it is the text "singel": did you mean `single`?',
      'modules/next/02-more.md:21:9: error HCS006: unknown field `feedbak` in item 1 of `options`: did you mean `feedback`? expected one of `id`, `text`, `correct`, `feedback`, `pin`',
      'modules/next/module.yaml:1:1: warning HCS027: modules/next/module.yaml has errors that hide part of it, so the lessons are the Markdown files with front matter in modules/next (01-next.md, 02-more.md) and the scenarios are the *.scenario.yaml files in modules/next (story.scenario.yaml); fix modules/next/module.yaml so exactly what it lists is checked',
      'modules/next/module.yaml:3:10: error HCS004: YAML syntax error: the text opened with " here has no closing ": end it with " on the same line',
      "modules/next/story.scenario.yaml:18:13: error HCS017: choice 'wait' goes to node 'gone', which does not exist",
      "modules/next/story.scenario.yaml:22:24: error HCS015: the condition of choice 'tell' is invalid: '=>' is not an operator: did you mean '>='?",
      'modules/next/story.scenario.yaml:26:13: error HCS007: `kind` should be one of `positive`, `mixed`, `negative`, but it is the text "postive": did you mean `positive`?',
    ]);
  });

  test('with an id that cannot be read, a prerequisite naming it elsewhere is not called missing, and its lessons are still checked', async () => {
    const found = await lines('unreadable-module-id');
    expect(found).toEqual([
      'modules/next/01-next.md:5:12: error HCS009: lesson `next-lesson` serves outcome `next-o2`, which is not an outcome of the module in `modules/next`: did you mean `next-o1`? expected one of `next-o1`',
      'modules/next/module.yaml:1:5: error HCS007: `id` should be an id: lower-case letters, digits and hyphens, starting with a letter (for a variable: letters, digits and underscores), but it is the text "Next steps"',
    ]);
    expect(found.join('\n')).not.toContain('modules/later');
  });

  test('with a readable id, a prerequisite naming it is satisfied and a prerequisite naming no module is still reported', async () => {
    const pack = fixturePack();
    const edit = (file: string, from: string, to: string) => pack.files.set(file, bytes(new TextDecoder().decode(pack.files.get(file)).replace(from, to)));
    edit('modules/next/module.yaml', 'estimatedMinutes', 'estimatedMinuts');
    edit('modules/intro/module.yaml', 'prerequisites: []', 'prerequisites: [next, nxet]');
    const result = await loadCourse(pack);
    expect(result.diagnostics.filter((d) => d.code === 'HCS009' || d.code === 'HCS010').map((d) => formatDiagnostic(d))).toEqual([
      'modules/intro/module.yaml:8:23: error HCS009: prerequisite `nxet` is not a module of this course: did you mean `next`? expected one of `intro`, `next`',
      'modules/next/module.yaml:8:17: error HCS010: prerequisites form a cycle: intro -> next -> intro; no learner could ever unlock these modules, so remove one of the links',
    ]);
  });

  test('with a YAML syntax error, its id may be misread, so no prerequisite elsewhere is called missing', async () => {
    const pack = fixturePack('broken-module-tree');
    pack.files.set('modules/intro/module.yaml', bytes(new TextDecoder().decode(pack.files.get('modules/intro/module.yaml')).replace('prerequisites: []', 'prerequisites: [nxet]')));
    const result = await loadCourse(pack);
    expect(result.diagnostics.filter((d) => d.code === 'HCS009')).toEqual([]);
  });

  test('from a list cut short by a syntax error, only the files that exist are checked, and none is called missing', async () => {
    const pack = fixturePack();
    const text = new TextDecoder().decode(pack.files.get('modules/next/module.yaml'));
    pack.files.set('modules/next/module.yaml', bytes(text.replace('lessons:\n  - 01-next.md\n', 'lessons: [01-next.md, 02-misread.md\n')));
    const found = (await loadCourse(pack)).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual(['modules/next/module.yaml:11:1 HCS027', 'modules/next/module.yaml:11:10 HCS004']);
    expect((await loadCourse(pack)).diagnostics[0]!.message).toContain('as far as it could be read (01-next.md)');
  });

  test('a missing module.yaml still leads to the lessons of its folder, and says so where course.yaml lists it, not in a file that does not exist', async () => {
    const pack = fixturePack();
    pack.files.delete('modules/next/module.yaml');
    pack.files.set('modules/next/01-next.md', bytes('---\nid: next-lesson\ntitle: Next\nminutes: ten\n---\n\n# Next\n'));
    const found = (await loadCourse(pack)).diagnostics.map((d) => formatDiagnostic(d));
    expect(found).toEqual([
      'course.yaml:14:5: error HCS001: `modules/next/module.yaml` not found: every module folder needs a module.yaml',
      'course.yaml:14:5: warning HCS027: modules/next/module.yaml is missing, so the lessons are the Markdown files with front matter in modules/next (01-next.md) and the scenarios are the *.scenario.yaml files in modules/next (none); fix modules/next/module.yaml so exactly what it lists is checked',
      'modules/next/01-next.md:4:10: error HCS007: `minutes` should be a number, but it is the text "ten"',
    ]);
  });

  test('a module.yaml that reads but breaks the schema checks exactly what its lists name, with no note', async () => {
    const pack = fixturePack();
    const text = new TextDecoder().decode(pack.files.get('modules/next/module.yaml'));
    pack.files.set('modules/next/module.yaml', bytes(text.replace('estimatedMinutes', 'estimatedMinuts')));
    pack.files.set('modules/next/01-next.md', bytes('---\nid: next-lesson\ntitle: Next\nminutes: 10\noutcomes: [next-o9]\n---\n\n# Next\n'));
    const found = (await loadCourse(pack)).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual(['modules/next/01-next.md:5:12 HCS009', 'modules/next/module.yaml:9:1 HCS006']);
  });
});

describe('a broken course.yaml', () => {
  test('still leads to its modules and their lessons, read from its list as far as it could be read', async () => {
    expect(await lines('broken-course-yaml')).toEqual([
      'course.yaml:12:1: warning HCS027: course.yaml has errors that hide part of it, so the modules are those its `modules` list names as far as it could be read (modules/intro, modules/next); fix course.yaml so exactly what it lists is checked',
      'course.yaml:12:10: error HCS004: YAML syntax error: the list opened with `[` here is never closed: end it with `]` on the same line',
      'modules/intro/01-start.md:12:1: error HCS014: image `media/pic.svg` has no alt text: describe what it shows inside the brackets, e.g. ![A chart of ...](media/pic.svg)',
    ]);
  });
});

describe('hints say what the author most likely meant', () => {
  async function withFile(file: string, edit: (text: string) => string) {
    const pack = fixturePack();
    pack.files.set(file, bytes(edit(new TextDecoder().decode(pack.files.get(file)))));
    return (await loadCourse(pack)).diagnostics.map((d) => formatDiagnostic(d));
  }

  test('a lesson file listed with a typo suggests the file beside it', async () => {
    expect(await withFile('modules/next/module.yaml', (t) => t.replace('01-next.md', '01-nxet.md'))).toEqual([
      'modules/next/module.yaml:12:5: error HCS011: lesson file `modules/next/01-nxet.md` not found: did you mean `01-next.md`? create it, or correct its name under `lessons`',
    ]);
  });

  test('an image with a typo in its name suggests the file beside it', async () => {
    expect(await withFile('modules/intro/01-start.md', (t) => t.replace('media/pic.svg', 'media/pci.svg'))).toEqual([
      'modules/intro/01-start.md:12:1: error HCS012: image `media/pci.svg` not found: did you mean `media/pic.svg`? expected a file at `modules/intro/media/pci.svg`',
    ]);
  });

  test('a module folder listed with a typo suggests the folder beside it', async () => {
    expect(await withFile('course.yaml', (t) => t.replace('  - modules/next', '  - modules/nxet'))).toEqual([
      'course.yaml:14:5: error HCS021: module folder `modules/nxet` does not exist: did you mean `modules/next`? create it, or correct the path listed under `modules`',
    ]);
  });

  test('a course outcome served with a typo suggests the outcome meant', async () => {
    expect(await withFile('modules/next/module.yaml', (t) => t.replace('courseOutcomes: [co1]', 'courseOutcomes: [c01]'))).toEqual([
      'modules/next/module.yaml:7:22: error HCS009: module outcome `next-o1` serves `c01`, which is not a course outcome: did you mean `co1`? expected one of `co1`',
    ]);
  });

  test('a list item without a space after its dash is explained', async () => {
    expect(await withFile('modules/next/module.yaml', (t) => t.replace('  - 01-next.md', '  -01-next.md'))).toEqual([
      'modules/next/module.yaml:1:1: warning HCS027: modules/next/module.yaml has errors that hide part of it, so the lessons are the Markdown files with front matter in modules/next (01-next.md) and the scenarios are those its `scenarios` list names (none); fix modules/next/module.yaml so exactly what it lists is checked',
      'modules/next/module.yaml:12:3: error HCS007: `lessons` should be a list, but it is the text "-01-next.md": a list item needs a space after its dash, as in `- 01-next.md`',
    ]);
  });

  test('a number written with its unit says to write the number alone', async () => {
    expect(await withFile('modules/next/module.yaml', (t) => t.replace('masteryScore: 50', 'masteryScore: 50%'))).toEqual([
      'modules/next/module.yaml:10:15: error HCS007: `masteryScore` should be a number, but it is the text "50%": write the number alone, as in `masteryScore: 50`',
    ]);
  });

  test('a key glued to its value says to put a space after the colon', async () => {
    const found = await withFile('modules/next/module.yaml', (t) => t.replace('title: Next steps', 'title:Next steps'));
    expect(found[0]).toBe('modules/next/module.yaml:2:6: error HCS004: YAML syntax error: a key needs a space after its colon: write `title: Next steps`');
  });

  test('an unquoted colon inside a value points at the colon and says to quote the value', async () => {
    const found = await withFile('modules/next/module.yaml', (t) => t.replace('summary: The second module.', 'summary: Note: the second module.'));
    expect(found).toContain('modules/next/module.yaml:3:14: error HCS004: YAML syntax error: this value holds `: `, which YAML reads as the start of another key: put the whole value in quotes, e.g. "Note: the second module."');
  });

  test('a syntax error at the very end of a file points at its last character, not past the end of the line', async () => {
    const found = await withFile('modules/next/module.yaml', (t) => `${t.trimEnd()}\nscenarios: [a.scenario.yaml`);
    expect(found).toContain('modules/next/module.yaml:13:12: error HCS004: YAML syntax error: the list opened with `[` here is never closed: end it with `]` on the same line');
  });
});
