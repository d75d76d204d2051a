// The fast shape checks may only ever skip zod when zod would accept the value: for
// any value they vouch for, zod must succeed and return the same data, keys in the
// same order (so exported JSON is unchanged).

import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { z } from 'zod';
import { FAST_SHAPES } from '../../../engine/course/fastShapes';
import { lessonFrontMatterSchema, moduleFileSchema, quizBlockSchema, reflectionBlockSchema, scenarioFileSchema } from '../../../engine/course/schema';

const samples: Array<[string, z.ZodType, unknown]> = [
  ['lesson front matter', lessonFrontMatterSchema, { title: 'Listening', id: 'l1', minutes: 10, outcomes: ['o1', 'o2'] }],
  [
    'quiz',
    quizBlockSchema,
    {
      questions: [
        {
          id: 'q1',
          type: 'single',
          prompt: 'Which?',
          shuffle: false,
          options: [
            { text: 'A', id: 'a', correct: true, feedback: 'Yes.' },
            { id: 'b', text: 'B', correct: false, feedback: 'No.' },
            { id: 'c', text: 'All of them', correct: false, feedback: 'No.', pin: true },
          ],
        },
      ],
      attempts: 2,
      id: 'quiz-1',
      graded: true,
      title: 'Check',
    },
  ],
  ['reflection', reflectionBlockSchema, { prompt: 'Why?', id: 'r1', guidance: 'Think.' }],
  [
    'module',
    moduleFileSchema,
    {
      id: 'm1',
      title: 'Module',
      summary: 'About.',
      outcomes: [{ text: 'Do it', id: 'o1', courseOutcomes: ['c1'] }],
      prerequisites: [],
      estimatedMinutes: 30,
      masteryScore: 80,
      lessons: ['a.md'],
      scenarios: ['s.scenario.yaml'],
    },
  ],
  [
    'scenario',
    scenarioFileSchema,
    {
      id: 's1',
      title: 'Story',
      summary: 'A story.',
      focus: 'Asha',
      outcomes: ['o1'],
      initial: { contact: 3, control: 4 },
      variables: { trust: { label: 'Trust', initial: 2, max: 5 } },
      start: 'begin',
      nodes: {
        begin: { text: 'Start', choices: [{ to: 'end', id: 'go', text: 'Go', effects: { trust: 1 }, when: 'trust > 0' }] },
        end: { ending: { title: 'Done', kind: 'positive', debrief: 'Well done.', features: ['reciprocity'] } },
        other: {
          ending: {
            pathNotes: [{ text: 'Trust grew.', when: 'trust > 1' }],
            missing: ['power-shifting'],
            title: 'Partly',
            kind: 'mixed',
            debrief: 'Some of it.',
            features: [],
          },
        },
      },
    },
  ],
];

/** What zod returns, or undefined when it finds a problem. */
function zodData(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

test.each(samples)('a well-formed %s skips zod and gives the data zod gives, in the same key order', (_what, schema, value) => {
  const fast = FAST_SHAPES.get(schema)!(value);
  expect(fast).toBeDefined();
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zodData(schema, value)));
});

/** The value with the thing at `path` replaced (or removed, for undefined). */
function replaced(value: unknown, path: ReadonlyArray<string | number>, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  const inner = replaced(copy[head!], rest, next);
  if (inner === undefined && !Array.isArray(copy)) delete copy[head!];
  else copy[head!] = inner;
  return copy;
}

/** Every path to a value inside `value`, plus a new key on each mapping. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [at];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    found.push([...at, 'extra']);
    for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...at, k]));
  }
  return found;
}

const oddValue = fc.oneof(
  fc.constantFrom(undefined, null, '', 'x', 'Bad Id', 'a'.repeat(41), 'ok-id', 0, -1, 1.5, 101, 11, 2 ** 60, Number.NaN, true, false, [], {}, ['a'], ['Bad Id']),
  fc.jsonValue(),
);

test.each(samples)('a changed %s skips zod only when zod would accept it too', (_what, schema, value) => {
  const allPaths = paths(value);
  fc.assert(
    fc.property(fc.constantFrom(...allPaths), oddValue, (path, odd) => {
      const changed = replaced(value, path, odd);
      const fast = FAST_SHAPES.get(schema)!(changed);
      if (fast === undefined) return;
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zodData(schema, changed)));
    }),
    { numRuns: 3000 },
  );
});

test('a question with more options than a SCORM 1.2 response can name is left to zod, which refuses it', () => {
  const options = Array.from({ length: 37 }, (_, i) => ({ id: `o${i}`, text: `Option ${i}`, correct: i === 0, feedback: 'Why.' }));
  const quiz = { id: 'quiz-1', questions: [{ id: 'q1', type: 'single', prompt: 'Which?', options }] };
  expect(FAST_SHAPES.get(quizBlockSchema)!(quiz)).toBeUndefined();
  expect(quizBlockSchema.safeParse(quiz).success).toBe(false);
  const fits = { ...quiz, questions: [{ ...quiz.questions[0]!, options: options.slice(0, 36) }] };
  expect(JSON.stringify(FAST_SHAPES.get(quizBlockSchema)!(fits))).toBe(JSON.stringify(quizBlockSchema.parse(fits)));
});
