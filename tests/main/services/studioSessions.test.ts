import { describe, expect, it } from 'vitest';
import { ok, type StudioApi } from '../../../engine/api/studioApi';
import type { LearnerSession } from '../../../main/services/learnerAccess';
import { createStudioSessions } from '../../../main/services/studioSessions';

/** Sessions whose API answers listLearners with the session object, so a test can tell sessions apart. */
function sessions(max?: number) {
  const made: LearnerSession[] = [];
  const all = createStudioSessions((session) => {
    made.push(session);
    return { listLearners: async () => ok(session) } as unknown as StudioApi;
  }, max);
  const sessionOf = async (key: string | undefined) => {
    const answer = await all.forSession(key).listLearners();
    return answer.ok ? (answer.value as unknown as LearnerSession) : undefined;
  };
  return { all, made, sessionOf };
}

describe('Studio sessions', () => {
  it('give the same session to every call that names it, and a new one to each other name', async () => {
    const { sessionOf } = sessions();
    const a = await sessionOf('page-a');
    a!.unlocked = 'asha';
    expect(await sessionOf('page-a')).toBe(a);
    expect((await sessionOf('page-b'))?.unlocked).toBeUndefined();
  });

  it('give a call that names no session one that remembers nothing', async () => {
    const { sessionOf } = sessions();
    const first = await sessionOf(undefined);
    first!.unlocked = 'asha';
    expect((await sessionOf(undefined))?.unlocked).toBeUndefined();
  });

  it('forget a session that ended, so its page is asked for the PIN again', async () => {
    const { all, sessionOf } = sessions();
    (await sessionOf('page-a'))!.unlocked = 'asha';
    all.end('page-a');
    expect((await sessionOf('page-a'))?.unlocked).toBeUndefined();
  });

  it('remember at most so many sessions, forgetting the one used longest ago', async () => {
    const { sessionOf } = sessions(2);
    (await sessionOf('a'))!.unlocked = 'asha';
    (await sessionOf('b'))!.unlocked = 'ben';
    await sessionOf('a');
    (await sessionOf('c'))!.unlocked = 'cai';
    expect((await sessionOf('a'))?.unlocked).toBe('asha');
    expect((await sessionOf('b'))?.unlocked).toBeUndefined();
  });
});
