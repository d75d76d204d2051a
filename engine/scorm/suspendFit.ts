// The export-time promise that a SCO's resume state fits SCORM 1.2's 4,096
// characters (and a SCORM 2004 package's own budget, suspendCodec.ts). scorm-again and
// many LMSs accept more, so an overflow would only show at some institutions, as lost
// progress; the package is refused instead.
// The worst case is a complete play-through: every lesson read, every question
// answered with every option ticked, every scenario replayed along its longest path
// to an ending and every ending found, every reflection written at length.

import type { Course, Scenario } from '../course/model';
import type { CourseProgress } from '../progress/model';
import { emptyProgress } from '../progress/model';
import type { ScoScope } from './scope';
import { scopeLessons, scopeModules, scopeQuestions, scopeReflectionIds, scopeScenarios } from './scope';
import type { Standard } from './cmiMapping';
import { encodeSuspendData, suspendLimit, type ScoState } from './suspendCodec';

/** Characters of reflection text per prompt that a SCORM 1.2 package keeps room for. */
export const SCORM12_REFLECTION_CHARS = 600;

/** How a SCO's worst-case resume state measures against the 1.2 limit. */
export interface SuspendFit {
  scoId: string;
  chars: number;
  limit: number;
  fits: boolean;
}

/** Builds the progress of a complete play-through of a scope, as long as it can get. */
export function completePlaythrough(course: Course, scope: ScoScope): CourseProgress {
  const at = '2030-12-31T23:59:59.000Z';
  const progress = emptyProgress(course.id);
  for (const lesson of scopeLessons(course, scope)) progress.lessons[lesson.id] = { visited: true, read: true, seconds: 99_999 };
  for (const { question, quiz } of scopeQuestions(course, scope)) {
    progress.answers[question.id] = { quizId: quiz.id, selected: question.options.map((o) => o.id), correct: false, attempts: 99, at };
  }
  for (const scenario of scopeScenarios(course, scope)) {
    const { path, nodeId, vars } = longestRun(scenario);
    const endings = Object.values(scenario.nodes).filter((n) => n.ending).map((n) => n.id);
    progress.scenarios[scenario.id] = {
      nodeId,
      path,
      endingsFound: endings,
      plays: 999,
      // The shape XState v5 persists for a flat machine that has reached a final state.
      snapshot: { status: 'done', value: nodeId, historyValue: {}, context: { vars, path }, children: {} },
    };
  }
  // Varied letters, so the estimate does not lean on compression of repeated text.
  for (const id of scopeReflectionIds(course, scope)) {
    progress.reflections[id] = { text: proseLike(SCORM12_REFLECTION_CHARS, id), at };
  }
  const last = scopeModules(course, scope).at(-1);
  const lastLesson = last?.lessons.at(-1);
  const lastScenario = last?.scenarios.at(-1);
  progress.location = {
    ...(last ? { moduleId: last.id } : {}),
    ...(lastLesson ? { lessonId: lastLesson.id } : {}),
    ...(lastScenario ? { scenarioId: lastScenario.id } : {}),
  };
  progress.seconds = 9_999_999;
  progress.startedAt = at;
  progress.updatedAt = at;
  return progress;
}

/** The SCO's own state after a complete play-through: a seed as long as any, an interaction for every question and scenario. */
export function completeState(course: Course, scope: ScoScope): ScoState {
  const ids = [...scopeQuestions(course, scope).map((q) => q.question.id), ...scopeScenarios(course, scope).map((s) => s.id)];
  return { seed: 'z'.repeat(SEED_CHARS), interactions: Object.fromEntries(ids.map((id, n) => [id, n])) };
}

/** Characters of the longest shuffle seed a SCO keeps (see renderer/scorm/learnerSeed.ts). */
export const SEED_CHARS = 16;

/** Measures the worst-case suspend_data of each SCO against what a package of the standard may write. */
export function checkSuspendFit(course: Course, scopes: readonly ScoScope[], standard: Standard = 'scorm12'): SuspendFit[] {
  const limit = suspendLimit(standard);
  return scopes.map((scope) => {
    const chars = encodeSuspendData(course, scope, completePlaythrough(course, scope), completeState(course, scope)).length;
    return { scoId: scope.id, chars, limit, fits: chars <= limit };
  });
}

/** The longest loop-free path from the start to an ending, with variables at their widest. */
function longestRun(scenario: Scenario): { path: string[]; nodeId: string; vars: Record<string, number> } {
  let best: { path: string[]; nodeId: string } = { path: [], nodeId: scenario.start };
  const seen = new Set<string>();
  const path: string[] = [];
  let budget = 2_000; // bounds the search on large graphs; depth first, so the estimate is still a long path
  const walk = (nodeId: string) => {
    const node = scenario.nodes[nodeId];
    if (!node || seen.has(nodeId) || budget-- <= 0) return;
    if (node.ending && path.length >= best.path.length) best = { path: [...path], nodeId };
    seen.add(nodeId);
    for (const choice of node.choices) {
      path.push(choice.id);
      walk(choice.to);
      path.pop();
    }
    seen.delete(nodeId);
  };
  walk(scenario.start);
  const vars = Object.fromEntries(scenario.variables.map((v) => [v.name, v.min < 0 ? v.min : v.max]));
  return { ...best, vars };
}

function proseLike(length: number, seed: string): string {
  const words = ['health', 'creation', 'patient', 'control', 'contact', 'confidence', 'community', 'listened', 'what', 'matters'];
  let state = [...seed].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  let out = '';
  while (out.length < length) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const word = words[state % words.length] ?? 'and';
    out += (state & 16 ? word.toUpperCase().slice(0, 1) + word.slice(1) : word) + (state % 7 === 0 ? '. ' : ' ') + (state % 97).toString();
  }
  return out.slice(0, length);
}
