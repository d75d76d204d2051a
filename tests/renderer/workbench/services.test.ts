// The workbench services as commands use them: opening courses and tabs through the
// current learner's actor, recording, and running commands only when they apply.

import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import '../../../renderer/workbench/contributions';
import { createWorkbenchServices } from '../../../renderer/workbench/services';
import { registerFocusable } from '../../../renderer/workbench/views/viewFocus';
import { fakeCourse } from '../../fakes/fakeCourse';
import { fakeStudioApi, settle } from '../../fakes/fakeStudioApi';

const ada = { id: 'ada', name: 'Ada', createdAt: '2026-01-01' };
const ben = { id: 'benedict', name: 'Ben', createdAt: '2026-01-02' };
const ug = fakeCourse({ id: 'ug' });

async function servicesFor(learners = [ada], courses = [ug]) {
  const fake = fakeStudioApi({ learners, courses });
  const services = createWorkbenchServices(fake.api);
  await waitFor(services.session, (s) => !s.matches('booting'));
  if (learners.length === 1) await waitFor(services.session.getSnapshot().context.learnerActor!, (s) => s.matches('ready'));
  return { fake, services };
}

describe('the workbench services', () => {
  it('open a course with the learner’s progress and then its tab', async () => {
    const { services } = await servicesFor();
    const lessonId = ug.modules[0]!.lessons[0]!.id;
    await services.openTab({ courseId: 'ug', kind: 'lesson', itemId: lessonId });
    expect(services.session.getSnapshot().context.progress['ug']?.courseId).toBe('ug');
    // A new learner landed on the course page; the lesson opens beside it.
    expect(services.layout.getSnapshot().context.tabs).toEqual([
      { courseId: 'ug', kind: 'view', itemId: 'course' },
      { courseId: 'ug', kind: 'lesson', itemId: lessonId },
    ]);
  });

  it('land a new learner on the page of the course to start with', async () => {
    const pg = fakeCourse({ id: 'pg', level: { award: 'postgraduate', fheq: 7 } });
    const first = fakeCourse({ id: 'ug-first', level: { award: 'undergraduate', fheq: 6 } });
    const { services } = await servicesFor([ada], [pg, first]);
    expect(services.layout.getSnapshot().context).toMatchObject({ openCourseId: 'ug-first', tabs: [{ courseId: 'ug-first', kind: 'view', itemId: 'course' }], activeTab: 0 });
    expect(services.session.getSnapshot().context.opened['ug-first']?.course.id).toBe('ug-first');
  });

  it('give up opening a course for a learner who has been switched away from', async () => {
    const { fake, services } = await servicesFor([ada, ben]);
    await services.selectLearner('ada');
    fake.hold('openCourse');
    const opening = services.ensureCourse('pg-never-answered');
    await settle();
    const switching = services.selectLearner('benedict');
    await settle();
    // Ben lands on the course page: let his opening of that course through, never Ada's.
    for (const call of fake.held.filter((c) => c.args[0] === 'ug')) call.release();
    await switching;
    expect(await opening).toBeUndefined();
    expect(services.session.getSnapshot().context.learner?.id).toBe('benedict');
  });

  it('record through the current learner, and the progress that comes back is shown', async () => {
    const { fake, services } = await servicesFor();
    services.recordEvent('ug', { type: 'time.spent', seconds: 30 });
    await settle();
    expect(fake.calls.filter((c) => c.method === 'recordEvent').map((c) => c.args[0])).toEqual(['ada']);
    expect(services.session.getSnapshot().context.progress['ug']?.seconds).toBe(60);
  });

  it('run a command only when its when predicate holds', async () => {
    const { services } = await servicesFor([ada], []);
    // Export needs an open course: with none on this computer, nothing happens.
    await services.runCommand('course.exportScorm');
    expect(services.overlay.getSnapshot().value).toBe('closed');
    await services.runCommand('workbench.toggleSideBar');
    expect(services.layout.getSnapshot().context.sideBarVisible).toBe(false);
  });

  it('reload the course list and the open courses from disk', async () => {
    const { fake, services } = await servicesFor();
    await services.ensureCourse('ug');
    const before = fake.calls.length;
    await services.reloadCourses();
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual(['listCourses', 'openCourse', 'getProgress']);
  });
});

describe('learners on a shared computer', () => {
  it('open a protected learner’s work only once their PIN is right, saying why not otherwise', async () => {
    const fake = fakeStudioApi({ learners: [ada, { ...ben, hasPin: true }], courses: [ug], pins: { benedict: '4821' } });
    const services = createWorkbenchServices(fake.api);
    await waitFor(services.session, (s) => s.matches('picking'));
    expect(await services.unlockLearner('benedict', '1111')).toBe("That is not Ben's PIN; check it and try again.");
    expect(services.session.getSnapshot().context.learner).toBeUndefined();
    expect(fake.calls.map((c) => c.method)).not.toContain('getWorkbenchState');
    expect(await services.unlockLearner('benedict', '4821')).toBeUndefined();
    expect(services.session.getSnapshot().context.learner?.id).toBe('benedict');
    const asked = fake.calls.map((c) => c.method);
    expect(asked.indexOf('unlockLearner')).toBeLessThan(asked.indexOf('getWorkbenchState'));
  });

  it('save the learner’s workbench before switching to another, whose choosing closes a protected learner’s work', async () => {
    const { fake, services } = await servicesFor([ada, ben]);
    await services.selectLearner('ada');
    fake.hold('saveWorkbenchState');
    services.layout.send({ type: 'TOGGLE_SIDE_BAR' });
    const switching = services.selectLearner('benedict');
    await settle();
    expect(fake.calls.filter((c) => c.method === 'selectLearner').map((c) => c.args[0])).toEqual(['ada']);
    fake.releaseAll();
    await switching;
    const order = fake.calls.map((c) => `${c.method}:${String(c.args[0])}`).filter((c) => /^(saveWorkbenchState|selectLearner)/.test(c));
    expect(order).toEqual(['selectLearner:ada', 'saveWorkbenchState:ada', 'selectLearner:benedict']);
  });

  it('put focus on the course page’s Start or Continue button for a learner who lands on it', async () => {
    const fake = fakeStudioApi({ learners: [ada, ben], courses: [ug] });
    const services = createWorkbenchServices(fake.api);
    await waitFor(services.session, (s) => s.matches('picking'));
    // A focus request an earlier test left waiting is answered (and so dropped) first.
    registerFocusable('sideBar', () => true)();
    const focused: string[] = [];
    const unregister = (['sideBar', 'editor', 'coursePage'] as const).map((target) => registerFocusable(target, () => (focused.push(target), true)));
    await services.selectLearner('ada');
    unregister.forEach((u) => u());
    expect(focused.at(-1)).toBe('coursePage');
    expect(focused).not.toContain('sideBar');
  });

  it('make a request about the learner and answer with where it ended', async () => {
    const { services } = await servicesFor();
    expect(await services.request({ kind: 'record', courseId: 'ug' })).toEqual({
      kind: 'record',
      state: 'done',
      files: { htmlPath: '/data/records/ada-ug.html', viewUrl: '/record/abc#print' },
    });
  });
});

