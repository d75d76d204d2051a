// The Studio API as each session sees it. A session is one page load of the app: the
// desktop window between navigations (main/ipc.ts), or one browser tab's page, which
// names itself with a random id on every request (main/web/server.ts). A reload starts
// a new session, so a PIN given before it has to be given again.

import type { StudioApi } from '../../engine/api/studioApi';
import type { LearnerSession } from './learnerAccess';

/** Each session's StudioApi. */
export interface StudioSessions {
  /** The API for the session `key`; without a key, a session of its own that remembers nothing. */
  forSession(key: string | undefined): StudioApi;
  /** Forgets a session (its page went away). */
  end(key: string): void;
}

/** Sessions remembered at once; the least recently used is forgotten first (its learner is simply asked for their PIN again). */
export const MAX_SESSIONS = 64;

/** Keeps a StudioApi per session key, made by `make`. */
export function createStudioSessions(make: (session: LearnerSession) => StudioApi, max = MAX_SESSIONS): StudioSessions {
  const sessions = new Map<string, StudioApi>();
  return {
    forSession(key) {
      if (key === undefined) return make({});
      let api = sessions.get(key);
      if (api) {
        // Map keeps insertion order: moving the key to the end keeps the oldest first.
        sessions.delete(key);
      } else {
        api = make({});
      }
      sessions.set(key, api);
      while (sessions.size > max) sessions.delete(sessions.keys().next().value!);
      return api;
    },
    end(key) {
      sessions.delete(key);
    },
  };
}

/** One API for every session: for tests, and tools with no PIN-protected learners to keep apart. */
export function singleSession(api: StudioApi): StudioSessions {
  return { forSession: () => api, end: () => undefined };
}
