// Whatever a learner (or a buggy or hostile client) sends, the record stays valid:
// it survives being saved and read back, and its summary stays consistent.

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { emptyProgress, type LearningEvent } from '../../../engine/progress/model';
import { migrateProgress } from '../../../engine/progress/migrate';
import { applyEvent, summarize } from '../../../engine/progress/rules';
import { course, T0 } from './courseFixture';

const id = fc.constantFrom('l1', 'l2', 'l3', 'l4', 'q1', 'q2', 'q3', 'quiz1', 'quiz3', 'r1', 's1', 'm1', 'm2', 'good', 'bad', 'middle', 'start', 'gone');
const event: fc.Arbitrary<LearningEvent> = fc.oneof(
  fc.record({ type: fc.constant('lesson.visited' as const), lessonId: id }),
  fc.record({ type: fc.constant('lesson.read' as const), lessonId: id }),
  fc.record({ type: fc.constant('time.spent' as const), seconds: fc.double({ min: -100, max: 20_000 }), lessonId: fc.option(id, { nil: undefined }) }),
  fc.record({ type: fc.constant('quiz.answered' as const), quizId: id, questionId: id, selected: fc.array(fc.constantFrom('a', 'b', 'c', 'z')) }),
  fc.record({
    type: fc.constant('scenario.chose' as const),
    scenarioId: id,
    choiceId: fc.constantFrom('listen', 'rush', 'wait', 'on'),
    nodeId: id,
    snapshot: fc.oneof(fc.constant(null), fc.record({ value: id, context: fc.record({ vars: fc.constant({}), path: fc.array(id) }) })),
  }),
  fc.record({ type: fc.constant('scenario.restarted' as const), scenarioId: id }),
  fc.record({ type: fc.constant('reflection.saved' as const), reflectionId: id, text: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('note.saved' as const), itemId: id, text: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('location.changed' as const), location: fc.record({ moduleId: id, lessonId: id, scenarioId: id }, { requiredKeys: [] }) }),
);

test('any sequence of events leaves a record that reads back equal and sums up consistently', () => {
  fc.assert(
    fc.property(fc.array(event, { maxLength: 40 }), (events) => {
      const progress = events.reduce((p, e) => applyEvent(course, p, e, T0), emptyProgress('hc'));
      const saved = JSON.parse(JSON.stringify(progress));
      expect(migrateProgress(saved)).toEqual(saved);

      const summary = summarize(course, progress);
      expect(summary.percent).toBeGreaterThanOrEqual(0);
      expect(summary.percent).toBeLessThanOrEqual(100);
      expect(summary.itemsComplete).toBeLessThanOrEqual(summary.itemsTotal);
      expect(summary.correct).toBeLessThanOrEqual(summary.questions);
      expect(summary.seconds).toBeGreaterThanOrEqual(0);
      for (const module of Object.values(summary.modules)) {
        if (module.status === 'locked') {
          for (const lesson of Object.values(summary.lessons).filter((l) => l.moduleId === module.id)) expect(lesson.status).toBe('locked');
        }
        if (module.masteryPassed) expect(module.complete).toBe(true);
      }
      if (summary.complete) expect(summary.percent).toBe(100);
    }),
    { numRuns: 300 },
  );
});
