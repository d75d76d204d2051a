// Hand-written twins of the hottest schemas in schema.ts. zod's safeParse was about a
// sixth of validating a large pack, nearly all of it spent confirming values that were
// already right. Each check here accepts only values its schema accepts, and returns
// them as zod would (a fresh object, keys in the schema's order, absent optional keys
// left absent); anything doubtful returns undefined and zod runs, so every finding
// still comes from zod. tests/engine/course/fastShapes.test.ts holds them to that.

import type { z } from 'zod';
import {
  ID_PATTERN,
  MAX_ID_LENGTH,
  MAX_OPTIONS,
  VARIABLE_PATTERN,
  lessonFrontMatterSchema,
  moduleFileSchema,
  quizBlockSchema,
  reflectionBlockSchema,
  scenarioFileSchema,
} from './schema';

/** A check that returns the parsed value when it is surely well-formed, else undefined. */
type FastShape = (value: unknown) => unknown;

type Fields = Record<string, unknown>;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID_LENGTH && ID_PATTERN.test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

/** A plain mapping whose every key is one of `allowed` (a strict object's first test). */
function fieldsOf(value: unknown, allowed: readonly string[]): Fields | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const key in value) if (!allowed.includes(key)) return undefined;
  return value as Fields;
}

/** A copy of `fields` holding `keys` in that order, leaving out those absent; `shaped` replaces some values. */
function ordered(fields: Fields, keys: readonly string[], shaped?: Fields): Fields {
  const out: Fields = {};
  for (const key of keys) {
    const value = shaped && key in shaped ? shaped[key] : fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Each element shaped by `item`, or undefined if any is not (or there are fewer than `min`). */
function listOf(value: unknown, min: number, item: FastShape): unknown[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  const out: unknown[] = [];
  for (const element of value) {
    const shaped = item(element);
    if (shaped === undefined) return undefined;
    out.push(shaped);
  }
  return out;
}

const idList = (value: unknown) => listOf(value, 0, (v) => (isId(v) ? v : undefined));

const FRONT_KEYS = ['id', 'title', 'minutes', 'outcomes'];
function frontMatter(value: unknown): unknown {
  const f = fieldsOf(value, FRONT_KEYS);
  if (!f || !isId(f.id) || !isText(f.title) || !isNumber(f.minutes) || !Number.isSafeInteger(f.minutes) || f.minutes <= 0) return undefined;
  const outcomes = f.outcomes === undefined ? undefined : idList(f.outcomes);
  if (f.outcomes !== undefined && !outcomes) return undefined;
  return ordered(f, FRONT_KEYS, { outcomes });
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

const OPTION_KEYS = ['id', 'text', 'correct', 'feedback', 'pin'];
function option(value: unknown): unknown {
  const f = fieldsOf(value, OPTION_KEYS);
  if (!f || !isId(f.id) || !isText(f.text) || typeof f.correct !== 'boolean' || !isText(f.feedback) || !optional(f.pin, isBoolean)) return undefined;
  return ordered(f, OPTION_KEYS);
}

const QUESTION_KEYS = ['id', 'type', 'prompt', 'shuffle', 'options'];
function question(value: unknown): unknown {
  const f = fieldsOf(value, QUESTION_KEYS);
  if (!f || !isId(f.id) || (f.type !== 'single' && f.type !== 'multiple') || !isText(f.prompt) || !optional(f.shuffle, isBoolean)) return undefined;
  const options = listOf(f.options, 2, option);
  if (!options || options.length > MAX_OPTIONS) return undefined;
  return ordered(f, QUESTION_KEYS, { options });
}

const QUIZ_KEYS = ['id', 'title', 'graded', 'attempts', 'questions'];
const isAttempts = (v: unknown) => isNumber(v) && Number.isSafeInteger(v) && v >= 1 && v <= 10;
function quiz(value: unknown): unknown {
  const f = fieldsOf(value, QUIZ_KEYS);
  if (!f || !isId(f.id) || !optional(f.title, (v) => typeof v === 'string') || !optional(f.graded, isBoolean) || !optional(f.attempts, isAttempts)) return undefined;
  const questions = listOf(f.questions, 1, question);
  return questions && ordered(f, QUIZ_KEYS, { questions });
}

const REFLECTION_KEYS = ['id', 'prompt', 'guidance'];
function reflection(value: unknown): unknown {
  const f = fieldsOf(value, REFLECTION_KEYS);
  if (!f || !isId(f.id) || !isText(f.prompt) || !optional(f.guidance, (v) => typeof v === 'string')) return undefined;
  return ordered(f, REFLECTION_KEYS);
}

const MODULE_KEYS = ['id', 'title', 'summary', 'outcomes', 'prerequisites', 'estimatedMinutes', 'masteryScore', 'lessons', 'scenarios'];
const MODULE_OUTCOME_KEYS = ['id', 'text', 'courseOutcomes'];
const textList = (value: unknown, min: number) => listOf(value, min, (v) => (isText(v) ? v : undefined));
function moduleOutcome(value: unknown): unknown {
  const f = fieldsOf(value, MODULE_OUTCOME_KEYS);
  if (!f || !isId(f.id) || !isText(f.text)) return undefined;
  const courseOutcomes = f.courseOutcomes === undefined ? undefined : idList(f.courseOutcomes);
  if (f.courseOutcomes !== undefined && !courseOutcomes) return undefined;
  return ordered(f, MODULE_OUTCOME_KEYS, { courseOutcomes });
}
function moduleFile(value: unknown): unknown {
  const f = fieldsOf(value, MODULE_KEYS);
  if (!f || !isId(f.id) || !isText(f.title) || !isText(f.summary)) return undefined;
  const minutes = f.estimatedMinutes;
  if (!isNumber(minutes) || !Number.isSafeInteger(minutes) || minutes <= 0) return undefined;
  if (!isNumber(f.masteryScore) || f.masteryScore < 0 || f.masteryScore > 100) return undefined;
  const outcomes = listOf(f.outcomes, 1, moduleOutcome);
  const prerequisites = f.prerequisites === undefined ? undefined : idList(f.prerequisites);
  const lessons = textList(f.lessons, 1);
  const scenarios = f.scenarios === undefined ? undefined : textList(f.scenarios, 0);
  if (!outcomes || !lessons || (f.prerequisites !== undefined && !prerequisites) || (f.scenarios !== undefined && !scenarios)) return undefined;
  return ordered(f, MODULE_KEYS, { outcomes, prerequisites, lessons, scenarios });
}

/** A record whose keys match `key` and whose values `item` shapes, in the record's own key order. */
function recordOf(value: unknown, key: RegExp, item: FastShape): Fields | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Fields = {};
  for (const [k, v] of Object.entries(value)) {
    if (!key.test(k)) return undefined;
    const shaped = item(v);
    if (shaped === undefined) return undefined;
    out[k] = shaped;
  }
  return out;
}

const isLevel = (v: unknown) => isNumber(v) && v >= 0 && v <= 10;
const CHOICE_KEYS = ['id', 'text', 'to', 'effects', 'when', 'feedback'];
function choice(value: unknown): unknown {
  const f = fieldsOf(value, CHOICE_KEYS);
  if (!f || !isId(f.id) || !isText(f.text) || !isId(f.to)) return undefined;
  if (!optional(f.when, (v) => typeof v === 'string') || !optional(f.feedback, (v) => typeof v === 'string')) return undefined;
  const effects = f.effects === undefined ? undefined : recordOf(f.effects, VARIABLE_PATTERN, (v) => (isNumber(v) ? v : undefined));
  if (f.effects !== undefined && !effects) return undefined;
  return ordered(f, CHOICE_KEYS, { effects });
}

const ENDING_KEYS = ['title', 'kind', 'features', 'missing', 'debrief', 'pathNotes'];
const ENDING_KINDS = ['positive', 'mixed', 'negative'];
const FEATURES = ['listening-and-responding', 'truth-telling', 'strengths-focus', 'self-organising', 'power-shifting', 'reciprocity'];
const featureList = (value: unknown) => listOf(value, 0, (v) => (FEATURES.includes(v as string) ? v : undefined));
const PATH_NOTE_KEYS = ['when', 'text'];
function pathNote(value: unknown): unknown {
  const f = fieldsOf(value, PATH_NOTE_KEYS);
  if (!f || typeof f.when !== 'string' || !isText(f.text)) return undefined;
  return { when: f.when, text: f.text };
}
function ending(value: unknown): unknown {
  const f = fieldsOf(value, ENDING_KEYS);
  if (!f || !isText(f.title) || !ENDING_KINDS.includes(f.kind as string) || !isText(f.debrief)) return undefined;
  const features = f.features === undefined ? undefined : featureList(f.features);
  const missing = f.missing === undefined ? undefined : featureList(f.missing);
  const pathNotes = f.pathNotes === undefined ? undefined : listOf(f.pathNotes, 0, pathNote);
  if ((f.features !== undefined && !features) || (f.missing !== undefined && !missing) || (f.pathNotes !== undefined && !pathNotes)) return undefined;
  return ordered(f, ENDING_KEYS, { features, missing, pathNotes });
}

const NODE_KEYS = ['text', 'choices', 'ending'];
function scenarioNode(value: unknown): unknown {
  const f = fieldsOf(value, NODE_KEYS);
  if (!f || !optional(f.text, (v) => typeof v === 'string')) return undefined;
  const choices = f.choices === undefined ? undefined : listOf(f.choices, 0, choice);
  const end = f.ending === undefined ? undefined : ending(f.ending);
  if ((f.choices !== undefined && !choices) || (f.ending !== undefined && !end)) return undefined;
  return ordered(f, NODE_KEYS, { choices, ending: end });
}

const INITIAL_KEYS = ['control', 'contact', 'confidence'];
const VARIABLE_KEYS = ['label', 'initial', 'min', 'max'];
function variable(value: unknown): unknown {
  const f = fieldsOf(value, VARIABLE_KEYS);
  if (!f || !isText(f.label) || !optional(f.initial, isNumber) || !optional(f.min, isNumber) || !optional(f.max, isNumber)) return undefined;
  return ordered(f, VARIABLE_KEYS);
}

const SCENARIO_KEYS = ['id', 'title', 'summary', 'focus', 'outcomes', 'initial', 'variables', 'start', 'nodes'];
function scenarioFile(value: unknown): unknown {
  const f = fieldsOf(value, SCENARIO_KEYS);
  if (!f || !isId(f.id) || !isText(f.title) || !isText(f.summary) || !isText(f.focus) || !isId(f.start)) return undefined;
  const outcomes = f.outcomes === undefined ? undefined : idList(f.outcomes);
  let initial: Fields | undefined;
  if (f.initial !== undefined) {
    const i = fieldsOf(f.initial, INITIAL_KEYS);
    if (!i || !optional(i.control, isLevel) || !optional(i.contact, isLevel) || !optional(i.confidence, isLevel)) return undefined;
    initial = ordered(i, INITIAL_KEYS);
  }
  const variables = f.variables === undefined ? undefined : recordOf(f.variables, VARIABLE_PATTERN, variable);
  const nodes = recordOf(f.nodes, ID_PATTERN, (v) => scenarioNode(v));
  if (!nodes || (f.outcomes !== undefined && !outcomes) || (f.variables !== undefined && !variables)) return undefined;
  // Node ids are ids: the record's key schema is `id`, length limit included.
  for (const k in nodes) if (k.length > MAX_ID_LENGTH) return undefined;
  return ordered(f, SCENARIO_KEYS, { outcomes, initial, variables, nodes });
}

/** The fast check for each schema that has one. */
export const FAST_SHAPES: ReadonlyMap<z.ZodType, FastShape> = new Map<z.ZodType, FastShape>([
  [lessonFrontMatterSchema, frontMatter],
  [quizBlockSchema, quiz],
  [reflectionBlockSchema, reflection],
  [moduleFileSchema, moduleFile],
  [scenarioFileSchema, scenarioFile],
]);
