import { expect, test } from 'vitest';
import { didYouMean, editDistance } from '../../../engine/course/didYouMean';

test('edit distance counts a swapped pair of letters as one edit', () => {
  expect(editDistance('feedbakc', 'feedback')).toBe(1);
  expect(editDistance('prompt', 'prompt')).toBe(0);
  expect(editDistance('', 'id')).toBe(2);
});

test('suggests a close field name, ignoring case', () => {
  expect(didYouMean('Titel', ['id', 'title', 'summary'])).toBe('title');
  expect(didYouMean('estimatedMinuts', ['estimatedMinutes', 'masteryScore'])).toBe('estimatedMinutes');
});

test('suggests nothing when no field is close enough to be a typo', () => {
  expect(didYouMean('colour', ['id', 'title', 'summary'])).toBeUndefined();
});
