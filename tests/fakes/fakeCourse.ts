// Builders for course models in tests. Each returns a valid item with sensible
// defaults and takes overrides for what a test cares about, so a test states only
// the facts it depends on. Ids left out are numbered per kind (lesson-1, lesson-2,
// ...); pass an id whenever a test asserts on it.

import type {
  Choice,
  Course,
  Ending,
  Lesson,
  LessonBlock,
  Module,
  Question,
  QuestionOption,
  Quiz,
  Reflection,
  Scenario,
  ScenarioNode,
  VariableDef,
} from '../../engine/course/model';

const counters = new Map<string, number>();

/** A fresh id such as `lesson-3`, unique within the test run. */
export function nextId(kind: string): string {
  const n = (counters.get(kind) ?? 0) + 1;
  counters.set(kind, n);
  return `${kind}-${n}`;
}

/** A question; `correct` lists the option ids that are right (default: the first option). */
export function fakeQuestion(overrides: Partial<Question> & { correct?: string[]; optionIds?: string[] } = {}): Question {
  const { correct, optionIds = ['a', 'b', 'c'], ...rest } = overrides;
  const right = new Set(correct ?? [optionIds[0]!]);
  const options: QuestionOption[] = optionIds.map((id) => ({
    id,
    text: `Option ${id}`,
    correct: right.has(id),
    feedback: right.has(id) ? `Yes: ${id} is right.` : `No: ${id} is not right.`,
  }));
  return {
    id: nextId('question'),
    type: right.size > 1 ? 'multiple' : 'single',
    prompt: 'Which is right?',
    options,
    ...rest,
  };
}

/** A quiz with one question unless questions are given. */
export function fakeQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return { id: nextId('quiz'), title: 'Check your understanding', questions: overrides.questions ?? [fakeQuestion()], ...overrides };
}

/** A reflection prompt. */
export function fakeReflection(overrides: Partial<Reflection> = {}): Reflection {
  return { id: nextId('reflection'), prompt: 'What did you notice?', ...overrides };
}

/** A lesson block holding a quiz. */
export function quizBlock(quiz: Quiz = fakeQuiz()): LessonBlock {
  return { kind: 'quiz', quiz };
}

/** A lesson block holding a reflection. */
export function reflectionBlock(reflection: Reflection = fakeReflection()): LessonBlock {
  return { kind: 'reflection', reflection };
}

/** A lesson of one Markdown block unless blocks are given. */
export function fakeLesson(overrides: Partial<Lesson> = {}): Lesson {
  const id = overrides.id ?? nextId('lesson');
  return {
    id,
    title: `Lesson ${id}`,
    file: `modules/m/${id}.md`,
    minutes: 10,
    outcomes: [],
    blocks: [{ kind: 'markdown', markdown: `# Lesson ${id}\n\nSome prose.` }],
    media: [],
    words: 4,
    ...overrides,
  };
}

/** The 3Cs, declared as the loader declares them, with optional other starting values. */
export function threeCs(initial: Partial<Record<'control' | 'contact' | 'confidence', number>> = {}): VariableDef[] {
  return (['control', 'contact', 'confidence'] as const).map((name) => ({
    name,
    label: name[0]!.toUpperCase() + name.slice(1),
    initial: initial[name] ?? 5,
    min: 0,
    max: 10,
  }));
}

/** A choice; `to` defaults to 'end'. */
export function fakeChoice(overrides: Partial<Choice> = {}): Choice {
  return { id: nextId('choice'), text: 'Go on', to: 'end', effects: {}, ...overrides };
}

/** An ending. */
export function fakeEnding(overrides: Partial<Ending> = {}): Ending {
  return { title: 'The end', kind: 'positive', debrief: 'What went well.', features: [], missing: [], pathNotes: [], ...overrides };
}

/** Node overrides for fakeScenario: the id is taken from the key. */
export type FakeNodes = Record<string, Partial<Omit<ScenarioNode, 'id'>>>;

/**
 * A scenario. Without nodes it is `start` -> (choice `finish`) -> `end` (an ending).
 * Nodes given as partials get their id from the key, text and an empty choice list.
 */
export function fakeScenario(overrides: Partial<Omit<Scenario, 'nodes'>> & { nodes?: FakeNodes } = {}): Scenario {
  const { nodes, ...rest } = overrides;
  const given: FakeNodes = nodes ?? {
    start: { choices: [fakeChoice({ id: 'finish', to: 'end' })] },
    end: { ending: fakeEnding() },
  };
  const id = rest.id ?? nextId('scenario');
  const built: Record<string, ScenarioNode> = {};
  for (const [nodeId, node] of Object.entries(given)) {
    built[nodeId] = { id: nodeId, text: `Text of ${nodeId}.`, choices: [], ...node };
  }
  return {
    id,
    title: `Scenario ${id}`,
    file: `modules/m/${id}.scenario.yaml`,
    summary: 'A short story.',
    focus: 'Sam, 40',
    outcomes: [],
    variables: threeCs(),
    start: Object.keys(built)[0] ?? 'start',
    nodes: built,
    ...rest,
  };
}

/** A module with one lesson unless lessons are given. */
export function fakeModule(overrides: Partial<Module> = {}): Module {
  const id = overrides.id ?? nextId('module');
  return {
    id,
    title: `Module ${id}`,
    summary: 'What this module covers.',
    folder: `modules/${id}`,
    outcomes: [],
    prerequisites: [],
    estimatedMinutes: 60,
    masteryScore: 70,
    lessons: overrides.lessons ?? [fakeLesson()],
    scenarios: [],
    ...overrides,
  };
}

/** A course with one module unless modules are given. */
export function fakeCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: nextId('course'),
    title: 'A test course',
    version: '1.0.0',
    summary: 'A course for tests.',
    level: { award: 'undergraduate', fheq: 6 },
    credits: 15,
    language: 'en-GB',
    authors: ['Health Creation Studio'],
    outcomes: [{ id: 'co1', text: 'Explain health creation.' }],
    modules: overrides.modules ?? [fakeModule()],
    references: [],
    glossary: [],
    ...overrides,
  };
}
