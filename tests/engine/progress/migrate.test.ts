import { describe, expect, test } from 'vitest';
import { emptyProgress } from '../../../engine/progress/model';
import { migrateProgress } from '../../../engine/progress/migrate';
import { summarize } from '../../../engine/progress/summary';
import { completeM1, course, play } from './courseFixture';

describe('migrateProgress', () => {
  test('a valid record comes back equal, even through JSON', () => {
    const progress = play(
      ...completeM1,
      { type: 'location.changed', location: { lessonId: 'l2' } },
      { type: 'time.spent', seconds: 42, lessonId: 'l2' },
      { type: 'note.saved', itemId: 'l2', text: 'Ask about sleep.' },
    );
    expect(migrateProgress(JSON.parse(JSON.stringify(progress)))).toEqual(JSON.parse(JSON.stringify(progress)));
  });

  test.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'progress'],
    ['a list', []],
    ['a record without a course id', { lessons: {} }],
    ['an empty course id', { courseId: '' }],
  ])('%s is not progress', (_label, raw) => {
    expect(migrateProgress(raw)).toBeUndefined();
  });

  test('missing parts start empty', () => {
    expect(migrateProgress({ courseId: 'hc' })).toEqual(emptyProgress('hc'));
  });

  test('a record saved before notes existed loads with no notes and everything else kept', () => {
    const old = { courseId: 'hc', lessons: { l1: { visited: true, read: true, seconds: 10 } }, answers: {}, scenarios: {}, reflections: { r1: { text: 'Kept.', at: 'then' } }, location: { lessonId: 'l1' }, seconds: 10 };
    expect(migrateProgress(old)).toEqual({ ...old, notes: {} });
  });

  test('a record saved when opening a lesson completed it keeps every lesson it had opened as read', () => {
    // Written by a version in which a visit alone made a lesson complete: no `read` yet.
    const old = {
      courseId: 'hc',
      lessons: { l1: { visited: true, seconds: 10 }, l2: { visited: true, seconds: 0 }, l3: { visited: false, seconds: 40 } },
      answers: {
        q1: { quizId: 'quiz1', selected: ['a'], correct: true, attempts: 1, at: 'then' },
        q2: { quizId: 'quiz1', selected: ['a', 'b'], correct: true, attempts: 1, at: 'then' },
      },
      scenarios: {},
      reflections: { r1: { text: 'Kept.', at: 'then' } },
      notes: {},
      location: { lessonId: 'l2' },
      seconds: 50,
    };
    const migrated = migrateProgress(old)!;
    expect(migrated.lessons).toEqual({ l1: { visited: true, read: true, seconds: 10 }, l2: { visited: true, read: true, seconds: 0 }, l3: { visited: false, read: false, seconds: 40 } });
    // What the learner had completed under the old rule is still complete under the new one.
    const summary = summarize(course, migrated);
    expect(summary.lessons.l1).toMatchObject({ complete: true, status: 'complete' });
    expect(summary.lessons.l2).toMatchObject({ complete: true, status: 'complete' });
    expect({ ...migrated, lessons: {} }).toEqual({ ...old, lessons: {} });
  });

  test('a record that says a lesson was opened but not read keeps it unread', () => {
    expect(migrateProgress({ courseId: 'hc', lessons: { l1: { visited: true, read: false, seconds: 3 } } })?.lessons.l1).toEqual({ visited: true, read: false, seconds: 3 });
  });

  test('a damaged read flag falls back to what the visit says', () => {
    expect(migrateProgress({ courseId: 'hc', lessons: { l1: { visited: true, read: 'yes', seconds: 3 } } })?.lessons.l1).toEqual({ visited: true, read: true, seconds: 3 });
  });

  test('notes that are not a record of notes start empty', () => {
    expect(migrateProgress({ courseId: 'hc', notes: ['Ask about sleep.'] })?.notes).toEqual({});
  });

  test('a damaged entry is dropped and the rest kept', () => {
    const migrated = migrateProgress({
      courseId: 'hc',
      lessons: { l1: { visited: true, seconds: 10 }, l2: 'visited', l3: { visited: 'yes', seconds: -4 } },
      answers: {
        q1: { quizId: 'quiz1', selected: ['a'], correct: true, attempts: 2, at: 'then' },
        q2: { quizId: 'quiz1', selected: 'a', correct: true },
      },
      scenarios: { s1: { snapshot: { value: 'good' }, nodeId: 'good', path: ['listen'], endingsFound: ['good'], plays: 1 }, s2: 7 },
      reflections: { r1: { text: 'Kept.', at: 'then' }, r2: { text: '' }, r3: { at: 'then' } },
      notes: { l1: { text: 'Kept.', at: 'then' }, l2: { text: '' }, s1: 'note', s2: null },
      location: { lessonId: 3 },
      seconds: -1,
    });
    expect(migrated).toEqual({
      courseId: 'hc',
      lessons: { l1: { visited: true, read: true, seconds: 10 }, l3: { visited: false, read: false, seconds: 0 } },
      answers: { q1: { quizId: 'quiz1', selected: ['a'], correct: true, attempts: 2, at: 'then' } },
      scenarios: { s1: { snapshot: { value: 'good' }, nodeId: 'good', path: ['listen'], endingsFound: ['good'], plays: 1 } },
      reflections: { r1: { text: 'Kept.', at: 'then' } },
      notes: { l1: { text: 'Kept.', at: 'then' } },
      location: {},
      seconds: 0,
    });
  });

  test('fields this version does not know are dropped', () => {
    const migrated = migrateProgress({ courseId: 'hc', extra: 1, lessons: { l1: { visited: true, seconds: 1, colour: 'red' } } });
    expect(migrated).toEqual({ ...emptyProgress('hc'), lessons: { l1: { visited: true, read: true, seconds: 1 } } });
  });

  test('keys that would reach the object prototype are refused', () => {
    const migrated = migrateProgress(JSON.parse('{"courseId":"hc","lessons":{"__proto__":{"visited":true,"seconds":1},"l1":{"visited":true,"seconds":2}}}'));
    expect(Object.keys(migrated!.lessons)).toEqual(['l1']);
    expect(Object.getPrototypeOf(migrated!.lessons)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).visited).toBeUndefined();
  });
});
