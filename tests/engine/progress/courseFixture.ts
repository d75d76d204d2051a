// One small course that exercises every progress rule: a first module with quizzes,
// a reflection and a scenario; a second that needs the first; a third without questions.

import type { CourseProgress, LearningEvent } from '../../../engine/progress/model';
import { emptyProgress } from '../../../engine/progress/model';
import { applyEvent } from '../../../engine/progress/rules';
import {
  fakeChoice,
  fakeCourse,
  fakeEnding,
  fakeLesson,
  fakeModule,
  fakeQuestion,
  fakeQuiz,
  fakeReflection,
  fakeScenario,
  quizBlock,
  reflectionBlock,
} from '../../fakes/fakeCourse';

/** The course: m1 (l1 with quiz1 = q1, q2 and reflection r1; l2; scenario s1), m2 needs m1 (l3 with q3), m3 needs m2 (l4). */
export const course = fakeCourse({
  id: 'hc',
  modules: [
    fakeModule({
      id: 'm1',
      masteryScore: 70,
      lessons: [
        fakeLesson({
          id: 'l1',
          blocks: [
            { kind: 'markdown', markdown: '# One' },
            quizBlock(fakeQuiz({ id: 'quiz1', questions: [fakeQuestion({ id: 'q1', correct: ['a'] }), fakeQuestion({ id: 'q2', correct: ['a', 'b'] })] })),
            reflectionBlock(fakeReflection({ id: 'r1' })),
          ],
        }),
        fakeLesson({ id: 'l2' }),
      ],
      scenarios: [
        fakeScenario({
          id: 's1',
          nodes: {
            start: { choices: [fakeChoice({ id: 'listen', to: 'good' }), fakeChoice({ id: 'rush', to: 'bad' }), fakeChoice({ id: 'wait', to: 'middle' })] },
            middle: { choices: [fakeChoice({ id: 'on', to: 'good' })] },
            good: { ending: fakeEnding({ kind: 'positive' }) },
            bad: { ending: fakeEnding({ kind: 'negative' }) },
          },
        }),
      ],
    }),
    fakeModule({
      id: 'm2',
      prerequisites: ['m1'],
      masteryScore: 50,
      lessons: [fakeLesson({ id: 'l3', blocks: [quizBlock(fakeQuiz({ id: 'quiz3', questions: [fakeQuestion({ id: 'q3', correct: ['b'] })] }))] })],
    }),
    fakeModule({ id: 'm3', prerequisites: ['m2'], lessons: [fakeLesson({ id: 'l4' })] }),
  ],
});

/** Times events are applied at. */
export const T0 = '2026-01-01T10:00:00.000Z';
/** A later time. */
export const T1 = '2026-01-01T10:05:00.000Z';

/** Applies events in order from an empty record, all at T0. */
export function play(...events: LearningEvent[]): CourseProgress {
  return events.reduce((progress, event) => applyEvent(course, progress, event, T0), emptyProgress('hc'));
}

/** The events that complete module m1 with every answer right. */
export const completeM1: LearningEvent[] = [
  { type: 'lesson.visited', lessonId: 'l1' },
  { type: 'quiz.answered', quizId: 'quiz1', questionId: 'q1', selected: ['a'] },
  { type: 'quiz.answered', quizId: 'quiz1', questionId: 'q2', selected: ['a', 'b'] },
  { type: 'reflection.saved', reflectionId: 'r1', text: 'I noticed how much the patient knew.' },
  { type: 'lesson.read', lessonId: 'l1' },
  { type: 'lesson.visited', lessonId: 'l2' },
  { type: 'lesson.read', lessonId: 'l2' },
  { type: 'scenario.chose', scenarioId: 's1', choiceId: 'listen', nodeId: 'good', snapshot: { value: 'good', context: { vars: {}, path: ['listen'] } } },
];
