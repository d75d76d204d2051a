// The shapes of the files in a course pack, written once in zod: the loader validates
// with them and `hcs schema` turns them into the JSON Schema that editors use, so the
// two can never disagree. Rules that span several fields or files (one correct answer,
// references between ids) live in the loader, where they can name both places.

import { z } from 'zod';

/** Pattern every author-written id follows. */
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** Longest id, in characters: ids travel in SCORM suspend data, which is small. */
export const MAX_ID_LENGTH = 40;
/** Pattern of a scenario variable name, as the condition language reads names. */
export const VARIABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const id = z
  .string()
  .regex(ID_PATTERN)
  .max(MAX_ID_LENGTH)
  .describe('Stable id: lower-case letters, digits and hyphens, starting with a letter; never change it once learners use the course.');
const text = z.string().min(1);
const ids = z.array(id);

const outcome = z.strictObject({
  id,
  text: text.describe('The outcome, starting with a measurable verb.'),
});

const reference = z.strictObject({
  id,
  title: text,
  organisation: text,
  year: z.string().optional().describe('Year of publication, quoted so YAML keeps it as text.'),
  note: z.string().optional(),
  cite: text
    .optional()
    .describe('The shorter title the lessons cite it by, in italics, when they do not use the full title (e.g. "Our values").'),
});

const glossaryEntry = z.strictObject({
  term: text,
  definition: text,
  source: id.optional().describe('Id of the reference the definition comes from.'),
});

/** course.yaml */
export const courseFileSchema = z
  .strictObject({
    id,
    title: text,
    version: text.describe('Version of the course, e.g. 1.0.0.'),
    summary: text.describe('One or two sentences for the course list.'),
    level: z.strictObject({
      award: z.enum(['undergraduate', 'postgraduate']),
      fheq: z.literal([4, 5, 6, 7, 8]).describe('FHEQ level: 4-6 undergraduate, 7-8 postgraduate.'),
    }),
    credits: z.number().positive().optional(),
    studyHours: z.number().positive().optional(),
    language: z.string().min(2).optional().describe('BCP 47 language tag; en-GB when absent.'),
    authors: z.array(text).optional(),
    outcomes: z.array(outcome).min(1).describe('Course learning outcomes.'),
    modules: z.array(text).min(1).describe('Module folders in study order, relative to the course folder.'),
    references: z.array(reference).optional(),
    glossary: z.array(glossaryEntry).optional(),
    listed: z
      .boolean()
      .optional()
      .describe('false keeps a pack out of the course list when it is found in a folder of courses (a pack for tests or a draft); it still opens when named directly.'),
  })
  .describe('A Health Creation Studio course pack: course.yaml');

/** references.yaml, for packs that keep their sources apart from course.yaml. */
export const referencesFileSchema = z.strictObject({ references: z.array(reference) });

/** module.yaml */
export const moduleFileSchema = z
  .strictObject({
    id,
    title: text,
    summary: text,
    outcomes: z
      .array(
        z.strictObject({
          id,
          text,
          courseOutcomes: ids.optional().describe('Ids of the course outcomes this module outcome serves.'),
        }),
      )
      .min(1),
    prerequisites: ids.optional().describe('Ids of modules that must be complete before this one unlocks.'),
    estimatedMinutes: z.number().int().positive(),
    masteryScore: z.number().min(0).max(100).describe("Percentage of this module's quiz questions answered right to pass."),
    lessons: z.array(text).min(1).describe('Lesson files in order, relative to the module folder.'),
    scenarios: z.array(text).optional().describe('Scenario files, relative to the module folder.'),
  })
  .describe('A Health Creation Studio module: module.yaml');

/** The front matter at the top of a lesson's Markdown file. */
export const lessonFrontMatterSchema = z
  .strictObject({
    id,
    title: text,
    minutes: z.number().int().positive().describe('Estimated minutes to study the lesson.'),
    outcomes: ids.optional().describe('Ids of the module outcomes the lesson serves.'),
  })
  .describe('Front matter of a Health Creation Studio lesson');

/** Most options a question may have: a SCORM 1.2 choice response names each by one character, 0-9 or a-z. */
export const MAX_OPTIONS = 36;

const option = z.strictObject({
  id: z.string().regex(ID_PATTERN).max(MAX_ID_LENGTH),
  text,
  correct: z.boolean(),
  feedback: text.describe('Why this option is or is not right, teaching the point.'),
  pin: z
    .boolean()
    .optional()
    .describe('Keep this option where it is written when the others are shuffled, e.g. "All of the above" last.'),
});

const question = z.strictObject({
  id,
  type: z.enum(['single', 'multiple']),
  prompt: text,
  shuffle: z
    .boolean()
    .optional()
    .describe('Show the options in a different order to each learner (true when absent); false keeps the written order.'),
  options: z.array(option).min(2).max(MAX_OPTIONS),
});

/** The YAML inside a ```quiz block of a lesson. */
export const quizBlockSchema = z
  .strictObject({
    id,
    title: z.string().optional(),
    graded: z
      .boolean()
      .optional()
      .describe("Whether the quiz counts towards the module's mastery score (true when absent); false makes it practice, with unlimited tries."),
    attempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe('Tries a learner has at each question of a graded quiz (1 when absent); the right answer and feedback show after the last.'),
    questions: z.array(question).min(1),
  })
  .describe('A Health Creation Studio quiz: the YAML inside a ```quiz block of a lesson');

/** The YAML inside a ```reflection block of a lesson. */
export const reflectionBlockSchema = z.strictObject({
  id,
  prompt: text,
  guidance: z.string().optional(),
});

const level = z.number().min(0).max(10);
const variableName = z.string().regex(VARIABLE_PATTERN);

const choice = z.strictObject({
  id,
  text,
  to: id.describe('Id of the node this choice leads to.'),
  effects: z.record(variableName, z.number()).optional().describe('Change to each variable, added then clamped to its range.'),
  when: z.string().optional().describe('Condition on variables; the choice shows only when it holds.'),
  feedback: z.string().optional(),
});

const practiceFeature = z.enum(['listening-and-responding', 'truth-telling', 'strengths-focus', 'self-organising', 'power-shifting', 'reciprocity']);

const pathNote = z.strictObject({
  when: z.string().describe('Condition on the variables at the ending; the paragraph shows only when it holds.'),
  text: text.describe('Markdown paragraph added to the debrief.'),
});

const ending = z.strictObject({
  title: text,
  kind: z.enum(['positive', 'mixed', 'negative']),
  features: z.array(practiceFeature).optional().describe('Features of practice shown on every path to this ending.'),
  missing: z.array(practiceFeature).optional().describe('Features of practice the paths to this ending lacked.'),
  debrief: text,
  pathNotes: z.array(pathNote).optional().describe('Debrief paragraphs that apply only to paths whose variables meet a condition.'),
});

const scenarioNode = z.strictObject({
  text: z.string().optional(),
  choices: z.array(choice).optional(),
  ending: ending.optional(),
});

/** A *.scenario.yaml file. */
export const scenarioFileSchema = z
  .strictObject({
    id,
    title: text,
    summary: text,
    focus: text.describe('Whose control, contact and confidence the story follows.'),
    outcomes: ids.optional(),
    initial: z
      .strictObject({ control: level.optional(), contact: level.optional(), confidence: level.optional() })
      .optional()
      .describe('Starting values of the 3Cs, 0-10; 5 when absent.'),
    variables: z
      .record(
        variableName,
        z.strictObject({ label: text, initial: z.number().optional(), min: z.number().optional(), max: z.number().optional() }),
      )
      .optional()
      .describe('Extra variables the story tracks, beyond control, contact and confidence.'),
    start: id.describe('Id of the first node.'),
    nodes: z.record(id, scenarioNode),
  })
  .describe('A Health Creation Studio branching scenario');

/** Parsed shape of course.yaml. */
export type CourseFile = z.infer<typeof courseFileSchema>;
/** Parsed shape of module.yaml. */
export type ModuleFile = z.infer<typeof moduleFileSchema>;
/** Parsed shape of a lesson's front matter. */
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
/** Parsed shape of a scenario file. */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** The JSON Schema files committed under schema/, by file name. */
export const PUBLISHED_SCHEMAS = {
  'course.schema.json': courseFileSchema,
  'module.schema.json': moduleFileSchema,
  'lesson-frontmatter.schema.json': lessonFrontMatterSchema,
  'scenario.schema.json': scenarioFileSchema,
  'quiz.schema.json': quizBlockSchema,
} as const;
