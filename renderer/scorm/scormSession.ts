// One launch of a SCO: finds the LMS, initialises once, resumes from suspend_data
// and location, keeps the LMS's data model in step with the learner's progress,
// commits after each meaningful event (throttled, retried) and terminates once.
// Without an LMS it runs as a preview that keeps progress only in the page.

import type { Notice } from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import type { CourseProgress, LearningEvent } from '../../engine/progress/model';
import { emptyProgress } from '../../engine/progress/model';
import {
  CMI,
  exitWrites,
  interactionWrites,
  locationString,
  objectiveWrites,
  parseLocation,
  quizInteraction,
  reportWrites,
  scenarioInteraction,
  type CmiWrite,
  type Interaction,
  type Standard,
} from '../../engine/scorm/cmiMapping';
import { scoReport } from '../../engine/scorm/scoReport';
import type { ScoScope } from '../../engine/scorm/scope';
import { decodeSuspendData, encodeSuspendData, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT } from '../../engine/scorm/suspendCodec';
import { findLmsApi } from './apiDiscovery';
import { CommitScheduler, type Timers } from './commitScheduler';
import { connect, type LmsConnection } from './lmsConnection';

/** The progress rules, engine/progress/rules.ts applyEvent. */
export type ApplyEvent = (course: Course, progress: CourseProgress, event: LearningEvent, now: string) => CourseProgress;

/** What a session is started with. */
export interface SessionOptions {
  course: Course;
  standard: Standard;
  scope: ScoScope;
  win: Window;
  applyEvent: ApplyEvent;
  now?: () => Date;
  timers?: Timers;
  throttleMs?: number;
}

/** The outcome of recording an event: the new progress, or a sentence saying why it was not kept. */
export type RecordOutcome = { ok: true; progress: CourseProgress } | { ok: false; message: string };

/** The preview notice, shown whenever no LMS hosts the package. */
export const PREVIEW_NOTICE =
  'Preview: no LMS was found, so this is a preview and your progress will not be saved when you close the page.';

const SAVED_AGAIN = 'Your progress is being saved to the LMS again.';

/** A running SCO launch. */
export class ScormSession {
  readonly mode: 'scorm' | 'preview';
  readonly learner: { id: string; name: string };
  #progress: CourseProgress;
  #notices: Notice[] = [];
  #listeners = new Set<(notices: Notice[]) => void>();
  #lms?: LmsConnection;
  #scheduler?: CommitScheduler;
  #nextInteraction = 0;
  #objectiveIndex = new Map<string, number>();
  #objectivesWithId = new Set<string>();
  #startedAt: number;
  #ended = false;
  readonly #now: () => Date;

  constructor(private readonly options: SessionOptions) {
    this.#now = options.now ?? (() => new Date());
    this.#startedAt = this.#now().getTime();
    const { course, standard, scope } = options;
    this.#progress = emptyProgress(course.id);
    const api = findLmsApi(options.win, standard);
    const lms = api ? connect(standard, api) : undefined;
    if (!lms || !lms.initialize()) {
      this.mode = 'preview';
      this.learner = { id: 'preview', name: 'Preview' };
      this.#notify({
        level: 'warning',
        message: lms ? `The LMS would not start this session (${lms.lastError()}), so your progress will not be saved; close and reopen the module.` : PREVIEW_NOTICE,
      });
      return;
    }
    this.mode = 'scorm';
    this.#lms = lms;
    const names = CMI[standard];
    this.learner = { id: safeId(lms.get(names.learnerId)), name: lms.get(names.learnerName) || 'Learner' };
    const decoded = decodeSuspendData(course, scope, lms.get(names.suspendData));
    if (decoded.ok) this.#progress = decoded.progress;
    else this.#notify({ level: 'warning', message: decoded.message });
    if (!this.#progress.location.moduleId) this.#progress.location = parseLocation(course, lms.get(names.location));
    this.#nextInteraction = count(lms.get(names.interactionCount));
    const objectives = count(lms.get(names.objectiveCount));
    for (let i = 0; i < objectives; i++) {
      const id = lms.get(`cmi.objectives.${i}.id`);
      this.#objectiveIndex.set(id, i);
      this.#objectivesWithId.add(id);
    }
    this.#scheduler = new CommitScheduler({
      // A value the LMS refuses is logged, not fatal: everything else must still be saved.
      commit: () => {
        this.#writeState();
        return lms.commit();
      },
      onTrouble: (message) => this.#setTrouble(message),
      timers: options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      now: () => this.#now().getTime(),
      ...(options.throttleMs !== undefined ? { throttleMs: options.throttleMs } : {}),
    });
    // First entry: the status becomes "incomplete" at once, and the LMS keeps it.
    this.#scheduler.commitNow();
  }

  /** The learner's progress as it stands. */
  get progress(): CourseProgress {
    return this.#progress;
  }

  /** Messages for the learner (preview, saving trouble), newest last. */
  get notices(): Notice[] {
    return [...this.#notices];
  }

  /** Calls `listener` whenever the notices change; returns the unsubscribe function. */
  onNotices(listener: (notices: Notice[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Applies a learning event, journals it with the LMS and asks for a commit. */
  record(event: LearningEvent): RecordOutcome {
    if (this.#ended) return { ok: false, message: 'This module has been closed, so nothing more can be saved; reopen it from the LMS.' };
    const { course, scope, standard } = this.options;
    const at = this.#now().toISOString();
    const before = this.#progress;
    const next = this.options.applyEvent(course, before, event, at);
    if (this.#lms) {
      const chars = encodeSuspendData(course, scope, next).length;
      const limit = standard === 'scorm12' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_LIMIT;
      if (chars > limit) {
        return {
          ok: false,
          message: `The LMS keeps at most ${limit.toLocaleString('en-GB')} characters of saved progress for this module and this would need ${chars.toLocaleString('en-GB')}, so it was not saved; shorten your latest reflection and save it again.`,
        };
      }
    }
    this.#progress = next;
    const interaction = this.#interactionFor(event, before, at);
    if (this.#lms && interaction) {
      this.#setAll(interactionWrites(standard, this.#nextInteraction, interaction));
      this.#nextInteraction++;
    }
    if (event.type !== 'time.spent') this.#scheduler?.request();
    return { ok: true, progress: next };
  }

  /** Saves now, because the page is being hidden and may never be shown again. */
  flush(): void {
    if (!this.#ended) this.#scheduler?.commitNow();
  }

  /** Ends the session once: the final state and session time, a last commit, then terminate. */
  end(): void {
    if (this.#ended || !this.#lms) return;
    this.#ended = true;
    this.#scheduler?.stop();
    this.#writeState();
    this.#lms.commit();
    this.#lms.terminate();
  }

  #interactionFor(event: LearningEvent, before: CourseProgress, at: string): Interaction | undefined {
    const { course } = this.options;
    if (event.type === 'quiz.answered') return quizInteraction(course, event.questionId, event.selected, at);
    if (event.type !== 'scenario.chose') return undefined;
    // The event names the node reached; the interaction names the node the choice was made on.
    const scenario = course.modules.flatMap((m) => m.scenarios).find((s) => s.id === event.scenarioId);
    if (!scenario) return undefined;
    const was = before.scenarios[event.scenarioId]?.nodeId;
    const from = [was, scenario.start].find((id) => id && scenario.nodes[id]?.choices.some((c) => c.id === event.choiceId && c.to === event.nodeId))
      ?? Object.values(scenario.nodes).find((n) => n.choices.some((c) => c.id === event.choiceId && c.to === event.nodeId))?.id;
    return from ? scenarioInteraction(course, event.scenarioId, from, event.choiceId, at) : undefined;
  }

  /** Writes suspend_data, location, status, score, objectives, session time and exit; false if the LMS refused any. */
  #writeState(): boolean {
    const { course, scope, standard } = this.options;
    const names = CMI[standard];
    const report = scoReport(course, scope, this.#progress);
    const location = locationString(this.#progress.location);
    const writes: CmiWrite[] = [
      [names.suspendData, encodeSuspendData(course, scope, this.#progress)],
      // SCORM 2004 refuses an empty cmi.location (406), which would read as a failed
      // save; before the learner has been anywhere there is no bookmark to write.
      ...(location ? [[names.location, location] as CmiWrite] : []),
      ...reportWrites(standard, report),
      ...exitWrites(standard, this.#sessionSeconds()),
    ];
    for (const objective of report.objectives) {
      let n = this.#objectiveIndex.get(objective.id);
      if (n === undefined) {
        n = this.#objectiveIndex.size;
        this.#objectiveIndex.set(objective.id, n);
      }
      writes.push(...objectiveWrites(standard, n, objective, !this.#objectivesWithId.has(objective.id)));
    }
    const ok = this.#setAll(writes);
    for (const objective of report.objectives) this.#objectivesWithId.add(objective.id);
    return ok;
  }

  #setAll(writes: readonly CmiWrite[]): boolean {
    let ok = true;
    for (const [element, value] of writes) {
      if (!this.#lms?.set(element, value)) {
        ok = false;
        console.warn(`The LMS refused ${element} = ${JSON.stringify(value)} (${this.#lms?.lastError()}).`);
      }
    }
    return ok;
  }

  #sessionSeconds(): number {
    return Math.max(0, (this.#now().getTime() - this.#startedAt) / 1000);
  }

  #setTrouble(message: string | undefined): void {
    this.#notices = this.#notices.filter((n) => n.level !== 'error' && n.message !== SAVED_AGAIN);
    if (message) this.#notices.push({ level: 'error', message });
    else this.#notices.push({ level: 'info', message: SAVED_AGAIN });
    this.#emit();
  }

  #notify(notice: Notice): void {
    this.#notices.push(notice);
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener(this.notices);
  }
}

function count(text: string): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** LMS learner ids can hold any characters; the Studio API's learner ids cannot. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'learner';
}
