import { describe, expect, test } from 'vitest';
import type { Course } from '../../../engine/course/model';
import { emptyProgress } from '../../../engine/progress/model';
import { summarize } from '../../../engine/progress/rules';
import { fakeCourse, fakeLesson, fakeModule, fakeQuestion, fakeQuiz, quizBlock } from '../../fakes/fakeCourse';
import { completeM1, course, play } from './courseFixture';

const answer = (questionId: string, selected: string[]) =>
  ({ type: 'quiz.answered', quizId: questionId === 'q3' ? 'quiz3' : 'quiz1', questionId, selected }) as const;

describe('summarize', () => {
  test('a new learner: first module open and not started, later ones locked, nothing done', () => {
    const summary = summarize(course, emptyProgress('hc'));
    expect(summary.status).toBe('not-started');
    expect(summary.unlockedModules).toEqual(['m1']);
    expect(Object.values(summary.modules).map((m) => [m.id, m.status])).toEqual([
      ['m1', 'not-started'],
      ['m2', 'locked'],
      ['m3', 'locked'],
    ]);
    expect(summary.lessons.l3?.status).toBe('locked');
    expect(summary).toMatchObject({ percent: 0, itemsComplete: 0, itemsTotal: 5, questions: 3, correct: 0, endingsFound: 0, endingsTotal: 2, seconds: 0 });
  });

  test('a visited lesson with questions left is in progress, not complete', () => {
    const summary = summarize(course, play({ type: 'lesson.visited', lessonId: 'l1' }));
    expect(summary.lessons.l1).toMatchObject({ status: 'in-progress', complete: false, visited: true, questions: 2, answered: 0 });
    expect(summary.modules.m1?.status).toBe('in-progress');
    expect(summary.status).toBe('in-progress');
  });

  test('a lesson is complete once read to its end, every question answered and every reflection saved', () => {
    const answered = play({ type: 'lesson.read', lessonId: 'l1' }, answer('q1', ['a']), answer('q2', ['a']));
    expect(summarize(course, answered).lessons.l1?.status).toBe('in-progress');
    const reflected = play(
      { type: 'lesson.visited', lessonId: 'l1' },
      answer('q1', ['a']),
      answer('q2', ['a']),
      { type: 'reflection.saved', reflectionId: 'r1', text: 'Noted.' },
    );
    expect(summarize(course, reflected).lessons.l1).toMatchObject({ status: 'in-progress', complete: false, read: false });
    const read = play({ type: 'lesson.visited', lessonId: 'l1' }, answer('q1', ['a']), answer('q2', ['a']), { type: 'reflection.saved', reflectionId: 'r1', text: 'Noted.' }, { type: 'lesson.read', lessonId: 'l1' });
    expect(summarize(course, read).lessons.l1).toMatchObject({ status: 'complete', complete: true, read: true, answered: 2, correct: 1, reflectionsSaved: 1 });
  });

  test('answers without a visit leave the lesson in progress', () => {
    const progress = play(answer('q1', ['a']), answer('q2', ['a', 'b']), { type: 'reflection.saved', reflectionId: 'r1', text: 'Noted.' });
    expect(summarize(course, progress).lessons.l1?.status).toBe('in-progress');
  });

  test('opening a lesson does not complete it, even one without quizzes or reflections', () => {
    expect(summarize(course, play({ type: 'lesson.visited', lessonId: 'l2' })).lessons.l2).toMatchObject({ status: 'in-progress', complete: false, visited: true, read: false });
  });

  test('a lesson without quizzes or reflections is complete once read to its end', () => {
    expect(summarize(course, play({ type: 'lesson.visited', lessonId: 'l2' }, { type: 'lesson.read', lessonId: 'l2' })).lessons.l2?.status).toBe('complete');
  });

  test('a scenario is in progress after a choice and complete once any ending is found', () => {
    const started = play({ type: 'scenario.chose', scenarioId: 's1', choiceId: 'wait', nodeId: 'middle', snapshot: null });
    expect(summarize(course, started).scenarios.s1).toMatchObject({ status: 'in-progress', endingsFound: [], endingsTotal: 2 });
    const ended = play({ type: 'scenario.chose', scenarioId: 's1', choiceId: 'rush', nodeId: 'bad', snapshot: null });
    expect(summarize(course, ended).scenarios.s1).toMatchObject({ status: 'complete', endingsFound: ['bad'], plays: 1 });
  });

  test('finishing every item of a module completes it and unlocks the module that needs it', () => {
    const summary = summarize(course, play(...completeM1));
    expect(summary.modules.m1).toMatchObject({ status: 'complete', complete: true, itemsComplete: 3, itemsTotal: 3, score: 100, masteryPassed: true });
    expect(summary.modules.m2).toMatchObject({ status: 'not-started', unlocked: true });
    expect(summary.modules.m3?.status).toBe('locked');
    expect(summary.unlockedModules).toEqual(['m1', 'm2']);
    expect(summary.percent).toBe(60);
    expect(summary.endingsFound).toBe(1);
  });

  test('the module score is the share of its questions whose counted answer is right', () => {
    const wrongFirst = completeM1.map((e) => (e.type === 'quiz.answered' && e.questionId === 'q2' ? answer('q2', ['a']) : e));
    const summary = summarize(course, play(...wrongFirst, answer('q2', ['a', 'b'])));
    expect(summary.modules.m1).toMatchObject({ score: 50, correct: 1, answered: 2, complete: true, masteryPassed: false });
  });

  test('a practice quiz counts towards completion but not towards the score or mastery', () => {
    const practice = fakeCourse({
      id: 'p',
      modules: [
        fakeModule({
          id: 'm',
          masteryScore: 100,
          lessons: [
            fakeLesson({
              id: 'l',
              blocks: [
                quizBlock(fakeQuiz({ id: 'graded', questions: [fakeQuestion({ id: 'g', correct: ['a'] })] })),
                quizBlock(fakeQuiz({ id: 'practice', graded: false, questions: [fakeQuestion({ id: 'p', correct: ['a'] })] })),
              ],
            }),
          ],
        }),
      ],
    });
    const visited = { ...emptyProgress('p'), lessons: { l: { visited: true, read: true, seconds: 0 } } };
    const graded = { ...visited, answers: { g: { quizId: 'graded', selected: ['a'], correct: true, attempts: 1, at: '' } } };
    expect(summarize(practice, graded).lessons.l).toMatchObject({ complete: false, answered: 1, questions: 2 });
    const both = { ...graded, answers: { ...graded.answers, p: { quizId: 'practice', selected: ['b'], correct: false, attempts: 3, at: '' } } };
    expect(summarize(practice, both).modules.m).toMatchObject({ complete: true, questions: 1, correct: 1, score: 100, masteryPassed: true });
    expect(summarize(practice, both).score).toBe(100);
  });

  test('a graded question with tries left does not count yet, and leaves its lesson incomplete', () => {
    const twoTries = fakeCourse({
      id: 't',
      modules: [fakeModule({ id: 'm', lessons: [fakeLesson({ id: 'l', blocks: [quizBlock(fakeQuiz({ id: 'qz', attempts: 2, questions: [fakeQuestion({ id: 'x' })] }))] })] })],
    });
    const once = { ...emptyProgress('t'), lessons: { l: { visited: true, read: true, seconds: 0 } }, answers: { x: { quizId: 'qz', selected: ['b'], correct: false, attempts: 1, at: '' } } };
    expect(summarize(twoTries, once).modules.m).toMatchObject({ answered: 0, correct: 0, score: 0, complete: false });
    const twice = { ...once, answers: { x: { ...once.answers.x, attempts: 2 } } };
    expect(summarize(twoTries, twice).modules.m).toMatchObject({ answered: 1, correct: 0, score: 0, complete: true, masteryPassed: false });
  });

  test('scores are rounded to two decimals, so the mastery comparison agrees with what an LMS is sent', () => {
    const thirds = fakeCourse({
      id: 'r',
      modules: [
        fakeModule({
          id: 'm',
          masteryScore: 66.67,
          lessons: [fakeLesson({ id: 'l', blocks: [quizBlock(fakeQuiz({ id: 'qz', questions: ['x', 'y', 'z'].map((id) => fakeQuestion({ id })) }))] })],
        }),
      ],
    });
    const answers = Object.fromEntries(['x', 'y', 'z'].map((id, i) => [id, { quizId: 'qz', selected: ['a'], correct: i < 2, attempts: 1, at: '' }]));
    const summary = summarize(thirds, { ...emptyProgress('r'), lessons: { l: { visited: true, read: true, seconds: 0 } }, answers });
    expect(summary.modules.m).toMatchObject({ score: 66.67, masteryPassed: true });
  });

  test('mastery is passed at exactly the mastery score', () => {
    const summary = summarize(course, play(...completeM1, { type: 'lesson.read', lessonId: 'l3' }, answer('q3', ['b'])));
    expect(summary.modules.m2).toMatchObject({ score: 100, masteryScore: 50, masteryPassed: true });
    const atScore = fakeCourse({
      id: 'c',
      modules: [
        fakeModule({
          id: 'only',
          masteryScore: 50,
          lessons: [fakeLesson({ id: 'l', blocks: [quizBlock(fakeQuiz({ id: 'qz', questions: [fakeQuestion({ id: 'x' }), fakeQuestion({ id: 'y' })] }))] })],
        }),
      ],
    });
    const progress = {
      ...emptyProgress('c'),
      lessons: { l: { visited: true, read: true, seconds: 0 } },
      answers: {
        x: { quizId: 'qz', selected: ['a'], correct: true, attempts: 1, at: '' },
        y: { quizId: 'qz', selected: ['b'], correct: false, attempts: 1, at: '' },
      },
    };
    expect(summarize(atScore, progress).modules.only).toMatchObject({ score: 50, masteryPassed: true });
  });

  test('an incomplete module has not passed mastery, whatever its score', () => {
    const summary = summarize(course, play({ type: 'lesson.visited', lessonId: 'l1' }, answer('q1', ['a']), answer('q2', ['a', 'b'])));
    expect(summary.modules.m1).toMatchObject({ score: 100, complete: false, masteryPassed: false });
  });

  test('a module without questions has no score and passes once complete', () => {
    const all = play(...completeM1, { type: 'lesson.read', lessonId: 'l3' }, answer('q3', ['b']), { type: 'lesson.read', lessonId: 'l4' });
    const summary = summarize(course, all);
    expect(summary.modules.m3).toMatchObject({ complete: true, masteryPassed: true, questions: 0 });
    expect(summary.modules.m3).not.toHaveProperty('score');
    expect(summary).toMatchObject({ status: 'complete', complete: true, passed: true, percent: 100, score: 100 });
  });

  test('a failed mastery score still completes the course but does not pass it', () => {
    const wrong = completeM1.map((e) => (e.type === 'quiz.answered' ? answer(e.questionId, e.questionId === 'q1' ? ['b'] : ['c']) : e));
    const all = play(...wrong, { type: 'lesson.read', lessonId: 'l3' }, answer('q3', ['b']), { type: 'lesson.read', lessonId: 'l4' });
    expect(summarize(course, all)).toMatchObject({ complete: true, passed: false });
  });

  test('answers to questions deleted from the course are ignored in scores', () => {
    const progress = {
      ...play(...completeM1),
      answers: { ...play(...completeM1).answers, removed: { quizId: 'quiz1', selected: ['a'], correct: true, attempts: 1, at: '' } },
    };
    const summary = summarize(course, progress);
    expect(summary.modules.m1).toMatchObject({ questions: 2, correct: 2, score: 100 });
    expect(summary.correct).toBe(2);
  });

  test('endings found that an edit removed are not counted', () => {
    const progress = play(...completeM1);
    progress.scenarios.s1 = { ...progress.scenarios.s1!, endingsFound: ['cut-ending'] };
    const summary = summarize(course, progress);
    expect(summary.scenarios.s1).toMatchObject({ endingsFound: [], status: 'in-progress' });
    expect(summary.modules.m1?.complete).toBe(false);
  });

  test('work done in a module stays complete when a new prerequisite locks it', () => {
    const locked: Course = { ...course, modules: [{ ...course.modules[0]!, prerequisites: ['m3'] }, ...course.modules.slice(1)] };
    const summary = summarize(locked, play(...completeM1));
    expect(summary.modules.m1).toMatchObject({ status: 'locked', unlocked: false, complete: true });
    expect(summary.lessons.l2).toMatchObject({ status: 'locked', complete: true });
  });

  test('time adds up per lesson, per module and for the course', () => {
    const progress = play(
      { type: 'time.spent', seconds: 60, lessonId: 'l1' },
      { type: 'time.spent', seconds: 30, lessonId: 'l2' },
      { type: 'time.spent', seconds: 15, lessonId: 'l3' },
      { type: 'time.spent', seconds: 5 },
    );
    const summary = summarize(course, progress);
    expect([summary.lessons.l1?.seconds, summary.modules.m1?.seconds, summary.modules.m2?.seconds, summary.seconds]).toEqual([60, 90, 15, 110]);
    expect(summary.status).toBe('in-progress');
  });

  test('a course with no modules is not started and has no percentage to show', () => {
    expect(summarize(fakeCourse({ id: 'empty', modules: [] }), emptyProgress('empty'))).toMatchObject({ status: 'not-started', percent: 0, itemsTotal: 0 });
  });
});
