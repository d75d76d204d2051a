import { describe, expect, test } from 'vitest';
import { emptyProgress } from '../../../engine/progress/model';
import { nextItem } from '../../../engine/progress/rules';
import { fakeCourse } from '../../fakes/fakeCourse';
import { completeM1, course, play } from './courseFixture';

describe('nextItem', () => {
  test('a new learner starts at the first lesson', () => {
    expect(nextItem(course, emptyProgress('hc'))).toEqual({ moduleId: 'm1', lessonId: 'l1' });
  });

  test('a saved location that still exists and is open is where the learner resumes', () => {
    expect(nextItem(course, play({ type: 'location.changed', location: { scenarioId: 's1' } }))).toEqual({ moduleId: 'm1', scenarioId: 's1' });
  });

  test('a saved location the learner has finished leads on to the next unfinished item after it', () => {
    const read = play({ type: 'lesson.read', lessonId: 'l2' }, { type: 'location.changed', location: { lessonId: 'l2' } });
    expect(nextItem(course, read)).toEqual({ moduleId: 'm1', scenarioId: 's1' });
  });

  test('with everything after a finished saved location done, the first unfinished item before it', () => {
    const progress = play({ type: 'lesson.read', lessonId: 'l2' }, { type: 'scenario.chose', scenarioId: 's1', choiceId: 'rush', nodeId: 'bad', snapshot: null }, { type: 'location.changed', location: { scenarioId: 's1' } });
    expect(nextItem(course, progress)).toEqual({ moduleId: 'm1', lessonId: 'l1' });
  });

  test('a saved location in a locked module is passed over for the first open unfinished item', () => {
    const progress = { ...emptyProgress('hc'), location: { moduleId: 'm2', lessonId: 'l3' } };
    expect(nextItem(course, progress)).toEqual({ moduleId: 'm1', lessonId: 'l1' });
  });

  test('a saved location an edit removed is passed over', () => {
    const progress = { ...play({ type: 'lesson.visited', lessonId: 'l1' }), location: { moduleId: 'm1', lessonId: 'gone' } };
    expect(nextItem(course, progress)).toEqual({ moduleId: 'm1', lessonId: 'l1' });
  });

  test('finished items are skipped, scenarios come after the lessons, and a newly unlocked module follows', () => {
    const lessonsDone = completeM1.filter((e) => e.type !== 'scenario.chose');
    expect(nextItem(course, play(...lessonsDone))).toEqual({ moduleId: 'm1', scenarioId: 's1' });
    expect(nextItem(course, play(...completeM1))).toEqual({ moduleId: 'm2', lessonId: 'l3' });
  });

  test('with everything finished and no location, the course opens at its first item', () => {
    const all = play(
      ...completeM1,
      { type: 'lesson.read', lessonId: 'l3' },
      { type: 'quiz.answered', quizId: 'quiz3', questionId: 'q3', selected: ['b'] },
      { type: 'lesson.read', lessonId: 'l4' },
    );
    expect(nextItem(course, all)).toEqual({ moduleId: 'm1', lessonId: 'l1' });
  });

  test('a course with no items has nowhere to resume', () => {
    expect(nextItem(fakeCourse({ id: 'empty', modules: [] }), emptyProgress('empty'))).toBeUndefined();
  });
});
