// The session: start-up as an invoked promise actor, the start-up screens, and one
// learner actor at a time.

import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { fail, ok, type StudioApi } from '../../../../engine/api/studioApi';
import { createForwardingApi } from '../../../../engine/api/forwardingApi';
import { sendBootRequests } from '../../../../renderer/api/bootRequests';
import { sessionMachine } from '../../../../renderer/workbench/state/sessionMachine';
import { fakeCourse } from '../../../fakes/fakeCourse';
import { fakeStudioApi, settle } from '../../../fakes/fakeStudioApi';

const ada = { id: 'ada', name: 'Ada', createdAt: '2026-01-01' };
const ben = { id: 'benedict', name: 'Ben', createdAt: '2026-01-02' };

function start(api: StudioApi) {
  return createActor(sessionMachine, { input: { api, boot: sendBootRequests(api) } }).start();
}

describe('start-up', () => {
  it('asks a first-time user for a name when no learner exists, and keeps the back end’s notices', async () => {
    const fake = fakeStudioApi();
    const api = createForwardingApi(async (method, args) =>
      method === 'getEnvironment'
        ? ok({ mode: 'browser', platform: 'web', version: '1', notices: [{ level: 'warning', message: 'Your progress file could not be read.' }] })
        : (fake.api[method] as (...a: unknown[]) => Promise<never>)(...args),
    );
    const session = start(api);
    await waitFor(session, (s) => !s.matches('booting'));
    expect(session.getSnapshot().value).toBe('firstRun');
    expect(session.getSnapshot().context.notices.map((n) => n.message)).toEqual(['Your progress file could not be read.']);
  });

  it('asks who is studying when several learners share the computer', async () => {
    const session = start(fakeStudioApi({ learners: [ada, ben] }).api);
    await waitFor(session, (s) => !s.matches('booting'));
    expect(session.getSnapshot().value).toBe('picking');
    expect(session.getSnapshot().context.learnerActor).toBeUndefined();
  });

  it('studies as the only learner without asking, restores their workbench and tells the back end', async () => {
    const course = fakeCourse({ id: 'ug' });
    const fake = fakeStudioApi({
      learners: [ada],
      courses: [course],
      workbench: { ada: { tabs: [{ courseId: 'ug', kind: 'lesson', itemId: course.modules[0]!.lessons[0]!.id }], activeTab: 0, sideBarView: 'courses', sideBarVisible: true, panelVisible: false, theme: 'dark', zoom: 1 } },
    });
    let restored: unknown;
    const session = createActor(
      sessionMachine.provide({ actions: { restoreLayout: (_, state) => void (restored = state) } }),
      { input: { api: fake.api, boot: sendBootRequests(fake.api) } },
    ).start();
    await waitFor(session, (s) => s.matches('ready'));
    await waitFor(session.getSnapshot().context.learnerActor!, (s) => s.matches('ready'));
    expect(session.getSnapshot().context.learner?.name).toBe('Ada');
    expect(restored).toMatchObject({ theme: 'dark', tabs: [{ courseId: 'ug' }] });
    expect(session.getSnapshot().context.opened['ug']?.course.id).toBe('ug');
    expect(fake.calls.filter((c) => c.method === 'selectLearner').map((c) => c.args)).toEqual([['ada']]);
    // The boot script already asked for the course: the learner actor used that request.
    expect(fake.calls.filter((c) => c.method === 'openCourse')).toHaveLength(1);
  });

  it('reports a start-up failure as the sentence the back end gave', async () => {
    const api = createForwardingApi(async (method) =>
      method === 'listCourses' ? fail('network', 'The study server did not answer.') : ok({ learners: [], mode: 'browser', platform: 'web', version: '1', notices: [] }),
    );
    const session = start(api);
    await waitFor(session, (s) => s.matches('failed'));
    expect(session.getSnapshot().context.failure).toBe('The study server did not answer.');
  });
});

describe('switching learner', () => {
  it('never shows one learner’s progress under another’s name', async () => {
    const course = fakeCourse({ id: 'ug' });
    const fake = fakeStudioApi({ learners: [ada, ben], courses: [course] });
    const session = start(fake.api);
    await waitFor(session, (s) => s.matches('picking'));
    session.send({ type: 'LEARNER_READY', learner: ada });
    await waitFor(session, (s) => s.context.progress['ug'] !== undefined);
    session.send({ type: 'LEARNER_READY', learner: ben });
    expect(session.getSnapshot().context.learner?.name).toBe('Ben');
    expect(session.getSnapshot().context.progress).toEqual({});
    expect(session.getSnapshot().context.learners.map((l) => l.name)).toEqual(['Ada', 'Ben']);
  });

  it('stops the previous learner’s actor, so its late answers never arrive', async () => {
    const course = fakeCourse({ id: 'ug' });
    const fake = fakeStudioApi({ learners: [ada, ben], courses: [course] });
    const session = start(fake.api);
    await waitFor(session, (s) => s.matches('picking'));
    fake.hold('getProgress');
    session.send({ type: 'LEARNER_READY', learner: ada });
    const adaActor = session.getSnapshot().context.learnerActor!;
    await settle();
    session.send({ type: 'LEARNER_READY', learner: ben });
    expect(adaActor.getSnapshot().status).toBe('stopped');
    // Ada's progress is answered only now, after Ben's (the fake counts the letters of
    // the learner's id as seconds: 3 for Ada, 8 for Ben).
    fake.releaseAll(true);
    await settle();
    fake.releaseAll();
    await settle();
    expect(fake.calls.filter((c) => c.method === 'getProgress').map((c) => c.args[0])).toEqual(['ada', 'benedict']);
    expect(session.getSnapshot().context.learner?.id).toBe('benedict');
    expect(session.getSnapshot().context.progress['ug']?.seconds).toBe(8);
  });
});

describe('a learner whose work is behind a PIN', () => {
  it('is never studied as without asking, even alone on the computer, and nothing of theirs is asked for at start-up', async () => {
    const fake = fakeStudioApi({ learners: [{ ...ada, hasPin: true }], courses: [fakeCourse({ id: 'ug' })] });
    const session = start(fake.api);
    await waitFor(session, (s) => !s.matches('booting'));
    expect(session.getSnapshot().value).toBe('picking');
    expect(session.getSnapshot().context.learnerActor).toBeUndefined();
    await settle();
    expect(fake.calls.map((c) => c.method).filter((m) => ['getWorkbenchState', 'getProgress', 'selectLearner', 'openCourse'].includes(m))).toEqual([]);
  });
});

describe('deleting the learner studying', () => {
  it('stops their actor, forgets their work, tells where their copy is, and asks who is studying', async () => {
    const fake = fakeStudioApi({ learners: [ada, ben], courses: [fakeCourse({ id: 'ug' })] });
    const session = start(fake.api);
    await waitFor(session, (s) => s.matches('picking'));
    session.send({ type: 'LEARNER_READY', learner: ada });
    const actor = session.getSnapshot().context.learnerActor!;
    await waitFor(session, (s) => s.context.progress['ug'] !== undefined);
    actor.send({ type: 'REQUEST', request: { kind: 'delete', confirmation: { name: 'Ada' } } });
    await waitFor(session, (s) => s.matches('picking'));
    const { context } = session.getSnapshot();
    expect(actor.getSnapshot().status).toBe('stopped');
    expect([context.learner, context.learnerActor, context.progress]).toEqual([undefined, undefined, {}]);
    expect(context.learners.map((l) => l.name)).toEqual(['Ben']);
    expect(context.notices.map((n) => [n.level, n.message])).toEqual([
      ['info', "Ada's profile was deleted from this computer. A copy of everything they had saved is kept as /data/progress.deleted-Ada.json."],
    ]);
    expect(context.task).toMatchObject({ kind: 'delete', state: 'done' });
  });

  it('asks for a name when no learner is left', async () => {
    const fake = fakeStudioApi({ learners: [ada], courses: [] });
    const session = start(fake.api);
    await waitFor(session, (s) => s.matches('ready'));
    session.getSnapshot().context.learnerActor!.send({ type: 'REQUEST', request: { kind: 'delete', confirmation: { name: 'Ada' } } });
    await waitFor(session, (s) => s.matches('firstRun'));
    expect(session.getSnapshot().context.learners).toEqual([]);
  });
});
