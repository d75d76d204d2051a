// One launch of a SCO: initialises the LMS it was found in once, resumes from
// suspend_data and location, keeps the LMS's data model in step with the learner's
// progress, commits after each meaningful event (throttled, retried) and terminates
// once. Without an LMS it runs as a preview that keeps progress only in the page.
//
// It trusts nothing of the LMS's beyond what the standards require of every LMS:
// the interaction indices and the learner's shuffle seed live in suspend_data, not in
// `cmi.interactions._count` (which Open edX's XBlock answers with ""), and objectives
// are found by reading their ids back.

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
import {
  decodeSuspendData,
  encodeSuspendData,
  suspendLimit,
  type ScoState,
} from '../../engine/scorm/suspendCodec';
import { findLmsApi, type Scorm12Api, type Scorm2004Api } from './apiDiscovery';
import { CommitScheduler, type Timers } from './commitScheduler';
import { learnerSeed } from './learnerSeed';
import { connect, type LmsConnection } from './lmsConnection';

/** The progress rules, engine/progress/rules.ts applyEvent. */
export type ApplyEvent = (course: Course, progress: CourseProgress, event: LearningEvent, now: string) => CourseProgress;

/** What a session is started with. */
export interface SessionOptions {
  course: Course;
  standard: Standard;
  scope: ScoScope;
  /** The window the SCO runs in; the LMS API is looked for from it unless `api` is given. */
  win: Window;
  /** The LMS API already found (see waitForLmsApi), or null when none was found. */
  api?: Scorm12Api | Scorm2004Api | null;
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

/** Most objectives looked for when reading back the ids an LMS holds. */
const MAX_OBJECTIVES = 250;

/** A running SCO launch. */
export class ScormSession {
  readonly mode: 'scorm' | 'preview';
  readonly learner: { id: string; name: string };
  #progress: CourseProgress;
  #state: ScoState = { interactions: {} };
  #notices: Notice[] = [];
  #listeners = new Set<(notices: Notice[]) => void>();
  #lms?: LmsConnection;
  #scheduler?: CommitScheduler;
  #timers: Timers;
  #hiddenFlush: unknown;
  #nextInteraction = 0;
  #objectiveIndex = new Map<string, number>();
  #objectivesWithId = new Set<string>();
  #startedAt: number;
  #ended = false;
  /** Each state element's value as last accepted by the LMS, so unchanged values are not set again. */
  #lastSet = new Map<string, string>();
  /** The last suspend_data encoded, and what it was encoded from: deflating it is the costliest step of a save. */
  #encoded?: { progress: CourseProgress; state: ScoState; text: string };
  readonly #now: () => Date;

  constructor(private readonly options: SessionOptions) {
    this.#now = options.now ?? (() => new Date());
    this.#startedAt = this.#now().getTime();
    this.#timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) };
    const { course, standard, scope } = options;
    this.#progress = emptyProgress(course.id);
    const api = options.api === undefined ? findLmsApi(options.win, standard) : (options.api ?? undefined);
    const lms = api ? connect(standard, api) : undefined;
    if (!lms || !lms.initialize()) {
      this.mode = 'preview';
      this.learner = { id: 'preview', name: 'Preview' };
      this.#state.seed = learnerSeed('');
      this.#notify({
        level: 'warning',
        message: lms ? `The LMS would not start this session (${lms.lastError()}), so your progress will not be saved; close and reopen the module.` : PREVIEW_NOTICE,
      });
      return;
    }
    this.mode = 'scorm';
    this.#lms = lms;
    const names = CMI[standard];
    const lmsLearnerId = lms.get(names.learnerId);
    this.learner = { id: safeId(lmsLearnerId), name: lms.get(names.learnerName) || 'Learner' };
    const decoded = decodeSuspendData(course, scope, lms.get(names.suspendData));
    if (decoded.ok) {
      this.#progress = decoded.progress;
      this.#state = decoded.state;
    } else this.#notify({ level: 'warning', message: decoded.message });
    this.#state.seed ??= learnerSeed(lmsLearnerId);
    if (!this.#progress.location.moduleId) this.#progress.location = parseLocation(course, lms.get(names.location));
    // The package's own count decides; an LMS count is only a floor, so that interactions
    // journalled by an earlier version of the package are never overwritten.
    const known = Object.values(this.#state.interactions);
    this.#nextInteraction = Math.max(known.length ? Math.max(...known) + 1 : 0, count(lms.get(names.interactionCount)));
    for (let i = 0; i < MAX_OBJECTIVES; i++) {
      const id = lms.get(`cmi.objectives.${i}.id`);
      if (!id) break;
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
      timers: this.#timers,
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

  /** The learner's shuffle seed: the same on every launch of this package for them. */
  get seed(): string {
    return this.#state.seed ?? '';
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
    const { course, standard } = this.options;
    const at = this.#now().toISOString();
    const next = this.options.applyEvent(course, this.#progress, event, at);
    if (next === this.#progress) return { ok: true, progress: next };
    const interaction = this.#interactionFor(event, next, at);
    const state = interaction ? this.#withIndex(interaction.id) : this.#state;
    if (this.#lms) {
      const chars = this.#suspendData(next, state).length;
      const limit = suspendLimit(standard);
      if (chars > limit) {
        return {
          ok: false,
          message: `The LMS keeps at most ${limit.toLocaleString('en-GB')} characters of saved progress for this module and this would need ${chars.toLocaleString('en-GB')}, so it was not saved; shorten your latest reflection and save it again.`,
        };
      }
    }
    this.#progress = next;
    this.#state = state;
    if (this.#lms) {
      if (interaction) this.#setAll(interactionWrites(standard, state.interactions[interaction.id]!, interaction));
      // The data model follows every event at once, not only at the next commit: some
      // LMSs (Open edX's XBlock) store each SetValue as it comes and nothing at Commit.
      this.#writeState();
    }
    if (event.type !== 'time.spent') this.#scheduler?.request();
    return { ok: true, progress: next };
  }

  /**
   * The page has been hidden: save soon, since it may never be shown again. The commit
   * waits a turn of the event loop, so that when the page is hidden because it is being
   * closed, the pagehide that follows cancels it and Terminate goes alone: at unload
   * Moodle posts each call as a beacon (mod/scorm/request.js, DoRequest), and Chrome
   * lets only 64 KiB of keepalive bodies be in flight at once.
   */
  hidden(): void {
    if (this.#ended || !this.#scheduler || this.#hiddenFlush !== undefined) return;
    this.#hiddenFlush = this.#timers.setTimeout(() => {
      this.#hiddenFlush = undefined;
      if (!this.#ended) this.#scheduler?.commitNow();
    }, 0);
  }

  /** Saves now (tests, and any host that knows the page is going but stays open). */
  flush(): void {
    if (!this.#ended) this.#scheduler?.commitNow();
  }

  /**
   * Ends the session once: the final state and session time, then Terminate alone.
   * Terminate stores everything set (SCORM 1.2 LMSFinish and 2004 Terminate both
   * persist the data model), so no Commit goes before it to double what an unloading
   * page may send.
   */
  end(): void {
    if (this.#ended || !this.#lms) return;
    this.#ended = true;
    this.#scheduler?.stop();
    if (this.#hiddenFlush !== undefined) this.#timers.clearTimeout(this.#hiddenFlush);
    this.#hiddenFlush = undefined;
    this.#writeState();
    if (!this.#lms.terminate()) console.warn(`The LMS did not accept the end of the session (${this.#lms.lastError()}).`);
  }

  #withIndex(id: string): ScoState {
    if (this.#state.interactions[id] !== undefined) return this.#state;
    return { ...this.#state, interactions: { ...this.#state.interactions, [id]: this.#nextIndex() } };
  }

  #nextIndex(): number {
    const used = Object.values(this.#state.interactions);
    return Math.max(this.#nextInteraction, used.length ? Math.max(...used) + 1 : 0);
  }

  #interactionFor(event: LearningEvent, next: CourseProgress, at: string): Interaction | undefined {
    const { course } = this.options;
    if (event.type === 'quiz.answered') {
      const record = next.answers[event.questionId];
      return record ? quizInteraction(course, event.questionId, record.selected, at) : undefined;
    }
    if (event.type !== 'scenario.chose') return undefined;
    // A play-through is journalled when it reaches an ending, with every choice that led there.
    const record = next.scenarios[event.scenarioId];
    const scenario = course.modules.flatMap((m) => m.scenarios).find((s) => s.id === event.scenarioId);
    if (!record?.nodeId || !scenario?.nodes[record.nodeId]?.ending) return undefined;
    return scenarioInteraction(course, event.scenarioId, record.path, at);
  }

  /** Writes suspend_data, location, status, score, objectives, session time and exit; false if the LMS refused any. */
  #writeState(): boolean {
    const { course, scope, standard } = this.options;
    const names = CMI[standard];
    const report = scoReport(course, scope, this.#progress);
    const location = locationString(this.#progress.location);
    const writes: CmiWrite[] = [
      [names.suspendData, this.#suspendData(this.#progress, this.#state)],
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
    const ok = this.#setAll(writes.filter(([element, value]) => this.#lastSet.get(element) !== value));
    for (const objective of report.objectives) this.#objectivesWithId.add(objective.id);
    return ok;
  }

  #suspendData(progress: CourseProgress, state: ScoState): string {
    if (this.#encoded?.progress !== progress || this.#encoded.state !== state) {
      this.#encoded = { progress, state, text: encodeSuspendData(this.options.course, this.options.scope, progress, state) };
    }
    return this.#encoded.text;
  }

  /** Sets each value; an interaction's are always all set, since setting its type clears its patterns in Moodle. */
  #setAll(writes: readonly CmiWrite[]): boolean {
    let ok = true;
    for (const [element, value] of writes) {
      if (this.#lms?.set(element, value)) this.#lastSet.set(element, value);
      else {
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

/** A count the LMS reports, or 0 when it gives none ("" from Open edX) or nonsense. */
function count(text: string): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** LMS learner ids can hold any characters; the Studio API's learner ids cannot. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'learner';
}
