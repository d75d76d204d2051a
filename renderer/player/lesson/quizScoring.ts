// How the player marks an answer, the same rule the progress rules apply: a question
// is right when exactly its correct options are chosen, no more and no fewer.
import type { Question, Quiz } from '../../../engine/course/model';

/** True when the selection is exactly the question's set of correct options. */
export function isAnswerCorrect(question: Question, selected: readonly string[]): boolean {
  const chosen = new Set(selected);
  return question.options.every((option) => option.correct === chosen.has(option.id));
}

/** A quiz's score: how many of its questions are answered right. */
export interface QuizScore {
  right: number;
  answered: number;
  total: number;
}

/** Scores a quiz from the selections of the questions answered so far (keyed by question id). */
export function scoreQuiz(quiz: Quiz, answers: Readonly<Record<string, readonly string[]>>): QuizScore {
  let right = 0;
  let answered = 0;
  for (const question of quiz.questions) {
    const selected = answers[question.id];
    if (!selected) continue;
    answered += 1;
    if (isAnswerCorrect(question, selected)) right += 1;
  }
  return { right, answered, total: quiz.questions.length };
}

/** The score in words, e.g. "2 of 3 right". */
export function describeScore(score: QuizScore): string {
  return `${score.right} of ${score.total} right`;
}
