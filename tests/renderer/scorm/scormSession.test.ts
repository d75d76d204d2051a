import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { scoScopes } from '../../../engine/scorm/scope';
import { decodeSuspendData } from '../../../engine/scorm/suspendCodec';
import type { Timers } from '../../../renderer/scorm/commitScheduler';
import { waitForLmsApi } from '../../../renderer/scorm/apiDiscovery';
import { learnerSeed } from '../../../renderer/scorm/learnerSeed';
import { PREVIEW_NOTICE, ScormSession } from '../../../renderer/scorm/scormSession';
import { fakeScormCourse } from '../../engine/scorm/fakeScormCourse';
import { fakeApplyEvent } from './fakeRules';

const course = fakeScormCourse();
const [m1] = scoScopes(course, 'module');
const quiet = { logLevel: 5 as const, autocommit: false };

function windowWith(apis: Record<string, unknown>): Window {
  const lms = { ...apis } as Record<string, unknown>;
  lms.parent = lms;
  return { parent: lms } as unknown as Window;
}

/** Timers that only run when the test says so. */
function manualTimers() {
  const pending: (() => void)[] = [];
  const timers: Timers = { setTimeout: (fn) => pending.push(fn), clearTimeout: () => undefined };
  return { timers, runAll: () => pending.splice(0).forEach((fn) => fn()) };
}

function start(api: object, standard: 'scorm12' | 'scorm2004', clock = { t: Date.parse('2026-01-02T03:04:00Z') }) {
  const key = standard === 'scorm12' ? 'API' : 'API_1484_11';
  const { timers, runAll } = manualTimers();
  const session = new ScormSession({
    course,
    standard,
    scope: m1!,
    win: windowWith({ [key]: api }),
    applyEvent: fakeApplyEvent,
    now: () => new Date(clock.t),
    timers,
    throttleMs: 0,
  });
  return { session, runAll, clock };
}

describe('ScormSession on SCORM 1.2', () => {
  it('sets the status to incomplete on first entry and commits it', () => {
    const api = new Scorm12API(quiet);
    const { session } = start(api, 'scorm12');
    expect(session.mode).toBe('scorm');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.LMSGetValue('cmi.objectives._count')).toBe('2');
  });

  it('sets exit to suspend from the first commit, so a browser killed before pagehide still keeps the attempt', () => {
    const api = new Scorm12API(quiet);
    const sent = new Map<string, string>();
    const realSet = api.LMSSetValue.bind(api);
    api.LMSSetValue = (k: string, v: unknown) => (sent.set(k, String(v)), realSet(k, v));
    start(api, 'scorm12');
    expect(sent.get('cmi.core.exit')).toBe('suspend');
    expect(sent.get('cmi.core.session_time')).toBe('0000:00:00.00');
  });

  it('journals answers and a finished play-through as interactions, and keeps the score back while the learner is in progress', () => {
    const api = new Scorm12API(quiet);
    const { session } = start(api, 'scorm12');
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['a'] });
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q2', selected: ['one', 'two-of-them'] });
    session.record({ type: 'scenario.chose', scenarioId: 'm1-scenario', choiceId: 'ask', nodeId: 'listening', snapshot: { value: 'listening' } });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    session.record({ type: 'scenario.chose', scenarioId: 'm1-scenario', choiceId: 'connect-group', nodeId: 'group', endingId: 'group', snapshot: { value: 'group' } });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('3');
    const cmi = api.renderCommitCMI(true) as { cmi: { interactions: Record<string, { id: string; type: string; result: string; student_response: string }> } };
    expect(cmi.cmi.interactions['1']).toMatchObject({ id: 'm1-q2', type: 'choice', result: 'correct', student_response: 'a,b' });
    expect(cmi.cmi.interactions['2']).toMatchObject({ id: 'm1-scenario', type: 'sequencing', result: 'neutral', student_response: 'a,a' });
    session.flush();
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('');
  });

  it('rewrites a question\'s own interaction on another try instead of adding one', () => {
    const api = new Scorm12API(quiet);
    const { session } = start(api, 'scorm12');
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['b'] });
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['a'] });
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('1');
  });

  it('resumes from suspend_data and location on the next launch', () => {
    const first = new Scorm12API(quiet);
    const { session } = start(first, 'scorm12');
    session.record({ type: 'scenario.chose', scenarioId: 'm1-scenario', choiceId: 'ask', nodeId: 'listening', snapshot: { value: 'listening' } });
    session.record({ type: 'location.changed', location: { moduleId: 'module-1', scenarioId: 'm1-scenario' } });
    session.flush();
    const suspend = first.LMSGetValue('cmi.suspend_data');
    expect(first.LMSGetValue('cmi.core.lesson_location')).toBe('scenario:m1-scenario');
    const second = new Scorm12API(quiet);
    second.loadFromJSON({ suspend_data: suspend, core: { lesson_location: 'scenario:m1-scenario', entry: 'resume' } }, 'cmi');
    const again = start(second, 'scorm12').session;
    expect(again.progress.scenarios['m1-scenario']).toMatchObject({ nodeId: 'listening', path: ['ask'] });
    expect(again.progress.location).toEqual({ moduleId: 'module-1', scenarioId: 'm1-scenario' });
  });

  it('keeps every value when Commit fails, retries, tells the learner, and saves after recovery', () => {
    const api = new Scorm12API(quiet);
    let failing = true;
    const realCommit = api.LMSCommit.bind(api);
    api.LMSCommit = (p?: string) => (failing ? 'false' : realCommit(p));
    const { session, runAll } = start(api, 'scorm12');
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['a'] });
    runAll();
    expect(session.notices.at(-1)?.message).toMatch(/could not be saved to the LMS yet/);
    failing = false;
    runAll();
    expect(session.notices.some((n) => n.level === 'error')).toBe(false);
    const saved = decodeSuspendData(course, m1!, api.LMSGetValue('cmi.suspend_data'));
    expect(saved.ok && saved.progress.answers['m1-q1']?.selected).toEqual(['a']);
  });

  it('refuses, with a sentence, an event whose state would overflow 4,096 characters, keeping the last state', () => {
    const api = new Scorm12API(quiet);
    const { session } = start(api, 'scorm12');
    let seed = 1;
    const noise = Array.from({ length: 6000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const outcome = session.record({ type: 'reflection.saved', reflectionId: 'm1-reflect', text: noise });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/at most 4,096 characters .* shorten your latest reflection/);
    expect(session.progress.reflections['m1-reflect']).toBeUndefined();
  });

  it('terminates once, with 1.2 session time and exit suspend', () => {
    const api = new Scorm12API(quiet);
    let finishes = 0;
    const realFinish = api.LMSFinish.bind(api);
    api.LMSFinish = (p?: string) => (finishes++, realFinish(p));
    const sent = new Map<string, string>();
    const realSet = api.LMSSetValue.bind(api);
    api.LMSSetValue = (k: string, v: unknown) => (sent.set(k, String(v)), realSet(k, v));
    const { session, clock } = start(api, 'scorm12');
    clock.t += 65_000;
    session.end();
    session.end();
    expect(finishes).toBe(1);
    expect(sent.get('cmi.core.exit')).toBe('suspend');
    expect(sent.get('cmi.core.session_time')).toBe('0000:01:05.00');
    expect(api.LMSGetLastError()).toBe('0');
  });
});

describe('ScormSession on SCORM 2004', () => {
  it('reports completion and success separately, with ISO 8601 session time', () => {
    const api = new Scorm2004API(quiet);
    const { session, clock } = start(api, 'scorm2004');
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['b'] });
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q2', selected: ['one', 'two-of-them'] });
    expect(api.GetValue('cmi.success_status')).toBe('failed');
    expect(api.GetValue('cmi.score.scaled')).toBe('0.5');
    expect(api.GetValue('cmi.interactions.0.learner_response')).toBe('b');
    expect(api.GetValue('cmi.interactions.1.learner_response')).toBe('one[,]two_of_them');
    expect(api.GetValue('cmi.objectives.0.id')).toBe('m1-o1');
    clock.t += 3_725_000;
    session.end();
    const cmi = api.renderCommitCMI(true) as { cmi: { session_time: string } };
    expect(cmi.cmi.session_time).toBe('PT1H2M5S');
  });

  it('saves a first launch without a single refused value, before the learner has a place to bookmark', () => {
    const api = new Scorm2004API(quiet);
    const refused: string[] = [];
    const realSet = api.SetValue.bind(api);
    api.SetValue = (k: string, v: unknown) => {
      const result = realSet(k, v);
      if (result !== 'true') refused.push(`${k}=${JSON.stringify(v)}`);
      return result;
    };
    const { session } = start(api, 'scorm2004');
    session.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['b'] });
    expect(refused).toEqual([]);
    expect(session.notices.filter((n) => n.level === 'error')).toEqual([]);
  });
});

describe('ScormSession when the LMS misbehaves', () => {
  it('says the LMS would not start the session when Initialize fails, and runs as a preview', () => {
    const api = new Scorm12API(quiet);
    api.LMSInitialize = () => 'false';
    const { session } = start(api, 'scorm12');
    expect(session.mode).toBe('preview');
    expect(session.notices[0]?.message).toMatch(/^The LMS would not start this session \(.*\), so your progress will not be saved/);
  });

  it('refuses events after the session has ended, saying how to go on', () => {
    const { session } = start(new Scorm12API(quiet), 'scorm12');
    session.end();
    const outcome = session.record({ type: 'lesson.visited', lessonId: 'm1-intro' });
    expect(!outcome.ok && outcome.message).toMatch(/has been closed, so nothing more can be saved; reopen it from the LMS/);
  });

  it('starts afresh, and says so, when suspend_data is not its own', () => {
    const api = new Scorm12API(quiet);
    api.loadFromJSON({ suspend_data: 'page=7' }, 'cmi');
    const { session } = start(api, 'scorm12');
    expect(session.notices[0]?.message).toMatch(/not in a form this package can read, so it starts afresh/);
    expect(session.progress.lessons).toEqual({});
  });
});

describe('ScormSession without an LMS', () => {
  it('runs as a preview and says so', () => {
    const session = new ScormSession({ course, standard: 'scorm12', scope: m1!, win: windowWith({}), applyEvent: fakeApplyEvent });
    expect(session.mode).toBe('preview');
    expect(session.notices).toEqual([{ level: 'warning', message: PREVIEW_NOTICE }]);
    expect(session.record({ type: 'lesson.visited', lessonId: 'm1-intro' }).ok).toBe(true);
  });
});

describe('ScormSession with a partial or late LMS', () => {
  it('keeps its own interaction count in suspend_data, so an LMS that answers _count with "" never has one overwritten', () => {
    const stored: Record<string, string> = {};
    const xblockLike = () => ({
      LMSInitialize: () => 'true',
      LMSFinish: () => 'true',
      LMSCommit: () => 'true',
      LMSGetLastError: () => '0',
      LMSGetErrorString: () => '',
      LMSGetValue: (k: string) => (k.endsWith('._count') ? '' : (stored[k] ?? '')),
      LMSSetValue: (k: string, v: string) => ((stored[k] = v), 'true'),
    });
    const first = start(xblockLike(), 'scorm12').session;
    first.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['a'] });
    first.end();
    const second = start(xblockLike(), 'scorm12').session;
    second.record({ type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q2', selected: ['one'] });
    second.end();
    expect([stored['cmi.interactions.0.id'], stored['cmi.interactions.1.id']]).toEqual(['m1-q1', 'm1-q2']);
  });

  it('gives the learner a shuffle seed from their LMS id, or at random when the LMS gives none, and keeps it on resume', () => {
    const api = new Scorm2004API(quiet);
    api.loadFromJSON({ learner_id: 'student-42' }, 'cmi');
    const { session } = start(api, 'scorm2004');
    expect(session.seed).toBe(learnerSeed('student-42'));
    const anonymous = start(new Scorm2004API(quiet), 'scorm2004').session;
    expect(anonymous.seed).toMatch(/^r[0-9a-z]+$/);
    const noId = new Scorm2004API(quiet);
    const first = start(noId, 'scorm2004').session;
    first.flush();
    const back = new Scorm2004API(quiet);
    back.loadFromJSON({ suspend_data: noId.GetValue('cmi.suspend_data') }, 'cmi');
    expect(start(back, 'scorm2004').session.seed).toBe(first.seed);
  });

  it('on leaving sends Terminate alone, after cancelling the save it deferred when the page was hidden', () => {
    const api = new Scorm2004API(quiet);
    const calls: string[] = [];
    for (const name of ['Commit', 'Terminate'] as const) {
      const real = api[name].bind(api);
      api[name] = ((p?: string) => (calls.push(name), real(p))) as never;
    }
    const { session, runAll } = start(api, 'scorm2004');
    calls.length = 0;
    session.hidden();
    session.end();
    runAll();
    expect(calls).toEqual(['Terminate']);
  });

  it('saves once the page has stayed hidden for a turn, as when the learner switches tabs', () => {
    const api = new Scorm2004API(quiet);
    let commits = 0;
    const real = api.Commit.bind(api);
    api.Commit = (p?: string) => (commits++, real(p));
    const { session, runAll } = start(api, 'scorm2004');
    commits = 0;
    session.hidden();
    session.hidden();
    runAll();
    expect(commits).toBe(1);
  });
});

describe('waitForLmsApi', () => {
  function clock() {
    let now = 0;
    const due: { at: number; fn: () => void }[] = [];
    return {
      timers: { setTimeout: (fn: () => void, ms: number) => due.push({ at: now + ms, fn }), now: () => now },
      advance(ms: number) {
        const end = now + ms;
        for (;;) {
          due.sort((a, b) => a.at - b.at);
          const next = due[0];
          if (!next || next.at > end) break;
          due.shift();
          now = next.at;
          next.fn();
        }
        now = end;
      },
    };
  }

  it('finds an API that the LMS defines after the SCO has started', async () => {
    const lms = {} as Record<string, unknown>;
    lms.parent = lms;
    const c = clock();
    const found = waitForLmsApi({ parent: lms } as unknown as Window, 'scorm2004', 5000, c.timers);
    c.advance(1500);
    const api = { Initialize: () => 'true' };
    lms.API_1484_11 = api;
    c.advance(200);
    expect(await found).toBe(api);
  });

  it('gives up after the wait, so the package can run as a preview', async () => {
    const lms = {} as Record<string, unknown>;
    lms.parent = lms;
    const c = clock();
    const found = waitForLmsApi({ parent: lms } as unknown as Window, 'scorm12', 5000, c.timers);
    c.advance(5100);
    expect(await found).toBeUndefined();
  });
});
