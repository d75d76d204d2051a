// A learner who always picks the same position must not pass a quiz or win a
// scenario. In every module of the shipped courses no position holds a right answer
// in most questions (multiple-answer questions included), and no two-thirds of a
// course's multiple-answer questions share one pattern of right positions. In every
// scenario no position holds the best choice at most decision points, where the best
// choice at a node is the one whose authored effects give the greatest total gain in
// control, contact and confidence. Always taking the first (or the last) open choice
// reaches a positive ending in at most half of a course's scenarios.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../engine/course/courseLoader';
import { formatDiagnostic } from '../../engine/course/diagnostics';
import type { Course } from '../../engine/course/model';
import { createNodePackReader } from '../../main/services/nodePackReader';
import { fakeChoice, fakeEnding, fakeLesson, fakeModule, fakeQuestion, fakeQuiz, fakeScenario, quizBlock, threeCs } from '../fakes/fakeCourse';
import {
  bestChoiceTally,
  dominantPositions,
  endingBy,
  moduleQuestions,
  rightAnswerTally,
  rightPositions,
} from './answerPatterns';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shippedCourses = ['courses/health-creation-ug', 'courses/health-creation-pg'];

describe('answer-pattern detection', () => {
  const moduleOf = (...questions: ReturnType<typeof fakeQuestion>[]) =>
    fakeModule({ lessons: [fakeLesson({ blocks: [quizBlock(fakeQuiz({ questions }))] })] });

  it('finds a module whose right answers are mostly first, multiple-answer questions included', () => {
    const patterned = moduleOf(
      fakeQuestion({ correct: ['a'] }),
      fakeQuestion({ correct: ['c'] }),
      fakeQuestion({ type: 'multiple', optionIds: ['a', 'b', 'c', 'd'], correct: ['a', 'b', 'd'] }),
    );
    expect(rightAnswerTally(patterned)).toEqual({ items: 3, perPosition: [2, 1, 1, 1] });
    expect(dominantPositions(rightAnswerTally(patterned))).toEqual([0]);
  });

  it('passes a module whose right answers move about', () => {
    const varied = moduleOf(
      fakeQuestion({ correct: ['a'] }),
      fakeQuestion({ correct: ['c'] }),
      fakeQuestion({ correct: ['b'] }),
      fakeQuestion({ type: 'multiple', optionIds: ['a', 'b', 'c', 'd'], correct: ['b', 'd'] }),
    );
    expect(dominantPositions(rightAnswerTally(varied))).toEqual([]);
  });

  const story = (firstIsBest: boolean) =>
    fakeScenario({
      variables: threeCs(),
      nodes: {
        start: {
          choices: firstIsBest
            ? [fakeChoice({ id: 'listen', to: 'next', effects: { control: 1 } }), fakeChoice({ id: 'tell', to: 'next', effects: { control: -1 } })]
            : [fakeChoice({ id: 'tell', to: 'next', effects: { control: -1 } }), fakeChoice({ id: 'listen', to: 'next', effects: { control: 1 } })],
        },
        next: {
          choices: [
            fakeChoice({ id: 'lead', to: 'win', effects: { confidence: 2, contact: -1 } }),
            fakeChoice({ id: 'follow', to: 'lose', effects: { contact: 0 } }),
          ],
        },
        win: { ending: fakeEnding({ kind: 'positive' }) },
        lose: { ending: fakeEnding({ kind: 'negative' }) },
      },
    });

  it('finds a scenario whose best choice, by total 3Cs gain, is first at most decision points', () => {
    expect(bestChoiceTally(story(true))).toEqual({ items: 2, perPosition: [2] });
    expect(dominantPositions(bestChoiceTally(story(true)))).toEqual([0]);
    expect(endingBy(story(true), 'first')).toBe('win');
  });

  it('passes a scenario whose best choices sit in different places', () => {
    expect(dominantPositions(bestChoiceTally(story(false)))).toEqual([]);
    expect(endingBy(story(false), 'first')).toBe('win');
    expect(endingBy(story(false), 'last')).toBe('lose');
  });
});

describe.each(shippedCourses)('%s', (dir) => {
  let course: Course;

  beforeAll(async () => {
    const result = await loadCourse(createNodePackReader(path.join(repoRoot, dir)));
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, dir));
    expect(errors, errors.join('\n')).toEqual([]);
    course = result.course!;
  });

  it('has no module whose right answers sit in one position for most of its questions', () => {
    const patterned = course.modules.flatMap((m) => {
      const tally = rightAnswerTally(m);
      return dominantPositions(tally).map((p) => `${m.id}: a right answer is option ${p + 1} in ${tally.perPosition[p]} of ${tally.items} questions`);
    });
    expect(patterned, patterned.join('\n')).toEqual([]);
  });

  it('varies the pattern of right positions across its multiple-answer questions', () => {
    const multiples = course.modules.flatMap(moduleQuestions).filter((q) => q.type === 'multiple');
    const patterns = new Map<string, string[]>();
    for (const q of multiples) {
      const key = rightPositions(q).map((p) => p + 1).join(', ');
      patterns.set(key, [...(patterns.get(key) ?? []), q.id]);
    }
    const common = [...patterns].filter(([, ids]) => ids.length > (2 * multiples.length) / 3);
    expect(common.map(([key, ids]) => `options ${key} are the right ones in ${ids.join(', ')}`)).toEqual([]);
  });

  it('has no scenario whose best choice sits in one position at most decision points', () => {
    const patterned = course.modules.flatMap((m) =>
      m.scenarios.flatMap((s) => {
        const tally = bestChoiceTally(s);
        return dominantPositions(tally).map((p) => `${s.file}: the best choice is choice ${p + 1} at ${tally.perPosition[p]} of ${tally.items} decision points`);
      }),
    );
    expect(patterned, patterned.join('\n')).toEqual([]);
  });

  it.each(['first', 'last'] as const)('reaches a positive ending by always taking the %s choice in at most half its scenarios', (pick) => {
    const scenarios = course.modules.flatMap((m) => m.scenarios);
    const won = scenarios.filter((s) => {
      const ending = endingBy(s, pick);
      return ending !== undefined && s.nodes[ending]?.ending?.kind === 'positive';
    });
    expect(won.length, `won by always taking the ${pick} choice: ${won.map((s) => s.id).join(', ')}`).toBeLessThanOrEqual(scenarios.length / 2);
  });
});
