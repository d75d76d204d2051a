// How the player marks an answer and scores a quiz, by the same rules the progress
// rules apply: a question is right when exactly its correct options are chosen, and in
// a graded quiz an answer counts once the question is settled (engine/progress/attempts).
import type { Question, Quiz } from '../../../engine/course/model';
import { isDone } from '../../../engine/progress/attempts';
import type { AnswerRecord } from '../../../engine/progress/model';

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

/**
 * Scores a quiz from the learner's saved answers (keyed by question id): a graded
 * question counts once settled, with its counted answer; a practice one by its latest.
 */
export function scoreQuiz(quiz: Quiz, answers: Readonly<Record<string, AnswerRecord>>): QuizScore {
  let right = 0;
  let answered = 0;
  for (const question of quiz.questions) {
    const record = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (!isDone(quiz, record)) continue;
    answered += 1;
    if (record!.correct) right += 1;
  }
  return { right, answered, total: quiz.questions.length };
}

/** The score in words, e.g. "2 of 3 right". */
export function describeScore(score: QuizScore): string {
  return `${score.right} of ${score.total} right`;
}
