import { describe, expect, it } from 'vitest';
import { migrateProgress } from '../../../engine/progress/migrate';
import { applyEvent } from '../../../engine/progress/rules';
import { completeM1, course, play, T0, T1 } from './courseFixture';

describe('the day each module was completed', () => {
  it('is written by the event that completes the module, and only then', () => {
    const before = play(...completeM1.slice(0, -1));
    expect(before.modulesCompleted).toBeUndefined();
    const done = applyEvent(course, before, completeM1.at(-1)!, T1);
    expect(done.modulesCompleted).toEqual({ m1: T1 });
  });

  it('stays the day the module was first completed as the learner goes on', () => {
    const done = play(...completeM1);
    const later = applyEvent(course, done, { type: 'lesson.visited', lessonId: 'l3' }, T1);
    expect(later.modulesCompleted).toEqual({ m1: T0 });
  });

  it('is dropped when the course changes so that the module is no longer complete, and given again when it is', () => {
    const done = play(...completeM1);
    const grown = { ...course, modules: course.modules.map((m) => (m.id === 'm1' ? { ...m, lessons: [...m.lessons, { ...m.lessons[1]!, id: 'l-new' }] } : m)) };
    const after = applyEvent(grown, done, { type: 'time.spent', seconds: 5 }, T1);
    expect(after.modulesCompleted).toBeUndefined();
    expect(applyEvent(grown, after, { type: 'lesson.read', lessonId: 'l-new' }, T1).modulesCompleted).toEqual({ m1: T1 });
  });

  it('keeps the days of modules the course no longer has, in case it gets them back', () => {
    const done = play(...completeM1);
    const without = { ...course, modules: course.modules.filter((m) => m.id !== 'm1') };
    expect(applyEvent(without, done, { type: 'lesson.visited', lessonId: 'l3' }, T1).modulesCompleted).toEqual({ m1: T0 });
  });

  it('survives being read back, and a damaged day costs only that day', () => {
    const done = play(...completeM1);
    expect(migrateProgress(JSON.parse(JSON.stringify(done)))?.modulesCompleted).toEqual({ m1: T0 });
    expect(migrateProgress({ ...done, modulesCompleted: { m1: 42, m2: T1 } })?.modulesCompleted).toEqual({ m2: T1 });
    expect(migrateProgress({ ...done, modulesCompleted: 'soon' })?.modulesCompleted).toBeUndefined();
  });
});
