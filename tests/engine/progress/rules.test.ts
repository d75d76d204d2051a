import { describe, expect, test } from 'vitest';
import { emptyProgress, MAX_NOTE_CHARS, type CourseProgress, type LearningEvent } from '../../../engine/progress/model';
import { applyEvent, MAX_SECONDS_PER_EVENT } from '../../../engine/progress/rules';
import { fakeCourse, fakeLesson, fakeModule, fakeQuestion, fakeQuiz, quizBlock } from '../../fakes/fakeCourse';
import { course, play, T0, T1 } from './courseFixture';

/** One lesson with a graded quiz of two tries (q-two) and a practice quiz (q-free). */
const triesCourse = fakeCourse({
  id: 'tries',
  modules: [
    fakeModule({
      id: 'm',
      lessons: [
        fakeLesson({
          id: 'l',
          blocks: [
            quizBlock(fakeQuiz({ id: 'two', attempts: 2, questions: [fakeQuestion({ id: 'q-two', correct: ['a'] })] })),
            quizBlock(fakeQuiz({ id: 'free', graded: false, questions: [fakeQuestion({ id: 'q-free', correct: ['a'] })] })),
          ],
        }),
      ],
    }),
  ],
});
const tryAt = (quizId: string, questionId: string, ...selections: string[][]) =>
  selections.reduce<CourseProgress>(
    (p, selected) => applyEvent(triesCourse, p, { type: 'quiz.answered', quizId, questionId, selected }, T0),
    emptyProgress('tries'),
  );

const chose = (choiceId: string, nodeId: string, path: string[]) =>
  ({ type: 'scenario.chose', scenarioId: 's1', choiceId, nodeId, snapshot: { value: nodeId, context: { vars: {}, path } } }) as const;

describe('applyEvent', () => {
  test('returns a new record and leaves the one given untouched', () => {
    const before = emptyProgress('hc');
    const frozen = structuredClone(before);
    const after = applyEvent(course, before, { type: 'lesson.visited', lessonId: 'l1' }, T0);
    expect(after).not.toBe(before);
    expect(before).toEqual(frozen);
  });

  test('stamps the first and latest change', () => {
    const first = applyEvent(course, emptyProgress('hc'), { type: 'lesson.visited', lessonId: 'l1' }, T0);
    const second = applyEvent(course, first, { type: 'lesson.visited', lessonId: 'l2' }, T1);
    expect([second.startedAt, second.updatedAt]).toEqual([T0, T1]);
  });

  test('an event of a kind the rules do not know is ignored', () => {
    const progress = emptyProgress('hc');
    expect(applyEvent(course, progress, { type: 'course.deleted' } as unknown as LearningEvent, T0)).toBe(progress);
  });

  test('progress of another course is left unchanged', () => {
    const other = emptyProgress('other');
    expect(applyEvent(course, other, { type: 'lesson.visited', lessonId: 'l1' }, T0)).toBe(other);
  });

  describe('lesson visits', () => {
    test('mark the lesson visited, not read', () => {
      expect(play({ type: 'lesson.visited', lessonId: 'l1' }).lessons).toEqual({ l1: { visited: true, read: false, seconds: 0 } });
    });

    test('a visit after reading keeps the lesson read', () => {
      const read = play({ type: 'lesson.read', lessonId: 'l1' });
      expect(applyEvent(course, read, { type: 'lesson.visited', lessonId: 'l1' }, T1)).toBe(read);
    });

    test('a lesson not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'lesson.visited', lessonId: 'gone' }, T0)).toBe(progress);
    });

    test('a second visit changes nothing', () => {
      const once = play({ type: 'lesson.visited', lessonId: 'l1' });
      expect(applyEvent(course, once, { type: 'lesson.visited', lessonId: 'l1' }, T1)).toBe(once);
    });
  });

  describe('reaching the end of a lesson', () => {
    test('marks the lesson read, and visited with it', () => {
      expect(play({ type: 'lesson.visited', lessonId: 'l1' }, { type: 'lesson.read', lessonId: 'l1' }).lessons).toEqual({ l1: { visited: true, read: true, seconds: 0 } });
    });

    test('keeps the time already spent on the lesson', () => {
      expect(play({ type: 'time.spent', seconds: 90, lessonId: 'l2' }, { type: 'lesson.read', lessonId: 'l2' }).lessons.l2).toEqual({ visited: true, read: true, seconds: 90 });
    });

    test('reaching the end again changes nothing', () => {
      const once = play({ type: 'lesson.read', lessonId: 'l1' });
      expect(applyEvent(course, once, { type: 'lesson.read', lessonId: 'l1' }, T1)).toBe(once);
    });

    test('a lesson not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'lesson.read', lessonId: 'gone' }, T0)).toBe(progress);
    });
  });

  describe('time spent', () => {
    test('adds to the course and to the lesson named', () => {
      const progress = play({ type: 'time.spent', seconds: 30, lessonId: 'l1' }, { type: 'time.spent', seconds: 12 });
      expect(progress.seconds).toBe(42);
      expect(progress.lessons.l1).toEqual({ visited: false, read: false, seconds: 30 });
    });

    test('time against a lesson not in the course counts nowhere: the event names nothing the learner studied', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'time.spent', seconds: 30, lessonId: 'gone' }, T0)).toBe(progress);
      expect(play({ type: 'time.spent', seconds: 30, lessonId: 'gone' }).seconds).toBe(0);
    });

    test.each([
      ['negative', -5],
      ['zero', 0],
      ['over four hours', MAX_SECONDS_PER_EVENT + 1],
      ['not a number', Number.NaN],
      ['infinite', Number.POSITIVE_INFINITY],
    ])('%s time is ignored', (_label, seconds) => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'time.spent', seconds, lessonId: 'l1' }, T0)).toBe(progress);
    });

    test('exactly four hours is accepted', () => {
      expect(play({ type: 'time.spent', seconds: MAX_SECONDS_PER_EVENT }).seconds).toBe(MAX_SECONDS_PER_EVENT);
    });
  });

  describe('quiz answers', () => {
    const answer = (questionId: string, selected: string[], quizId = questionId === 'q3' ? 'quiz3' : 'quiz1') =>
      ({ type: 'quiz.answered', quizId, questionId, selected }) as const;

    test('a single-choice question is right only with its correct option', () => {
      expect(play(answer('q1', ['a'])).answers.q1).toEqual({ quizId: 'quiz1', selected: ['a'], correct: true, attempts: 1, at: T0 });
      expect(play(answer('q1', ['b'])).answers.q1?.correct).toBe(false);
      expect(play(answer('q1', ['a', 'b'])).answers.q1?.correct).toBe(false);
    });

    test('a multiple-choice question is right only with exactly its correct options', () => {
      expect(play(answer('q2', ['b', 'a'])).answers.q2?.correct).toBe(true);
      expect(play(answer('q2', ['a'])).answers.q2?.correct).toBe(false);
      expect(play(answer('q2', ['a', 'b', 'c'])).answers.q2?.correct).toBe(false);
    });

    test('a graded question takes one try unless the author gives more: a second answer is refused, so a guess cannot be retried', () => {
      const progress = play(answer('q1', ['b']), answer('q1', ['a']));
      expect(progress.answers.q1).toMatchObject({ selected: ['b'], correct: false, attempts: 1 });
    });

    test('a graded question with two tries takes a second answer after a wrong one, and that one counts', () => {
      expect(tryAt('two', 'q-two', ['b'], ['a']).answers['q-two']).toMatchObject({ selected: ['a'], correct: true, attempts: 2 });
      expect(tryAt('two', 'q-two', ['b'], ['c'], ['a']).answers['q-two']).toMatchObject({ selected: ['c'], correct: false, attempts: 2 });
    });

    test('a graded question answered rightly is settled: a later wrong answer cannot replace it', () => {
      expect(tryAt('two', 'q-two', ['a'], ['b']).answers['q-two']).toMatchObject({ selected: ['a'], correct: true, attempts: 1 });
    });

    test('a practice question keeps the latest answer and counts every try', () => {
      expect(tryAt('free', 'q-free', ['b'], ['c'], ['a'], ['b']).answers['q-free']).toMatchObject({ selected: ['b'], correct: false, attempts: 4 });
    });

    test('repeated and unknown options are dropped from the selection', () => {
      expect(play(answer('q2', ['b', 'a', 'b', 'zz'])).answers.q2).toMatchObject({ selected: ['a', 'b'], correct: true });
    });

    test('an answer with no option the question has is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, answer('q1', []), T0)).toBe(progress);
      expect(applyEvent(course, progress, answer('q1', ['zz']), T0)).toBe(progress);
    });

    test('an answer to a question not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, answer('deleted', ['a']), T0)).toBe(progress);
    });

    test('a selection that is not a list is ignored', () => {
      const progress = emptyProgress('hc');
      const malformed = { type: 'quiz.answered', quizId: 'quiz1', questionId: 'q1', selected: 'a' } as unknown as LearningEvent;
      expect(applyEvent(course, progress, malformed, T0)).toBe(progress);
    });

    test('an answer naming the wrong quiz for its question is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, answer('q1', ['a'], 'quiz3'), T0)).toBe(progress);
    });
  });

  describe('scenario choices', () => {
    test('store the snapshot, the node and the path taken', () => {
      const progress = play(chose('wait', 'middle', ['wait']));
      expect(progress.scenarios.s1).toEqual({
        snapshot: { value: 'middle', context: { vars: {}, path: ['wait'] } },
        nodeId: 'middle',
        path: ['wait'],
        endingsFound: [],
        plays: 0,
      });
    });

    test('without a usable snapshot path the choice is appended to the path so far', () => {
      const progress = play(
        { type: 'scenario.chose', scenarioId: 's1', choiceId: 'wait', nodeId: 'middle', snapshot: null },
        { type: 'scenario.chose', scenarioId: 's1', choiceId: 'on', nodeId: 'good', snapshot: { context: { path: 'oops' } } },
      );
      expect(progress.scenarios.s1?.path).toEqual(['wait', 'on']);
    });

    test('reaching an ending records it once and counts a play each time', () => {
      const progress = play(
        chose('listen', 'good', ['listen']),
        { type: 'scenario.restarted', scenarioId: 's1' },
        chose('wait', 'middle', ['wait']),
        chose('on', 'good', ['wait', 'on']),
      );
      expect(progress.scenarios.s1).toMatchObject({ endingsFound: ['good'], plays: 2 });
    });

    test('the same ending reported twice in a row is one play', () => {
      expect(play(chose('listen', 'good', ['listen']), chose('listen', 'good', ['listen'])).scenarios.s1?.plays).toBe(1);
    });

    test('endings are listed in the order first found', () => {
      const progress = play(chose('rush', 'bad', ['rush']), { type: 'scenario.restarted', scenarioId: 's1' }, chose('listen', 'good', ['listen']));
      expect(progress.scenarios.s1?.endingsFound).toEqual(['bad', 'good']);
    });

    test('a choice in a scenario or at a node not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { ...chose('x', 'good', []), scenarioId: 'gone' }, T0)).toBe(progress);
      expect(applyEvent(course, progress, chose('x', 'nowhere', []), T0)).toBe(progress);
    });
  });

  describe('scenario restarts', () => {
    test('clear the play-through but keep the endings found', () => {
      const progress = play(chose('listen', 'good', ['listen']), { type: 'scenario.restarted', scenarioId: 's1' });
      expect(progress.scenarios.s1).toEqual({ path: [], endingsFound: ['good'], plays: 1 });
    });

    test('count a play-through abandoned part-way', () => {
      const progress = play(chose('wait', 'middle', ['wait']), { type: 'scenario.restarted', scenarioId: 's1' });
      expect(progress.scenarios.s1?.plays).toBe(1);
    });

    test('a restart before any choice counts nothing', () => {
      expect(play({ type: 'scenario.restarted', scenarioId: 's1' }).scenarios.s1?.plays).toBe(0);
    });

    test('a restart of a scenario not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'scenario.restarted', scenarioId: 'gone' }, T0)).toBe(progress);
    });
  });

  describe('reflections', () => {
    test('are saved trimmed, with the time', () => {
      expect(play({ type: 'reflection.saved', reflectionId: 'r1', text: '  I listened.\n' }).reflections).toEqual({ r1: { text: 'I listened.', at: T0 } });
    });

    test('saving empty text removes the entry', () => {
      const progress = play({ type: 'reflection.saved', reflectionId: 'r1', text: 'I listened.' }, { type: 'reflection.saved', reflectionId: 'r1', text: '   ' });
      expect(progress.reflections).toEqual({});
    });

    test('empty text for a reflection never saved changes nothing', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'reflection.saved', reflectionId: 'r1', text: '' }, T0)).toBe(progress);
    });

    test('a reflection not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'reflection.saved', reflectionId: 'gone', text: 'Text' }, T0)).toBe(progress);
    });
  });

  describe('notes', () => {
    test('are saved trimmed, with the time, on a lesson or a scenario', () => {
      const progress = play({ type: 'note.saved', itemId: 'l1', text: '  Ask about sleep.\n' }, { type: 'note.saved', itemId: 's1', text: 'Listen first.' });
      expect(progress.notes).toEqual({ l1: { text: 'Ask about sleep.', at: T0 }, s1: { text: 'Listen first.', at: T0 } });
    });

    test('saving empty text removes the note', () => {
      const progress = play({ type: 'note.saved', itemId: 'l1', text: 'Ask about sleep.' }, { type: 'note.saved', itemId: 'l1', text: ' \n ' });
      expect(progress.notes).toEqual({});
    });

    test('empty text for a note never saved changes nothing', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'note.saved', itemId: 'l1', text: '' }, T0)).toBe(progress);
    });

    test('saving the same text again changes nothing', () => {
      const once = play({ type: 'note.saved', itemId: 'l1', text: 'Ask about sleep.' });
      expect(applyEvent(course, once, { type: 'note.saved', itemId: 'l1', text: 'Ask about sleep. ' }, T1)).toBe(once);
    });

    test('a note on an item not in the course is ignored', () => {
      const progress = emptyProgress('hc');
      expect(applyEvent(course, progress, { type: 'note.saved', itemId: 'gone', text: 'Text' }, T0)).toBe(progress);
      expect(applyEvent(course, progress, { type: 'note.saved', itemId: 'm1', text: 'A module is not a lesson' }, T0)).toBe(progress);
    });

    test('a note longer than the limit is refused whole and the old note kept', () => {
      const once = play({ type: 'note.saved', itemId: 'l1', text: 'Ask about sleep.' });
      const tooLong = 'x'.repeat(MAX_NOTE_CHARS + 1);
      expect(applyEvent(course, once, { type: 'note.saved', itemId: 'l1', text: tooLong }, T1)).toBe(once);
      expect(play({ type: 'note.saved', itemId: 'l1', text: 'x'.repeat(MAX_NOTE_CHARS) }).notes.l1?.text).toHaveLength(MAX_NOTE_CHARS);
    });
  });

  describe('location', () => {
    test('is saved with its module filled in', () => {
      expect(play({ type: 'location.changed', location: { lessonId: 'l3' } }).location).toEqual({ moduleId: 'm2', lessonId: 'l3' });
      expect(play({ type: 'location.changed', location: { scenarioId: 's1' } }).location).toEqual({ moduleId: 'm1', scenarioId: 's1' });
    });

    test('ids the course does not have are dropped', () => {
      expect(play({ type: 'location.changed', location: { moduleId: 'm1', lessonId: 'gone' } }).location).toEqual({ moduleId: 'm1' });
    });

    test('a location naming nothing in the course is ignored', () => {
      const progress: CourseProgress = { ...emptyProgress('hc'), location: { moduleId: 'm1' } };
      expect(applyEvent(course, progress, { type: 'location.changed', location: { lessonId: 'gone' } }, T0)).toBe(progress);
    });

    test('an empty location means the course home', () => {
      const progress: CourseProgress = { ...emptyProgress('hc'), location: { moduleId: 'm1' } };
      expect(applyEvent(course, progress, { type: 'location.changed', location: {} }, T0).location).toEqual({});
    });
  });
});
