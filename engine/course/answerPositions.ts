// An author's habit of writing the right answer in the same place. Learners shuffle
// past it in the player, but not where an author turns shuffling off or pins options,
// nor in print or another tool, and a habit that strong is a tell worth fixing at the
// source. The check looks at where each question's first right option is written.

import type { Diagnostic } from './diagnostics';
import type { Module, Question } from './model';
import type { Position } from './yamlSource';

/** Fewest questions in a module before a shared position counts as a habit rather than chance. */
export const MIN_QUESTIONS_FOR_POSITION_CHECK = 4;

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Where a question's first right option is written (0-based), or -1 when none is right. */
export function answerPosition(question: Question): number {
  return question.options.findIndex((o) => o.correct);
}

/**
 * A warning when the right answer is written in the same position in most (more than
 * half) of a module's questions, reported at `at()` in `file` (asked only when needed, since locating parses the YAML in full); undefined otherwise.
 */
export function answerPositionFinding(module: Module, file: string, at: () => Position): Diagnostic | undefined {
  const questions = module.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : [])));
  if (questions.length < MIN_QUESTIONS_FOR_POSITION_CHECK) return undefined;
  const byPosition = new Map<number, Question[]>();
  for (const q of questions) {
    const p = answerPosition(q);
    if (p >= 0) byPosition.set(p, [...(byPosition.get(p) ?? []), q]);
  }
  const [position, same] = [...byPosition.entries()].reduce((a, b) => (b[1].length > a[1].length ? b : a), [-1, [] as Question[]]);
  if (same.length * 2 <= questions.length) return undefined;
  const named = same.slice(0, 5).map((q) => `\`${q.id}\``).join(', ') + (same.length > 5 ? `, and ${same.length - 5} more` : '');
  return {
    file,
    ...at(),
    severity: 'warning',
    code: 'HCS025',
    message: `the right answer is the ${ordinal(position + 1)} option written in ${same.length} of the ${questions.length} questions of module \`${module.id}\` (${named}): shuffling hides this from learners only where it is on, so vary where the right answer is written`,
  };
}
