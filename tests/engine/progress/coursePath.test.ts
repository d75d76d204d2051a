import { describe, expect, test } from 'vitest';
import { stepFrom, studyOrder } from '../../../engine/progress/coursePath';
import { emptyProgress } from '../../../engine/progress/model';
import { fakeCourse } from '../../fakes/fakeCourse';
import { completeM1, course, play } from './courseFixture';

const lesson = (id: string) => ({ kind: 'lesson' as const, id });
const scenario = (id: string) => ({ kind: 'scenario' as const, id });

describe('studyOrder', () => {
  test('lists each module\'s lessons, then its scenarios, module by module', () => {
    expect(studyOrder(course).map((i) => `${i.moduleId}/${i.kind}/${i.id}`)).toEqual(['m1/lesson/l1', 'm1/lesson/l2', 'm1/scenario/s1', 'm2/lesson/l3', 'm3/lesson/l4']);
  });
});

describe('stepFrom', () => {
  test('Next from a lesson opens the following item of the same module', () => {
    expect(stepFrom(course, emptyProgress('hc'), lesson('l1'), 1)).toMatchObject({ kind: 'item', item: { kind: 'lesson', id: 'l2', moduleId: 'm1' } });
    expect(stepFrom(course, emptyProgress('hc'), lesson('l2'), 1)).toMatchObject({ kind: 'item', item: { kind: 'scenario', id: 's1' } });
  });

  test('Previous goes back one item, and from the first item there is nowhere to go', () => {
    expect(stepFrom(course, emptyProgress('hc'), scenario('s1'), -1)).toMatchObject({ kind: 'item', item: { id: 'l2' } });
    expect(stepFrom(course, emptyProgress('hc'), lesson('l1'), -1)).toEqual({ kind: 'end' });
  });

  test('Next into a locked module names the module it waits for and what is left to do there', () => {
    const step = stepFrom(course, play({ type: 'lesson.read', lessonId: 'l2' }), scenario('s1'), 1);
    expect(step.kind).toBe('locked');
    if (step.kind !== 'locked') return;
    expect(step.item).toMatchObject({ kind: 'lesson', id: 'l3', moduleId: 'm2' });
    expect(step.module.id).toBe('m2');
    expect(step.needs.map((m) => m.id)).toEqual(['m1']);
    expect(step.unfinished.map((i) => i.id)).toEqual(['l1', 's1']);
  });

  test('once the module before is complete, Next goes on into the next module', () => {
    expect(stepFrom(course, play(...completeM1), scenario('s1'), 1)).toMatchObject({ kind: 'item', item: { id: 'l3', moduleId: 'm2' } });
  });

  test('Next from the last item is the end of the course', () => {
    expect(stepFrom(course, emptyProgress('hc'), lesson('l4'), 1)).toEqual({ kind: 'end' });
  });

  test('from nowhere, Next is the first item; from an item the course no longer has, nothing', () => {
    expect(stepFrom(course, emptyProgress('hc'), undefined, 1)).toMatchObject({ kind: 'item', item: { id: 'l1' } });
    expect(stepFrom(course, emptyProgress('hc'), lesson('gone'), 1)).toEqual({ kind: 'end' });
  });

  test('a course with no items has no way forward', () => {
    expect(stepFrom(fakeCourse({ id: 'empty', modules: [] }), emptyProgress('empty'), undefined, 1)).toEqual({ kind: 'end' });
  });
});
