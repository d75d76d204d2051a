// One learner's work: restoring their workbench, opening courses, recording and
// reloading, each reported to the session that owns the actor.

import { describe, expect, it } from 'vitest';
import { createActor, createMachine, waitFor, type AnyEventObject } from 'xstate';
import type { WorkbenchState } from '../../../../engine/api/studioApi';
import { learnerMachine, type LearnerInput } from '../../../../renderer/workbench/state/learnerMachine';
import { fakeCourse } from '../../../fakes/fakeCourse';
import { fakeStudioApi, settle, type FakeStudioApiOptions } from '../../../fakes/fakeStudioApi';

const ada = { id: 'ada', name: 'Ada', createdAt: '2026-01-01' };
const ug = fakeCourse({ id: 'ug' });
const pg = fakeCourse({ id: 'pg' });
const lessonOf = (course: typeof ug) => course.modules[0]!.lessons[0]!.id;

/** Runs a learner actor under a parent that keeps what it reports. */
function runLearner(options: FakeStudioApiOptions, input: Partial<LearnerInput> = {}) {
  const fake = fakeStudioApi({ learners: [ada], ...options });
  const reports: AnyEventObject[] = [];
  const parent = createActor(
    createMachine({
      invoke: {
        id: 'learner',
        src: learnerMachine,
        input: { api: fake.api, learner: ada, courses: [], ...input },
      },
      on: { '*': { actions: ({ event }) => void reports.push(event) } },
    }),
  ).start();
  const learner = parent.getSnapshot().children['learner'] as ReturnType<typeof createActor<typeof learnerMachine>>;
  return { fake, reports, learner, types: () => reports.map((r) => r.type) };
}

const workbenchWith = (...courseIds: string[]): WorkbenchState => ({
  openCourseId: courseIds[0],
  tabs: courseIds.map((courseId) => ({ courseId, kind: 'lesson', itemId: 'l' })),
  activeTab: courseIds.length - 1,
  sideBarView: 'courses',
  sideBarVisible: true,
  panelVisible: false,
  theme: 'light',
  zoom: 1,
});

describe('restoring a learner’s workbench', () => {
  it('opens the courses of its tabs and then restores it, dropping tabs of a course that no longer opens', async () => {
    const run = runLearner({ courses: [ug], broken: { pg: 'The course "PG" has errors.' }, workbench: { ada: workbenchWith('ug', 'pg') } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    const restored = run.reports.find((r) => r.type === 'WORKBENCH_RESTORED') as { state: WorkbenchState } | undefined;
    expect(restored?.state.tabs.map((t) => t.courseId)).toEqual(['ug']);
    expect(restored?.state.activeTab).toBe(0);
    // The courses reach the session before the layout that shows them.
    expect(run.types().slice(0, 3)).toEqual(['COURSE_OPENED', 'COURSE_FAILED', 'WORKBENCH_RESTORED']);
    expect(run.reports[1]).toMatchObject({ courseId: 'pg', message: 'The course "PG" has errors.' });
  });

  it("brings back an author's Scenario Graph of a course that does not open, but not a Play from Here preview", async () => {
    const file = 'modules/m1/story.scenario.yaml';
    const state: WorkbenchState = {
      ...workbenchWith('ug'),
      tabs: [
        { courseId: 'ug', kind: 'lesson', itemId: 'l' },
        { courseId: 'pg', kind: 'scenarioGraph', itemId: file },
        { courseId: 'pg', kind: 'scenarioPreview', itemId: file },
      ],
      activeTab: 1,
    };
    const run = runLearner({ courses: [ug], broken: { pg: 'The course "PG" has errors.' }, workbench: { ada: state } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    const restored = run.reports.find((r) => r.type === 'WORKBENCH_RESTORED') as { state: WorkbenchState } | undefined;
    expect(restored?.state.tabs.map((t) => t.kind)).toEqual(['lesson', 'scenarioGraph']);
    expect(restored?.state.activeTab).toBe(1);
    // Only the lesson's course is asked for: a graph reads its pack's files itself.
    expect(run.reports.filter((r) => r.type === 'COURSE_FAILED')).toEqual([]);
  });

  it('starts clean when the saved workbench cannot be read, and says why', async () => {
    const run = runLearner({ refuse: { getWorkbenchState: 'Your saved workbench could not be read.' } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    expect(run.reports.find((r) => r.type === 'WORKBENCH_RESTORED')).toMatchObject({ state: { tabs: [], theme: 'system' } });
    expect(run.reports.find((r) => r.type === 'NOTICE')).toMatchObject({ notice: { message: 'Your saved workbench could not be read.' } });
  });

  it('lands a learner who has never opened a course on the page of the one at the lowest level, opened first', async () => {
    const postgraduate = fakeCourse({ id: 'pg', level: { award: 'postgraduate', fheq: 7 } });
    const entries = [
      { id: 'broken', title: 'Broken', summary: '', status: 'broken' as const, diagnostics: [] },
      { id: 'pg', title: 'PG', summary: '', level: postgraduate.level, status: 'ok' as const, diagnostics: [] },
      { id: 'ug', title: 'UG', summary: '', level: ug.level, status: 'ok' as const, diagnostics: [] },
    ];
    const run = runLearner({ courses: [postgraduate, ug] }, { courses: entries });
    await waitFor(run.learner, (s) => s.matches('ready'));
    expect(run.reports.find((r) => r.type === 'WORKBENCH_RESTORED')).toMatchObject({
      state: { openCourseId: 'ug', tabs: [{ courseId: 'ug', kind: 'view', itemId: 'course' }], activeTab: 0 },
    });
    expect(run.types().indexOf('COURSE_OPENED')).toBeLessThan(run.types().indexOf('WORKBENCH_RESTORED'));
  });

  it('leaves a returning learner where they were, even with every tab closed', async () => {
    const closed = { ...workbenchWith('ug'), tabs: [], activeTab: undefined };
    const entries = [{ id: 'pg', title: 'PG', summary: '', status: 'ok' as const, diagnostics: [] }];
    const run = runLearner({ courses: [ug, pg], workbench: { ada: closed } }, { courses: entries });
    await waitFor(run.learner, (s) => s.matches('ready'));
    expect(run.reports.find((r) => r.type === 'WORKBENCH_RESTORED')).toMatchObject({ state: { openCourseId: 'ug', tabs: [] } });
  });

  it('then opens every course that loads, so Quick Open finds their lessons', async () => {
    const entries = [ug, pg].map((c) => ({ id: c.id, title: c.title, summary: '', status: 'ok' as const, diagnostics: [] }));
    const run = runLearner({ courses: [ug, pg] }, { courses: entries });
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'open' && s.context.states['pg'] === 'open');
    expect(run.reports.filter((r) => r.type === 'COURSE_OPENED')).toHaveLength(2);
  });
});

describe('opening a course', () => {
  it('asks the back end once, however often it is asked for while opening', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.fake.hold('openCourse');
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    expect(run.learner.getSnapshot().context.states['ug']).toBe('opening');
    run.fake.releaseAll();
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'open');
    expect(run.fake.calls.filter((c) => c.method === 'openCourse')).toHaveLength(1);
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    expect(run.fake.calls.filter((c) => c.method === 'openCourse')).toHaveLength(1);
  });

  it('tries a course that failed again when it is asked for again', async () => {
    const run = runLearner({ courses: [], broken: { ug: 'The course has errors.' } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'failed');
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'failed');
    expect(run.fake.calls.filter((c) => c.method === 'openCourse')).toHaveLength(2);
    expect(run.reports.filter((r) => r.type === 'COURSE_FAILED')).toHaveLength(2);
  });

  it('leaves no finished request behind as a child actor', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    run.learner.send({ type: 'RECORD', courseId: 'ug', event: { type: 'lesson.visited', lessonId: lessonOf(ug) } });
    await settle();
    expect(Object.keys(run.learner.getSnapshot().children)).toEqual([]);
  });
});

describe('recording', () => {
  it('passes the progress the back end returns to the session', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'RECORD', courseId: 'ug', event: { type: 'lesson.visited', lessonId: lessonOf(ug) } });
    await settle();
    expect(run.reports.find((r) => r.type === 'PROGRESS')).toMatchObject({ progress: { courseId: 'ug', seconds: 60 } });
    expect(run.fake.calls.find((c) => c.method === 'recordEvent')?.args).toEqual(['ada', 'ug', { type: 'lesson.visited', lessonId: lessonOf(ug) }]);
  });

  it('turns a refusal into a notice carrying the back end’s sentence', async () => {
    const run = runLearner({ courses: [ug], refuse: { recordEvent: 'Your progress could not be saved: the disk is full.' } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'RECORD', courseId: 'ug', event: { type: 'time.spent', seconds: 5 } });
    await settle();
    expect(run.reports.find((r) => r.type === 'NOTICE')).toMatchObject({ notice: { level: 'error', message: 'Your progress could not be saved: the disk is full.' } });
    expect(run.reports.find((r) => r.type === 'PROGRESS')).toBeUndefined();
  });
});

describe('reloading from disk', () => {
  it('lists the courses again and reopens each open one, ending the reload', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'open');
    run.reports.length = 0;
    run.learner.send({ type: 'RELOAD' });
    expect(run.learner.getSnapshot().context.reloading).toBe(true);
    await waitFor(run.learner, (s) => !s.context.reloading);
    expect(run.types()).toEqual(['COURSES', 'COURSE_OPENED']);
    expect(Object.keys(run.learner.getSnapshot().children)).toEqual([]);
  });

  it('asks again for a course that was broken at the last reload, so a mended pack comes back', async () => {
    const run = runLearner({ courses: [], broken: { ug: 'The course has errors.' } });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'OPEN_COURSE', courseId: 'ug' });
    await waitFor(run.learner, (s) => s.context.states['ug'] === 'failed');
    run.learner.send({ type: 'RELOAD' });
    await waitFor(run.learner, (s) => !s.context.reloading);
    expect(run.fake.calls.filter((c) => c.method === 'openCourse')).toHaveLength(2);
  });
});

describe('requests about the learner themself', () => {
  it('export their record of a course, reporting it running and then the files', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'REQUEST', request: { kind: 'record', courseId: 'ug' } });
    await waitFor(run.learner, (s) => !s.context.busy);
    const tasks = run.reports.filter((r) => r.type === 'TASK').map((r) => r.task);
    expect(tasks).toEqual([
      { kind: 'record', state: 'running' },
      { kind: 'record', state: 'done', files: { htmlPath: '/data/records/ada-ug.html', viewUrl: '/record/abc#print' } },
    ]);
    expect(run.fake.calls.filter((c) => c.method === 'exportLearningRecord').map((c) => c.args)).toEqual([['ada', 'ug']]);
  });

  it('take one request at a time: a second while one runs is not sent', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.fake.hold('exportLearningRecord');
    run.learner.send({ type: 'REQUEST', request: { kind: 'record', courseId: 'ug' } });
    run.learner.send({ type: 'REQUEST', request: { kind: 'pin', change: { newPin: '4821' } } });
    run.fake.releaseAll();
    await waitFor(run.learner, (s) => !s.context.busy);
    expect(run.fake.calls.map((c) => c.method).filter((m) => m === 'exportLearningRecord' || m === 'setLearnerPin')).toEqual(['exportLearningRecord']);
  });

  it('report a changed profile after a PIN is set, and the sentence when it is refused', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'REQUEST', request: { kind: 'pin', change: { newPin: '4821' } } });
    await waitFor(run.learner, (s) => !s.context.busy);
    expect(run.reports.find((r) => r.type === 'LEARNER_CHANGED')).toEqual({ type: 'LEARNER_CHANGED', learner: { ...ada, hasPin: true } });
    expect(run.learner.getSnapshot().context.learner.hasPin).toBe(true);

    const refusing = runLearner({ courses: [ug], refuse: { setLearnerPin: "That is not Ada's PIN; check it and try again." } });
    await waitFor(refusing.learner, (s) => s.matches('ready'));
    refusing.learner.send({ type: 'REQUEST', request: { kind: 'pin', change: { currentPin: '0000' } } });
    await waitFor(refusing.learner, (s) => !s.context.busy);
    expect(refusing.reports.filter((r) => r.type === 'TASK').at(-1)).toEqual({ type: 'TASK', task: { kind: 'pin', state: 'failed', message: "That is not Ada's PIN; check it and try again." } });
    expect(refusing.types()).not.toContain('LEARNER_CHANGED');
  });

  it('report a deletion last, after the task, since the session stops the actor when it hears of it', async () => {
    const run = runLearner({ courses: [ug] });
    await waitFor(run.learner, (s) => s.matches('ready'));
    run.learner.send({ type: 'REQUEST', request: { kind: 'delete', confirmation: { name: 'Ada' } } });
    await waitFor(run.learner, (s) => !s.context.busy);
    expect(run.types().slice(-2)).toEqual(['TASK', 'LEARNER_DELETED']);
    expect(run.reports.at(-1)).toEqual({ type: 'LEARNER_DELETED', deleted: { learnerId: 'ada', name: 'Ada', keptAs: '/data/progress.deleted-Ada.json' } });
  });
});
