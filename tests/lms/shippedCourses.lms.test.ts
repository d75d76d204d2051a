// The shipped courses played through under the strict runtimes, in Node, by the
// package's own session code: Moodle's rules in both standards, one SCO for the course
// and one per module, and Open edX's XBlock with one SCO for the course. A learner stops
// half-way and comes back, then finishes; every value is accepted, the stored status is
// the learner's real one, the resume restores everything, and every post fits Moodle's
// budgets (tests/bench/RESULTS.md has the figures, from tests/bench/scorm-lms-bench.mjs).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../engine/course/courseLoader';
import type { Course } from '../../engine/course/model';
import type { LearningEvent } from '../../engine/progress/model';
import { summarize } from '../../engine/progress/summary';
import type { Standard } from '../../engine/scorm/cmiMapping';
import { scoScopes, scopeModules, type ScoScope } from '../../engine/scorm/scope';
import { decodeSuspendData, SCORM2004_SUSPEND_BUDGET } from '../../engine/scorm/suspendCodec';
import { createNodePackReader } from '../../main/services/nodePackReader';
import { BUDGET_BYTES, BUDGET_FIELDS, fullRunOptions } from './commitBudget';
import { KEEPALIVE_QUOTA } from './moodle/transport';
import { MoodleSco } from './moodleRun';
import { XBlockState, xblockApi } from './openedx/xblock';
import { launchAndPlay, playEvents } from './playThrough';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED = ['health-creation-ug', 'health-creation-pg'] as const;
const courses = new Map<string, Course>();

beforeAll(async () => {
  for (const name of SHIPPED) {
    const loaded = await loadCourse(createNodePackReader(path.join(repoRoot, 'courses', name)));
    if (!loaded.course) throw new Error(`courses/${name} does not load`);
    courses.set(name, loaded.course);
  }
});

/** Where a learner stops for the day: at the item nearest the middle, and after at least one. */
function splitPoint(events: readonly LearningEvent[]): number {
  const starts = events.flatMap((e, i) => (e.type === 'location.changed' && i > 0 ? [i] : []));
  if (!starts.length) return Math.ceil(events.length / 2);
  return starts.reduce((a, b) => (Math.abs(b - events.length / 2) < Math.abs(a - events.length / 2) ? b : a));
}

/** The counted score and verdict the Studio's own rules give for a scope, from what the LMS stored. */
function expected(course: Course, scope: ScoScope, sco: MoodleSco) {
  const progress = decodeSuspendData(course, scope, sco.track('cmi.suspend_data') ?? '');
  if (!progress.ok) throw new Error(progress.message);
  const summary = summarize(course, progress.progress);
  const modules = scopeModules(course, scope).map((m) => summary.modules[m.id]!);
  const questions = modules.reduce((n, m) => n + m.questions, 0);
  const correct = modules.reduce((n, m) => n + m.correct, 0);
  const passed = modules.filter((m) => m.questions > 0).every((m) => (m.score ?? 0) >= m.masteryScore);
  return { questions, raw: questions ? Math.round((correct / questions) * 10_000) / 100 : undefined, passed };
}

const cases: [Standard, 'course' | 'module', boolean][] = [
  ['scorm12', 'course', true],
  ['scorm2004', 'course', false],
  ['scorm12', 'module', false],
  ['scorm2004', 'module', true],
];

describe.each(SHIPPED)('%s under Moodle\'s rules', (name) => {
  it.each(cases)('%s, one SCO per %s: every value accepted, incomplete while in progress, resumed exactly, then the counted verdict', (standard, mode, pass) => {
    const course = courses.get(name)!;
    for (const scope of scoScopes(course, mode)) {
      const sco = new MoodleSco(course, scope, standard);
      const events = playEvents(course, scope, { ...fullRunOptions(standard), answers: pass ? 'right' : 'wrong' });
      const half = splitPoint(events);
      sco.launch(events.slice(0, half));

      // In progress: incomplete, and no score for an LMS to turn into a verdict.
      if (standard === 'scorm12') {
        expect(sco.track('cmi.core.lesson_status'), scope.id).toBe('incomplete');
        expect(sco.track('cmi.core.score.raw'), scope.id).toBeUndefined();
        expect(sco.track('cmi.core.total_time'), `${scope.id}: LMSFinish stored`).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
      } else {
        expect(sco.track('cmi.completion_status'), scope.id).toBe('incomplete');
        expect(sco.track('cmi.total_time'), `${scope.id}: Terminate stored`).toMatch(/^PT/);
      }

      sco.launch(events.slice(half));
      expect(sco.refused, `${scope.id}: values Moodle refused`).toEqual([]);
      const want = expected(course, scope, sco);
      const verdict = want.questions ? (want.passed ? 'passed' : 'failed') : undefined;
      if (standard === 'scorm12') {
        expect(sco.track('cmi.core.lesson_status'), scope.id).toBe(verdict ?? 'completed');
        expect(sco.track('cmi.core.score.raw'), scope.id).toBe(want.raw === undefined ? undefined : String(want.raw));
      } else {
        expect(sco.track('cmi.completion_status'), scope.id).toBe('completed');
        expect(sco.track('cmi.success_status'), scope.id).toBe(verdict ?? 'unknown');
        expect(sco.track('cmi.score.raw'), scope.id).toBe(want.raw === undefined ? undefined : String(want.raw));
      }
      if (want.questions) expect(verdict, `${scope.id}: the learner the test meant`).toBe(pass ? 'passed' : 'failed');
      for (const post of sco.server.posts) {
        expect(post.fields, `${scope.id}: fields in a post`).toBeLessThanOrEqual(BUDGET_FIELDS);
        expect(post.bytes, `${scope.id}: bytes in a post`).toBeLessThan(BUDGET_BYTES);
        expect(post.dropped, `${scope.id}: fields PHP dropped`).toEqual([]);
        expect(post.accepted, `${scope.id}: a ${post.call} refused`).toBe(true);
      }
      // The exit: Terminate alone, as one beacon inside Chrome's keepalive quota.
      const exits = sco.server.posts.filter((p) => p.beacon);
      expect(exits.map((p) => p.call)).toEqual(['finish', 'finish']);
      for (const exit of exits) expect(exit.beaconBytes).toBeLessThan(KEEPALIVE_QUOTA);
    }
  });

  it('keeps a SCORM 2004 learner who writes at length inside Chrome\'s exit quota, asking them to shorten past the budget', () => {
    const course = courses.get(name)!;
    const [scope] = scoScopes(course, 'course');
    const sco = new MoodleSco(course, scope!, 'scorm2004');
    let seed = 7;
    const noise = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz '[(seed = (seed * 48271) % 2147483647) % 27]).join('');
    const events = playEvents(course, scope!, { ...fullRunOptions('scorm2004'), answers: 'wrong' }).map((e) => (e.type === 'reflection.saved' ? { ...e, text: noise(4000) } : e));
    const session = sco.launch(events);
    expect(Object.keys(session.progress.reflections).length).toBeGreaterThan(0);
    expect(sco.track('cmi.suspend_data')!.length).toBeLessThanOrEqual(SCORM2004_SUSPEND_BUDGET);
    const exit = sco.server.posts.at(-1)!;
    expect(exit).toMatchObject({ call: 'finish', beacon: true, accepted: true });
    expect(exit.beaconBytes).toBeLessThan(KEEPALIVE_QUOTA);
    expect(sco.refused).toEqual([]);
  });

  it('resumes a learner who left mid-scenario with every record as it was', () => {
    const course = courses.get(name)!;
    const [scope] = scoScopes(course, 'course');
    const sco = new MoodleSco(course, scope!, 'scorm2004');
    const events = playEvents(course, scope!, { answers: 'right' });
    const cut = events.findIndex((e) => e.type === 'scenario.chose') + 1;
    const left = sco.launch(events.slice(0, cut));
    const back = sco.launch([]);
    expect(back.progress).toEqual(left.progress);
    expect(back.seed).toBe(left.seed);
    expect(back.progress.location).toEqual(left.progress.location);
  });
});

describe.each(SHIPPED)("%s under Open edX's XBlock", (name) => {
  it.each(['scorm12', 'scorm2004'] as const)('%s, one SCO for the course: late API aside, interactions never overwrite each other and the grade is the counted one', (standard) => {
    const course = courses.get(name)!;
    const [scope] = scoScopes(course, 'course');
    const state = new XBlockState();
    const events = playEvents(course, scope!, { answers: 'right' });
    const half = splitPoint(events);
    const clock = { t: Date.parse('2026-03-02T09:00:00Z') };
    const launch = (slice: typeof events) => {
      const api = xblockApi(standard, state.scormData, (values) => values.forEach(([k, v]) => state.setValue(k, v)));
      const session = launchAndPlay(course, scope!, standard, api as never, slice, clock);
      session.end();
      return session;
    };
    const first = launch(events.slice(0, half));
    expect(state.lessonStatus).toBe('incomplete');
    expect(state.grades).toEqual([]);
    const second = launch(events.slice(half));
    expect(second.progress.answers).toMatchObject(first.progress.answers);
    const ids = Object.keys(state.scormData).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).map((k) => state.scormData[k]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(course.modules.flatMap((m) => [...m.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : []))), ...m.scenarios]).length);
    expect(state.refused).toEqual([]);
    expect(state.lessonStatus).toBe('completed');
    expect(state.successStatus).toBe('passed');
    expect(state.grade).toBe(1);
  });
});
