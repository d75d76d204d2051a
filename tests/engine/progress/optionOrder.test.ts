import { describe, expect, test } from 'vitest';
import type { Question } from '../../../engine/course/model';
import { optionOrder } from '../../../engine/progress/optionOrder';
import { fakeQuestion } from '../../fakes/fakeCourse';

const ids = (q: Question, seed: string) => optionOrder(q, seed).map((o) => o.id);
const four = fakeQuestion({ id: 'q-four', optionIds: ['a', 'b', 'c', 'd'], correct: ['a'] });

describe('optionOrder', () => {
  test('gives a learner the same order every time they meet the question', () => {
    expect(ids(four, 'learner-1')).toEqual(ids(four, 'learner-1'));
    expect(ids(four, 'learner-1').sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  test('gives different learners different orders, so the right answer is not where a classmate saw it', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, i) => ids(four, `learner-${i}`).join('')));
    expect(orders.size).toBeGreaterThan(10);
  });

  test('puts the right answer in each place about equally often across learners', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[ids(four, `student${i}`).indexOf('a')]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(850);
  });

  test('orders each question of one learner on its own', () => {
    const other = { ...four, id: 'q-other' };
    const differ = Array.from({ length: 20 }, (_, i) => ids(four, `l${i}`).join('') !== ids(other, `l${i}`).join(''));
    expect(differ.filter(Boolean).length).toBeGreaterThan(10);
  });

  test('keeps a pinned option at its written place', () => {
    const pinned: Question = { ...four, options: four.options.map((o) => (o.id === 'd' ? { ...o, text: 'All of the above', pin: true } : o)) };
    for (let i = 0; i < 50; i++) expect(ids(pinned, `l${i}`)[3]).toBe('d');
  });

  test('keeps the written order when the author turns shuffling off', () => {
    const fixed: Question = { ...four, shuffle: false };
    for (let i = 0; i < 20; i++) expect(ids(fixed, `l${i}`)).toEqual(['a', 'b', 'c', 'd']);
  });
});
