import { describe, expect, it } from 'vitest';
import type { CourseEntry } from '../../../../../engine/api/studioApi';
import { emptyProgress } from '../../../../../engine/progress/model';
import { explorerTree, visibleNodes } from '../../../../../renderer/workbench/features/courses/explorerModel';
import { courseSummary } from '../../../../../renderer/workbench/progress/courseSummary';
import { fakeCourse, fakeLesson, fakeModule, fakeScenario } from '../../../../fakes/fakeCourse';

const first = fakeModule({ id: 'first', lessons: [fakeLesson({ id: 'l1', title: 'One' })], scenarios: [] });
const second = fakeModule({ id: 'second', prerequisites: ['first'], lessons: [], scenarios: [fakeScenario({ id: 's1', title: 'Story' })] });
const course = fakeCourse({ id: 'c', title: 'Course', modules: [first, second] });
const entry: CourseEntry = { id: 'c', title: 'Course', summary: '', status: 'ok', diagnostics: [] };
const broken: CourseEntry = {
  id: 'b',
  title: 'Broken',
  summary: '',
  status: 'broken',
  diagnostics: [{ file: 'course.yaml', line: 2, column: 1, severity: 'error', code: 'HCS006', message: 'unknown field `titel`' }],
};

describe('the explorer tree', () => {
  const tree = explorerTree([entry, broken], { c: { course, assetBase: '/course/c/' } }, { c: courseSummary(course, emptyProgress('c')) });

  it('nests course > module > lesson and scenario, each with its status', () => {
    const [c] = tree;
    expect(c!.children!.map((m) => [m.label, m.status])).toEqual([
      [first.title, 'not-started'],
      [second.title, 'locked'],
    ]);
    expect(c!.children![1]!.children!.map((n) => [n.kind, n.label, n.status])).toEqual([['scenario', 'Story', 'locked']]);
  });

  it('lists a broken course with its diagnostics as file:line:col sentences, and does not let it open', () => {
    const b = tree[1]!;
    expect(b.expandable).toBe(false);
    expect(b.problems).toEqual(['course.yaml:2:1: error HCS006: unknown field `titel`']);
  });

  it('walks only the branches that are open', () => {
    expect(visibleNodes(tree, new Set()).map((v) => v.node.id)).toEqual(['course:c', 'course:b']);
    const open = visibleNodes(tree, new Set(['course:c', 'module:c/first']));
    expect(open.map((v) => [v.node.id, v.level])).toEqual([
      ['course:c', 1],
      ['module:c/first', 2],
      ['lesson:c/l1', 3],
      ['module:c/second', 2],
      ['course:b', 1],
    ]);
  });
});
