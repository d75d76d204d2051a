// How an answer is marked. A single-choice question is right when the one option
// chosen is its correct option; a multiple-choice question is right only when the
// options chosen are exactly its correct ones, so ticking everything never scores.

import type { Question } from '../course/model';

/** The chosen option ids that the question has, once each, in the question's order. */
export function normaliseSelection(question: Question, selected: readonly string[]): string[] {
  const chosen = new Set(selected);
  return question.options.filter((option) => chosen.has(option.id)).map((option) => option.id);
}

/** Whether a selection (already normalised) answers the question rightly. */
export function isCorrect(question: Question, selected: readonly string[]): boolean {
  const right = question.options.filter((option) => option.correct).map((option) => option.id);
  if (question.type === 'single') return selected.length === 1 && right.length === 1 && selected[0] === right[0];
  return selected.length === right.length && right.every((id) => selected.includes(id));
}
