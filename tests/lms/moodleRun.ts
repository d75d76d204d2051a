// A learner's launches of one SCO under the strict Moodle runtime, in Node: each launch
// reads the tracks the server kept, plays some events, and leaves the way a learner
// closing the tab does (the page hidden, then pagehide), so its last call travels as a
// beacon. Every refused SetValue and every post is kept for the checks and the figures.

import type { Course } from '../../engine/course/model';
import type { LearningEvent } from '../../engine/progress/model';
import type { Standard } from '../../engine/scorm/cmiMapping';
import { scopeModules, scopeQuestions, type ScoScope } from '../../engine/scorm/scope';
import type { ScormSession } from '../../renderer/scorm/scormSession';
import { launch12, launch2004 } from './moodle/launchData';
import { Moodle12 } from './moodle/moodle12';
import { Moodle2004 } from './moodle/moodle2004';
import { InProcessMoodle } from './moodle/transport';
import { launchAndPlay } from './playThrough';

/** One SCO's record in the strict Moodle. */
export class MoodleSco {
  readonly server = new InProcessMoodle();
  /** `element=value (code)` of every SetValue the runtime refused. */
  readonly refused: string[] = [];
  readonly clock = { t: Date.parse('2026-03-02T09:00:00Z') };

  constructor(
    readonly course: Course,
    readonly scope: ScoScope,
    readonly standard: Standard,
  ) {}

  /** The SCO's adlcp:masteryscore, as the manifest gives it (one graded module only). */
  get masteryScore(): number | undefined {
    const [only] = scopeModules(this.course, this.scope);
    return this.scope.moduleIds.length === 1 && only && scopeQuestions(this.course, this.scope).length > 0 ? only.masteryScore : undefined;
  }

  /** Launches the SCO, plays `events`, and closes the tab; returns the session as it ended. */
  launch(events: readonly LearningEvent[]): ScormSession {
    this.server.shown();
    const api = this.standard === 'scorm12' ? new Moodle12(launch12(this.server.tracks, this.masteryScore), this.server) : new Moodle2004(launch2004(this.server.tracks), this.server);
    const set = this.standard === 'scorm12' ? 'LMSSetValue' : 'SetValue';
    const lastError = this.standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError';
    const target = api as unknown as Record<string, (...args: unknown[]) => string>;
    const real = target[set]!.bind(api);
    target[set] = (element: unknown, value: unknown) => {
      const result = real(element, value);
      if (result !== 'true') this.refused.push(`${String(element)}=${JSON.stringify(value)} (${target[lastError]!()})`);
      return result;
    };
    const session = launchAndPlay(this.course, this.scope, this.standard, api as never, events, this.clock);
    // Closing the tab: the page is hidden (the session defers its save a turn), then
    // pagehide ends it before that turn comes, so Terminate is the one beacon sent.
    session.hidden();
    this.server.unloading = true;
    this.clock.t += 5000;
    session.end();
    return session;
  }

  /** A stored track. */
  track(element: string): string | undefined {
    return this.server.tracks.get(element);
  }
}
