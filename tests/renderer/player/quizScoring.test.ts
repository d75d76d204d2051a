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

  it('scores a quiz across its answered questions', () => {
    const score = scoreQuiz(quiz, { 'q-gap-1': ['a'], 'q-gap-2': ['cost'] });
    expect(score).toEqual({ right: 1, answered: 2, total: 2 });
    expect(describeScore(score)).toBe('1 of 2 right');
  });
});
