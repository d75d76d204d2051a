// A learner working through a SCO, without a browser: the same learning events the
// player sends (location, visits, answers with their tries, reflections, scenario
// choices with XState snapshots), given to the package's real ScormSession over any
// LMS API object. Used for the budget checks and to compare the strict runtimes.

import type { Course, Question, Quiz, Scenario } from '../../engine/course/model';
import { isGraded, triesAllowed } from '../../engine/progress/attempts';
import type { LearningEvent } from '../../engine/progress/model';
import { applyEvent } from '../../engine/progress/rules';
import { availableChoices } from '../../engine/scenario/choices';
import { currentNodeId, restoreScenarioActor } from '../../engine/scenario/scenarioMachine';
import type { Standard } from '../../engine/scorm/cmiMapping';
import type { ScoScope } from '../../engine/scorm/scope';
import { scopeModules } from '../../engine/scorm/scope';
import type { Scorm12Api, Scorm2004Api } from '../../renderer/scorm/apiDiscovery';
import type { Timers } from '../../renderer/scorm/commitScheduler';
import { ScormSession } from '../../renderer/scorm/scormSession';

/** How a learner answers: `right` always, `wrong` until out of tries, or right on every question but those listed. */
export type AnswerPolicy = 'right' | 'wrong' | { wrongOn: ReadonlySet<string> };

/** What a play-through does and where it stops. */
export interface PlayOptions {
  answers?: AnswerPolicy;
  /** Stop after this many lessons and scenarios (an in-progress learner); all when absent. */
  items?: number;
  /** Characters written in each reflection. */
  reflectionChars?: number;
  /** Play every ending of each scenario, not only the nearest (the longest a record can grow). */
  everyEnding?: boolean;
}

/** The right options of a question, and a wrong selection. */
export function rightAnswer(q: Question): string[] {
  return q.options.filter((o) => o.correct).map((o) => o.id);
}

export function wrongAnswer(q: Question): string[] {
  const wrong = q.options.find((o) => !o.correct);
  return wrong ? [wrong.id] : q.options.filter((o) => o.correct).slice(1).map((o) => o.id);
}

/** Steps from each node to the nearest of `targets` (every ending when none is given), conditions aside. */
export function distances(scenario: Scenario, targets?: readonly string[]): Map<string, number> {
  const goals = targets ?? Object.values(scenario.nodes).filter((n) => n.ending).map((n) => n.id);
  const dist = new Map(goals.map((id) => [id, 0]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of Object.values(scenario.nodes)) {
      for (const c of n.choices) {
        const d = dist.get(c.to);
        if (d !== undefined && d + 1 < (dist.get(n.id) ?? Infinity)) {
          dist.set(n.id, d + 1);
          changed = true;
        }
      }
    }
  }
  return dist;
}

/** The events of one play-through of a scenario to an ending, aiming at `target` when it can. */
export function scenarioRun(scenario: Scenario, target?: string): LearningEvent[] {
  const events: LearningEvent[] = [];
  const dist = distances(scenario);
  const toTarget = target ? distances(scenario, [target]) : undefined;
  const actor = restoreScenarioActor(scenario);
  for (let step = 0; step < 200; step++) {
    const nodeId = currentNodeId(actor.getSnapshot()) ?? '';
    const node = scenario.nodes[nodeId];
    if (!node || node.ending) break;
    const open = availableChoices(scenario, nodeId, actor.getSnapshot().context.vars);
    const rank = (to: string) => toTarget?.get(to) ?? 1000 + (dist.get(to) ?? 99);
    const best = [...open].sort((a, b) => rank(a.to) - rank(b.to))[0];
    if (!best) break;
    actor.send({ type: 'CHOOSE', choiceId: best.id });
    const next = currentNodeId(actor.getSnapshot()) ?? '';
    const ending = scenario.nodes[next]?.ending !== undefined;
    events.push({ type: 'scenario.chose', scenarioId: scenario.id, choiceId: best.id, nodeId: next, snapshot: actor.getPersistedSnapshot(), ...(ending ? { endingId: next } : {}) });
  }
  actor.stop();
  return events;
}

/** The events a learner sends working through a scope's lessons and scenarios in order. */
export function playEvents(course: Course, scope: ScoScope, options: PlayOptions = {}): LearningEvent[] {
  const policy = options.answers ?? 'right';
  const events: LearningEvent[] = [];
  let items = 0;
  const text = (id: string) => `In my placement I saw what ${id} means: the person led and we listened. `.repeat(40).slice(0, options.reflectionChars ?? 300);
  for (const module of scopeModules(course, scope)) {
    for (const lesson of module.lessons) {
      if (options.items !== undefined && items >= options.items) return events;
      items++;
      events.push({ type: 'location.changed', location: { moduleId: module.id, lessonId: lesson.id } }, { type: 'lesson.visited', lessonId: lesson.id });
      for (const block of lesson.blocks) {
        if (block.kind === 'quiz') events.push(...answerEvents(block.quiz, policy));
        if (block.kind === 'reflection') events.push({ type: 'reflection.saved', reflectionId: block.reflection.id, text: text(block.reflection.id) });
      }
      // Reaching the lesson's foot is what completes it, not opening it.
      events.push({ type: 'lesson.read', lessonId: lesson.id }, { type: 'time.spent', seconds: 120, lessonId: lesson.id });
    }
    for (const scenario of module.scenarios) {
      if (options.items !== undefined && items >= options.items) return events;
      items++;
      events.push({ type: 'location.changed', location: { moduleId: module.id, scenarioId: scenario.id } });
      const endings = options.everyEnding ? Object.values(scenario.nodes).filter((n) => n.ending).map((n) => n.id) : [undefined];
      endings.forEach((target, i) => {
        if (i > 0) events.push({ type: 'scenario.restarted', scenarioId: scenario.id });
        events.push(...scenarioRun(scenario, target));
      });
    }
  }
  return events;
}

function answerEvents(quiz: Quiz, policy: AnswerPolicy): LearningEvent[] {
  const out: LearningEvent[] = [];
  for (const q of quiz.questions) {
    const wrong = policy === 'wrong' || (typeof policy === 'object' && policy.wrongOn.has(q.id));
    const tries = isGraded(quiz) ? triesAllowed(quiz) : 2;
    for (let t = 0; t < tries; t++) {
      const last = t === tries - 1;
      const selected = wrong || !last ? wrongAnswer(q) : rightAnswer(q);
      out.push({ type: 'quiz.answered', quizId: quiz.id, questionId: q.id, selected });
      if (!wrong && last) break;
    }
  }
  return out;
}

/** Timers that run only when asked: the session's throttle and retries stay in the test's hands. */
export function manualTimers(): Timers & { runAll(): void } {
  let pending: (() => void)[] = [];
  return {
    setTimeout: (fn) => {
      pending.push(fn);
      return fn;
    },
    clearTimeout: (h) => {
      pending = pending.filter((fn) => fn !== h);
    },
    runAll: () => {
      for (let i = 0; i < 20 && pending.length; i++) pending.splice(0).forEach((fn) => fn());
    },
  };
}

/** A window whose parent holds the LMS API, as an LMS frame would. */
export function lmsWindow(standard: Standard, api: object): Window {
  const lms: Record<string, unknown> = { [standard === 'scorm12' ? 'API' : 'API_1484_11']: api };
  lms.parent = lms;
  return { parent: lms } as unknown as Window;
}

/** One launch of a SCO over `api`, sending `events` one by one with a commit after each as the throttle allows. */
export function launchAndPlay(
  course: Course,
  scope: ScoScope,
  standard: Standard,
  api: Scorm12Api | Scorm2004Api,
  events: readonly LearningEvent[],
  clock = { t: Date.parse('2026-03-02T09:00:00Z') },
): ScormSession {
  const timers = manualTimers();
  const session = new ScormSession({ course, standard, scope, win: lmsWindow(standard, api), api, applyEvent, now: () => new Date(clock.t), timers, throttleMs: 2000 });
  for (const event of events) {
    clock.t += 7000;
    session.record(event);
    timers.runAll();
  }
  return session;
}
