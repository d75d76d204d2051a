// A Studio API for renderer tests whose answers the test controls: every call is
// recorded, and a method can be held back (its answers released later, in any order),
// so tests can make a previous learner's answer arrive after a switch.

import { defaultWorkbenchState, fail, ok, type ApiResult, type CourseEntry, type Learner, type StudioApi, type WorkbenchState } from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import { emptyProgress } from '../../engine/progress/model';
import { createForwardingApi } from '../../engine/api/forwardingApi';

/** One call the fake received, with the way to answer it when it was held back. */
export interface HeldCall {
  method: keyof StudioApi;
  args: readonly unknown[];
  /** Answers the call now. */
  release(): void;
}

/** The fake and its controls. */
export interface FakeStudioApi {
  api: StudioApi;
  /** Every call, in order: method name and arguments. */
  calls: Array<{ method: keyof StudioApi; args: readonly unknown[] }>;
  /** Calls waiting for release(). */
  held: HeldCall[];
  /** Holds back the answers of these methods until released. */
  hold(...methods: Array<keyof StudioApi>): void;
  /** Answers every held call, latest first when `reverse`. */
  releaseAll(reverse?: boolean): void;
}

/** Options: the courses and learners the back end has. */
export interface FakeStudioApiOptions {
  courses?: Course[];
  learners?: Learner[];
  workbench?: Record<string, WorkbenchState>;
  /** Course ids whose opening fails with a sentence. */
  broken?: Record<string, string>;
  /** Methods that fail, with the sentence they fail with. */
  refuse?: Partial<Record<keyof StudioApi, string>>;
  /** The PIN of each protected learner, by learner id. */
  pins?: Record<string, string>;
  /** Course ids listed as installed with the app (read-only). */
  readOnly?: string[];
}

/** Makes a fake Studio API over a few courses and learners. */
export function fakeStudioApi(options: FakeStudioApiOptions = {}): FakeStudioApi {
  const courses = options.courses ?? [];
  const learners = options.learners ?? [];
  const held: HeldCall[] = [];
  const holding = new Set<keyof StudioApi>();
  const calls: FakeStudioApi['calls'] = [];
  const entries = (): CourseEntry[] =>
    courses.map((c) => ({ id: c.id, title: c.title, summary: c.summary, level: c.level, status: 'ok' as const, diagnostics: [], ...(options.readOnly?.includes(c.id) ? { readOnly: true } : {}) }));

  const answer = (method: keyof StudioApi, args: readonly unknown[]): ApiResult<unknown> => {
    const [a, b, c] = args as [string, string, unknown];
    const refusal = options.refuse?.[method];
    if (refusal) return fail('refused', refusal);
    switch (method) {
      case 'getEnvironment':
        return ok({ mode: 'browser', platform: 'web', version: 'test', notices: [] });
      case 'listCourses':
        return ok(entries());
      case 'openCourse': {
        if (options.broken?.[a]) return fail('course-broken', options.broken[a]);
        const course = courses.find((x) => x.id === a);
        return course ? ok({ course, assetBase: `/course/${a}/` }) : fail('unknown-course', `There is no course with the id "${a}".`);
      }
      case 'listLearners':
        return ok({ learners });
      case 'selectLearner': {
        const learner = learners.find((l) => l.id === a);
        return learner ? ok(learner) : fail('unknown-learner', 'There is no such learner.');
      }
      case 'getProgress':
        return ok({ ...emptyProgress(b), seconds: a.length });
      case 'recordEvent':
        return ok({ ...emptyProgress(b), seconds: 60, updatedAt: JSON.stringify(c) });
      case 'getWorkbenchState':
        return ok(options.workbench?.[a] ?? defaultWorkbenchState());
      case 'saveWorkbenchState':
        return ok(b);
      case 'unlockLearner': {
        const learner = learners.find((l) => l.id === a);
        if (!learner) return fail('unknown-learner', 'There is no such learner.');
        return options.pins?.[a] === b ? ok(learner) : fail('wrong-pin', `That is not ${learner.name}'s PIN; check it and try again.`);
      }
      case 'setLearnerPin': {
        const learner = learners.find((l) => l.id === a);
        const { newPin } = args[1] as { newPin?: string };
        return learner ? ok({ ...learner, ...(newPin ? { hasPin: true } : {}) }) : fail('unknown-learner', 'There is no such learner.');
      }
      case 'deleteLearner': {
        const learner = learners.find((l) => l.id === a);
        return learner ? ok({ learnerId: a, name: learner.name, keptAs: `/data/progress.deleted-${learner.name}.json` }) : fail('unknown-learner', 'There is no such learner.');
      }
      case 'exportLearningRecord':
        return ok({ htmlPath: `/data/records/${a}-${b}.html`, viewUrl: '/record/abc#print' });
      default:
        return fail('not-in-fake', `${method} is not part of this fake.`);
    }
  };

  const api = createForwardingApi((method, args) => {
    calls.push({ method, args });
    const result = answer(method, args);
    if (!holding.has(method)) return Promise.resolve(result);
    return new Promise((resolve) => held.push({ method, args, release: () => resolve(result) }));
  });
  return {
    api,
    calls,
    held,
    hold: (...methods) => methods.forEach((m) => holding.add(m)),
    releaseAll(reverse = false) {
      const waiting = held.splice(0, held.length);
      for (const call of reverse ? waiting.reverse() : waiting) call.release();
    },
  };
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
