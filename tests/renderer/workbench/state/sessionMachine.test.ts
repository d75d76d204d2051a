import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { emptyProgress } from '../../../../engine/progress/model';
import type { StudioEnvironment } from '../../../../engine/api/studioApi';
import { sessionMachine } from '../../../../renderer/workbench/state/sessionMachine';

const env: StudioEnvironment = { mode: 'browser', platform: 'web', version: '1', notices: [{ level: 'warning', message: 'Your progress file could not be read.' }] };
const ada = { id: 'a', name: 'Ada', createdAt: '2026-01-01' };
const ben = { id: 'b', name: 'Ben', createdAt: '2026-01-02' };

describe('the session machine', () => {
  it('asks a first-time user for a name when no learner exists, and keeps the back end’s notices', () => {
    const actor = createActor(sessionMachine).start();
    actor.send({ type: 'BOOTED', env, learners: { learners: [] }, courses: [] });
    expect(actor.getSnapshot().value).toBe('firstRun');
    expect(actor.getSnapshot().context.notices.map((n) => n.message)).toEqual(['Your progress file could not be read.']);
  });

  it('asks who is studying when learners exist, then is ready', () => {
    const actor = createActor(sessionMachine).start();
    actor.send({ type: 'BOOTED', env, learners: { learners: [ada, ben] }, courses: [] });
    expect(actor.getSnapshot().value).toBe('picking');
    actor.send({ type: 'LEARNER_READY', learner: ben });
    expect(actor.getSnapshot().value).toBe('ready');
  });

  it('never shows one learner’s progress under another’s name after a switch', () => {
    const actor = createActor(sessionMachine).start();
    actor.send({ type: 'BOOTED', env, learners: { learners: [ada] }, courses: [] });
    actor.send({ type: 'LEARNER_READY', learner: ada });
    actor.send({ type: 'PROGRESS', progress: emptyProgress('c') });
    actor.send({ type: 'LEARNER_READY', learner: ben });
    expect(actor.getSnapshot().context.learner?.name).toBe('Ben');
    expect(actor.getSnapshot().context.progress).toEqual({});
    expect(actor.getSnapshot().context.learners.map((l) => l.name)).toEqual(['Ada', 'Ben']);
  });

  it('reports a start-up failure as the sentence it was given', () => {
    const actor = createActor(sessionMachine).start();
    actor.send({ type: 'BOOT_FAILED', message: 'The study server did not answer.' });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.failure).toBe('The study server did not answer.');
  });
});
