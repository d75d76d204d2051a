import { describe, expect, it } from 'vitest';
import { describeScore, isAnswerCorrect, scoreQuiz } from '../../../renderer/player/lesson/quizScoring';
import { playerLesson } from '../../fakes/playerFixtures';
import type { Quiz } from '../../../engine/course/model';

const quiz = playerLesson().blocks.find((b) => b.kind === 'quiz')!.quiz as Quiz;
const [single, multiple] = quiz.questions as [Quiz['questions'][0], Quiz['questions'][0]];

describe('quiz scoring', () => {
  it('marks a single-choice answer right only for the correct option', () => {
    expect(isAnswerCorrect(single, ['a'])).toBe(true);
    expect(isAnswerCorrect(single, ['b'])).toBe(false);
  });

  it('marks a multiple-choice answer right only when exactly the correct options are chosen', () => {
    expect(isAnswerCorrect(multiple, ['control', 'contact'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['control'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['control', 'contact', 'cost'])).toBe(false);
  });

  it('scores a quiz across its settled questions, counting the answer that counted', () => {
    const record = (selected: string[], correct: boolean, attempts: number) => ({ quizId: quiz.id, selected, correct, attempts, at: '' });
    const score = scoreQuiz(quiz, { 'q-gap-1': record(['a'], true, 1), 'q-gap-2': record(['cost'], false, 2) });
    expect(score).toEqual({ right: 1, answered: 2, total: 2 });
    expect(describeScore(score)).toBe('1 of 2 right');
    // One wrong try of two leaves the question open: it is not counted yet.
    expect(scoreQuiz(quiz, { 'q-gap-2': record(['cost'], false, 1) })).toEqual({ right: 0, answered: 0, total: 2 });
  });
});
