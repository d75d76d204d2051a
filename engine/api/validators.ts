// Every Studio API input crosses a trust boundary (IPC from a renderer, HTTP from a
// browser tab, an LMS frame), so each method's arguments are checked here, once, and
// the IPC handler, the HTTP route and the SCORM adapter all use the same checks.
// A failure is one sentence naming the method, the argument and what was expected.
//
// The interface is the one source of truth: every schema here is typed against the
// type it checks (schemaOf and ARGS below), so the compiler refuses a schema that
// accepts less or more than StudioApi's parameter types, and a method missing here.

import { z } from 'zod';
import type { LearningEvent } from '../progress/model';
import { MAX_NOTE_CHARS } from '../progress/model';
import { LMS_IDS } from '../scorm/lmsProfiles';
import { scenarioSnapshotSchema } from './snapshotShape';
import {
  PIN_DIGITS,
  STUDIO_API_METHODS,
  type ApiArgs,
  type DeleteConfirmation,
  type ExportRequest,
  type PinChange,
  type NewPackItem,
  type PackCheckRequest,
  type StudioApiMethod,
  type WorkbenchState,
} from './studioApi';
import { API_VALUE_LIMITS, checkValueBounds, formatValuePath, type ValueLimits } from './valueBounds';

/** Longest text a learner can save in one reflection, in characters. */
export const MAX_REFLECTION_CHARS = 20_000;
/** Longest search query, in characters. */
export const MAX_QUERY_CHARS = 200;
/** Longest learner name, in characters (after trimming). */
export const MAX_LEARNER_NAME_CHARS = 60;
/**
 * Longest course file the app saves or checks, in characters: about 150,000 words, far
 * beyond any lesson, while a request stays a few megabytes (the loader's own limit is
 * 5 MB a file).
 */
export const MAX_PACK_FILE_CHARS = 1_000_000;
/** Most unsaved editors one check of a pack carries. */
export const MAX_PACK_BUFFERS = 50;
/** Longest path inside a pack, in characters. */
export const MAX_PACK_PATH_CHARS = 1024;
/** Longest wait of one long poll for changes on disk, in milliseconds. */
export const MAX_WAIT_MS = 60_000;

const idPattern = /^[a-z][a-z0-9-]*$/;
const contentId = z
  .string()
  .max(40, 'must be at most 40 characters')
  .regex(idPattern, 'must be lower-case letters, digits and hyphens, starting with a letter');
const learnerId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, hyphens or underscores');
const pin = z
  .string()
  .max(100, 'is far too long')
  .regex(new RegExp(`^[0-9]{${PIN_DIGITS.min},${PIN_DIGITS.max}}$`), `must be ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits`);
const seconds = z.number().finite().min(0, 'must not be negative').max(86_400, 'must be at most a day (86400 seconds)');

const location = z.strictObject({
  moduleId: contentId.optional(),
  lessonId: contentId.optional(),
  scenarioId: contentId.optional(),
});

/**
 * Checks at compile time that a schema produces exactly T: its output must be a T, and
 * every T must be something it can produce (a missing variant or field fails here).
 * Returns the schema typed by the interface's own type.
 */
function schemaOf<T>() {
  return <S extends z.ZodType<T>>(schema: S, ..._exact: [T] extends [z.output<S>] ? [] : [mismatch: 'the schema does not accept every value of its type']): z.ZodType<T> =>
    schema;
}

/** Validates a learning event sent by the renderer. */
export const learningEventSchema = schemaOf<LearningEvent>()(z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('lesson.visited'), lessonId: contentId }),
  z.strictObject({ type: z.literal('lesson.read'), lessonId: contentId }),
  z.strictObject({ type: z.literal('time.spent'), seconds, lessonId: contentId.optional() }),
  z.strictObject({
    type: z.literal('quiz.answered'),
    quizId: contentId,
    questionId: contentId,
    selected: z.array(contentId).max(26, 'must list at most 26 options'),
  }),
  z.strictObject({
    type: z.literal('scenario.chose'),
    scenarioId: contentId,
    choiceId: contentId,
    nodeId: contentId,
    snapshot: scenarioSnapshotSchema,
    endingId: contentId.optional(),
  }),
  z.strictObject({ type: z.literal('scenario.restarted'), scenarioId: contentId }),
  z.strictObject({
    type: z.literal('reflection.saved'),
    reflectionId: contentId,
    text: z.string().max(MAX_REFLECTION_CHARS, `must be at most ${MAX_REFLECTION_CHARS} characters`),
  }),
  z.strictObject({
    type: z.literal('note.saved'),
    itemId: contentId,
    text: z.string().max(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS} characters`),
  }),
  z.strictObject({ type: z.literal('location.changed'), location }),
]));

/**
 * A path inside a course pack as the workbench names it. Only its form is checked here;
 * whether it stays inside the pack's real folder is the pack file service's to decide,
 * on disk, with a sentence of its own (main/services/packPaths.ts).
 */
const packPath = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_PACK_PATH_CHARS, `must be at most ${MAX_PACK_PATH_CHARS} characters`)
  .refine((p) => !p.includes('\0'), 'must not contain a NUL character');
const packText = z.string().max(MAX_PACK_FILE_CHARS, `must be at most ${MAX_PACK_FILE_CHARS} characters`);
const itemTitle = z.string().max(1000, 'is far too long');

const tabRef = z.discriminatedUnion('kind', [
  z.strictObject({ courseId: contentId, kind: z.enum(['lesson', 'scenario', 'view', 'source']), itemId: contentId }),
  z.strictObject({ courseId: contentId, kind: z.literal('file'), itemId: packPath }),
  z.strictObject({ courseId: contentId, kind: z.enum(['scenarioGraph', 'scenarioPreview']), itemId: packPath }),
]);

/** Validates a workbench state the renderer asks to save. */
export const workbenchStateSchema = schemaOf<WorkbenchState>()(z.strictObject({
  openCourseId: contentId.optional(),
  tabs: z.array(tabRef).max(100, 'must hold at most 100 tabs'),
  activeTab: z.number().int().min(0).optional(),
  sideBarView: z.enum(['courses', 'search', 'progress', 'journal', 'settings', 'author']),
  sideBarVisible: z.boolean(),
  sideBarWidth: z.number().min(10, 'must be at least 10').max(60, 'must be at most 60').optional(),
  panelVisible: z.boolean(),
  panelView: z.enum(['journal', 'problems']).optional(),
  theme: z.enum(['system', 'light', 'dark', 'high-contrast']),
  zoom: z.number().min(0.5, 'must be at least 0.5').max(3, 'must be at most 3'),
}));

/** Validates an export request. */
export const exportRequestSchema = schemaOf<ExportRequest>()(z.strictObject({
  courseId: contentId,
  standard: z.enum(['scorm12', 'scorm2004']),
  sco: z.enum(['module', 'course']),
  outPath: z.string().min(1).max(4096).optional(),
  lms: z.enum(LMS_IDS).optional(),
}));

/** Validates a new item for a pack. */
export const newPackItemSchema = schemaOf<NewPackItem>()(z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('module'), title: itemTitle }),
  z.strictObject({ kind: z.literal('lesson'), moduleFolder: packPath, title: itemTitle }),
  z.strictObject({ kind: z.literal('scenario'), moduleFolder: packPath, title: itemTitle }),
  z.strictObject({ kind: z.literal('folder'), path: packPath }),
]));

/** Validates what a check of a pack carries: the editors' unsaved text and the files to preview. */
export const packCheckRequestSchema = schemaOf<PackCheckRequest>()(z.strictObject({
  buffers: z.array(z.strictObject({ path: packPath, text: packText })).max(MAX_PACK_BUFFERS, `must hold at most ${MAX_PACK_BUFFERS} unsaved files`),
  preview: z.array(packPath).max(100, 'must name at most 100 files'),
}));

/** Bounds of an argument that carries whole course files: texts up to a file's length, and several of them. */
const FILE_LIMITS: ValueLimits = { ...API_VALUE_LIMITS, stringChars: MAX_PACK_FILE_CHARS, totalChars: 4 * MAX_PACK_FILE_CHARS };

const learnerName = z
  .string()
  .max(1000, 'is far too long')
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be blank')
      .max(MAX_LEARNER_NAME_CHARS, `must be at most ${MAX_LEARNER_NAME_CHARS} characters`),
  );

/** Validates a change to a learner's PIN. */
export const pinChangeSchema = schemaOf<PinChange>()(z.strictObject({ currentPin: pin.optional(), newPin: pin.optional() }));

/** Validates the confirmation that comes with deleting a learner. */
export const deleteConfirmationSchema = schemaOf<DeleteConfirmation>()(z.strictObject({ name: learnerName, pin: pin.optional() }));

/** One named argument of a method. */
interface ArgSpec {
  readonly name: string;
  readonly schema: z.ZodType;
  /** How big the value may be, when not API_VALUE_LIMITS. */
  readonly limits?: ValueLimits;
}

/**
 * An argument whose schema produces exactly T. The `exact` member exists only for the
 * compiler: it makes the type invariant in T, so a spec fits a parameter only when the
 * schema's output and the parameter's type are the same.
 */
interface TypedArgSpec<T> extends ArgSpec {
  readonly schema: z.ZodType<T>;
  readonly exact?: (value: T) => T;
}

/** The specs of a parameter list, one per parameter, in order. */
type ArgSpecs<P extends readonly unknown[]> = { readonly [K in keyof P]: TypedArgSpec<P[K]> };

const arg = <T>(name: string, schema: z.ZodType<T>, limits?: ValueLimits): TypedArgSpec<T> => ({ name, schema, ...(limits ? { limits } : {}) });

/**
 * The arguments of every Studio API method, in order, each typed against the
 * interface's parameter: a method missing here, an argument too many or too few, or a
 * schema of another type does not compile.
 */
const TYPED_ARGS: { readonly [M in StudioApiMethod]: ArgSpecs<ApiArgs<M>> } = {
  getEnvironment: [],
  listCourses: [],
  openCourse: [arg('courseId', contentId)],
  listLearners: [],
  createLearner: [arg('name', learnerName)],
  selectLearner: [arg('learnerId', learnerId)],
  unlockLearner: [arg('learnerId', learnerId), arg('pin', pin)],
  setLearnerPin: [arg('learnerId', learnerId), arg('change', pinChangeSchema)],
  deleteLearner: [arg('learnerId', learnerId), arg('confirmation', deleteConfirmationSchema)],
  getProgress: [arg('learnerId', learnerId), arg('courseId', contentId)],
  recordEvent: [arg('learnerId', learnerId), arg('courseId', contentId), arg('event', learningEventSchema)],
  getWorkbenchState: [arg('learnerId', learnerId)],
  saveWorkbenchState: [arg('learnerId', learnerId), arg('state', workbenchStateSchema)],
  search: [arg('query', z.string().max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`))],
  readSource: [arg('courseId', contentId), arg('referenceId', contentId)],
  startExport: [arg('request', exportRequestSchema)],
  exportStatus: [arg('jobId', z.string().min(1).max(100).regex(/^[A-Za-z0-9-]+$/, 'must be a job id'))],
  exportLearningRecord: [arg('learnerId', learnerId), arg('courseId', contentId)],
  listPackFiles: [arg('courseId', contentId)],
  readPackFile: [arg('courseId', contentId), arg('path', packPath)],
  writePackFile: [
    arg('courseId', contentId),
    arg('path', packPath),
    arg('text', packText, FILE_LIMITS),
    arg('baseVersion', z.string().regex(/^[0-9a-f]{64}$/, 'must be the version a file was read at').nullable()),
  ],
  createPackItem: [arg('courseId', contentId), arg('item', newPackItemSchema)],
  renamePackFile: [arg('courseId', contentId), arg('from', packPath), arg('to', packPath)],
  deletePackFile: [arg('courseId', contentId), arg('path', packPath)],
  createCourse: [arg('title', itemTitle)],
  copyCourse: [arg('courseId', contentId)],
  checkPack: [arg('courseId', contentId), arg('request', packCheckRequestSchema, FILE_LIMITS)],
  waitForPackChanges: [
    arg('since', z.number().int('must be a whole number').min(0, 'must not be negative')),
    arg('timeoutMs', z.number().int('must be a whole number').min(0, 'must not be negative').max(MAX_WAIT_MS, `must be at most ${MAX_WAIT_MS} (a minute)`)),
  ],
  listScenarioFiles: [arg('courseId', contentId)],
  getScenarioGraph: [arg('courseId', contentId), arg('file', packPath)],
  waitForPackChange: [arg('courseId', contentId), arg('revision', z.number().min(0, 'must not be negative').refine(Number.isSafeInteger, 'must be a whole number'))],
};

/** The same table, read as plain name-and-schema lists by the checks below. */
const ARGS: { readonly [M in StudioApiMethod]: readonly ArgSpec[] } = TYPED_ARGS;

/** The result of checking a method's arguments: the cleaned arguments, or a sentence. */
export type ArgsCheck<M extends StudioApiMethod> = { ok: true; args: ApiArgs<M> } | { ok: false; message: string };

/** True when `name` is a Studio API method (for routes and channels that arrive as strings). */
export function isStudioApiMethod(name: string): name is StudioApiMethod {
  return (STUDIO_API_METHODS as readonly string[]).includes(name);
}

/** Names of a method's arguments, in order. */
export function argumentNames(method: StudioApiMethod): string[] {
  return ARGS[method].map((a) => a.name);
}

/** Checks the arguments of one call; unknown fields are refused rather than silently kept. */
export function validateArgs<M extends StudioApiMethod>(method: M, args: unknown): ArgsCheck<M> {
  const specs = ARGS[method];
  if (!Array.isArray(args)) return { ok: false, message: `${method} expects its arguments as a list.` };
  if (args.length > specs.length || args.filter((a) => a !== undefined).length < specs.length) {
    const names = specs.map((s) => s.name).join(', ');
    const wanted = specs.length === 0 ? 'no arguments' : `${specs.length} argument${specs.length > 1 ? 's' : ''} (${names})`;
    return { ok: false, message: `${method} expects ${wanted} but was given ${args.length}.` };
  }
  const cleaned: unknown[] = [];
  for (const [i, spec] of specs.entries()) {
    const unbounded = checkValueBounds(args[i], spec.limits);
    if (unbounded) return { ok: false, message: `The argument ${formatValuePath(spec.name, unbounded.path)} of ${method} ${unbounded.problem}.` };
    const parsed = spec.schema.safeParse(args[i]);
    if (!parsed.success) return { ok: false, message: describeIssue(method, spec.name, parsed.error.issues[0]) };
    cleaned.push(parsed.data);
  }
  return { ok: true, args: cleaned as ApiArgs<M> };
}

function describeIssue(method: string, argName: string, issue: z.core.$ZodIssue | undefined): string {
  const where = (issue?.path ?? []).reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    argName,
  );
  return `The argument ${where} of ${method} ${issue ? explain(issue) : 'is not valid'}.`;
}

/** Turns a schema issue into the end of a sentence ("must be ..."). */
function explain(issue: z.core.$ZodIssue): string {
  const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(' or ');
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return `is missing (${withArticle(issue.expected)} is needed)`;
      return `must be ${withArticle(issue.expected)}${received ? ` (it was ${withArticle(received)})` : ''}`;
    }
    case 'invalid_value':
      return `must be ${quoted(issue.values)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${quoted(issue.keys)}`;
    case 'invalid_union': {
      const options = /Expected (.+)$/.exec(issue.message)?.[1];
      return options ? `must be one of ${options.replaceAll("'", '"').replaceAll(' | ', ', ')}` : 'matches none of the accepted shapes';
    }
    default:
      return /^(must|is|has)\b/.test(issue.message) ? issue.message : `is not valid (${issue.message})`;
  }
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
