// What a quiz lets a learner do and what their answers count for. A graded quiz gives
// `attempts` tries at each question (one unless the author says otherwise); once a
// question is answered rightly or its tries are used up it is settled: its answer is
// the one that counts, the player shows the right answer and the teaching feedback,
// and no further answer is accepted. So a learner who guesses cannot reach "passed" by
// trying again. A practice quiz gives unlimited tries and counts towards nothing.

import type { Quiz } from '../course/model';
import type { AnswerRecord } from './model';

/** Whether a quiz counts towards its module's mastery score. */
export function isGraded(quiz: Quiz): boolean {
  return quiz.graded !== false;
}

/** Tries each question of the quiz allows: its `attempts` (default 1) when graded, unlimited for practice. */
export function triesAllowed(quiz: Quiz): number {
  return isGraded(quiz) ? Math.max(1, quiz.attempts ?? 1) : Number.POSITIVE_INFINITY;
}

/** Tries the learner has left at a question. */
export function triesLeft(quiz: Quiz, record: AnswerRecord | undefined): number {
  if (record?.correct && isGraded(quiz)) return 0;
  return Math.max(0, triesAllowed(quiz) - (record?.attempts ?? 0));
}

/** A graded question answered rightly or out of tries: its answer counts and can no longer change. */
export function isSettled(quiz: Quiz, record: AnswerRecord | undefined): boolean {
  return isGraded(quiz) && record !== undefined && (record.correct || record.attempts >= triesAllowed(quiz));
}

/** Whether the learner has finished with a question: a graded one settled, a practice one answered once. */
export function isDone(quiz: Quiz, record: AnswerRecord | undefined): boolean {
  return isGraded(quiz) ? isSettled(quiz, record) : record !== undefined;
}

/** `right` of `total` as a percentage rounded to two decimals, the figure every report shows and compares. */
export function percent(right: number, total: number): number {
  return total > 0 ? Math.round((right / total) * 10_000) / 100 : 0;
}
