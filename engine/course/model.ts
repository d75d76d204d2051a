// The validated course model: what the loader returns and every other part reads.
// Every item an author writes carries a stable id, so saved progress and SCORM
// suspend data keep pointing at the right thing after text is edited or reordered.
// The on-disk format is described in docs/course-format.md.

/** Award level of a course: FHEQ levels 4-6 are undergraduate, 7-8 postgraduate. */
export interface CourseLevel {
  award: 'undergraduate' | 'postgraduate';
  fheq: 4 | 5 | 6 | 7 | 8;
}

/** A course-level learning outcome. */
export interface CourseOutcome {
  id: string;
  text: string;
}

/** A module-level outcome, mapped to the course outcomes it serves. */
export interface ModuleOutcome {
  id: string;
  text: string;
  courseOutcomes: string[];
}

/** A source document the course cites. */
export interface Reference {
  id: string;
  title: string;
  organisation: string;
  year?: string;
  note?: string;
  /** The shorter title the text cites it by, when not the full title. */
  cite?: string;
}

/** A glossary entry. */
export interface GlossaryEntry {
  term: string;
  definition: string;
  source?: string;
}

/** A whole, validated course pack. */
export interface Course {
  id: string;
  title: string;
  version: string;
  summary: string;
  level: CourseLevel;
  credits?: number;
  studyHours?: number;
  language: string;
  authors: string[];
  outcomes: CourseOutcome[];
  modules: Module[];
  references: Reference[];
  glossary: GlossaryEntry[];
  /** False for a pack kept out of the course list when found in a folder of courses (tests, drafts). */
  listed?: false;
}

/** A module: an ordered set of lessons and scenarios with a mastery score. */
export interface Module {
  id: string;
  title: string;
  summary: string;
  /** Folder of the module, relative to the pack root (posix separators). */
  folder: string;
  outcomes: ModuleOutcome[];
  /** Ids of modules that must be complete before this one unlocks. */
  prerequisites: string[];
  estimatedMinutes: number;
  /** Percentage (0-100) of quiz questions right needed to pass the module. */
  masteryScore: number;
  lessons: Lesson[];
  scenarios: Scenario[];
}

/** A lesson: Markdown prose interleaved with quiz and reflection blocks. */
export interface Lesson {
  id: string;
  title: string;
  /** File of the lesson, relative to the pack root. */
  file: string;
  minutes: number;
  outcomes: string[];
  blocks: LessonBlock[];
  /** Media files the lesson uses, relative to the pack root. */
  media: string[];
  words: number;
}

/** One block of a lesson, in reading order. Image paths in `markdown` are rewritten by the loader to be relative to the pack root. */
export type LessonBlock =
  | { kind: 'markdown'; markdown: string }
  | { kind: 'quiz'; quiz: Quiz }
  | { kind: 'reflection'; reflection: Reflection };

/**
 * A quiz: one or more questions, scored together. A graded quiz counts towards the
 * module's mastery score and gives `attempts` tries at each question; a practice quiz
 * (`graded: false`) counts for nothing and gives unlimited tries. The rules for both
 * live in engine/progress/attempts.ts.
 */
export interface Quiz {
  id: string;
  title?: string;
  /** False for a practice quiz; absent means graded. */
  graded?: boolean;
  /** Tries at each question of a graded quiz; absent means one. */
  attempts?: number;
  questions: Question[];
}

/** A single- or multiple-choice question. Its id is unique within the course. */
export interface Question {
  id: string;
  type: 'single' | 'multiple';
  prompt: string;
  /** False keeps the written order for every learner; absent means shuffled per learner. */
  shuffle?: boolean;
  options: QuestionOption[];
}

/** An answer option; feedback teaches whether or not it was chosen rightly. */
export interface QuestionOption {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
  /** True keeps the option at its written place when the others are shuffled. */
  pin?: boolean;
}

/** A reflection prompt; the learner's answer goes to their journal. */
export interface Reflection {
  id: string;
  prompt: string;
  guidance?: string;
}

/** A variable a scenario tracks; the 3Cs are always declared. */
export interface VariableDef {
  name: string;
  label: string;
  initial: number;
  min: number;
  max: number;
}

/** The three variables every scenario has. */
export const THREE_CS = ['control', 'contact', 'confidence'] as const;

/** The features of health-creating practice a debrief can name. */
export const PRACTICE_FEATURES = [
  'listening-and-responding',
  'truth-telling',
  'strengths-focus',
  'self-organising',
  'power-shifting',
  'reciprocity',
] as const;
export type PracticeFeature = (typeof PRACTICE_FEATURES)[number];

/** A branching scenario. */
export interface Scenario {
  id: string;
  title: string;
  /** File of the scenario, relative to the pack root. */
  file: string;
  summary: string;
  /** Whose 3Cs the story follows, e.g. "Jo, 19, on dialysis". */
  focus: string;
  outcomes: string[];
  variables: VariableDef[];
  start: string;
  /** Nodes in file order, keyed by their stable id. */
  nodes: Record<string, ScenarioNode>;
}

/** A point in a scenario: either choices onward or an ending. */
export interface ScenarioNode {
  id: string;
  text: string;
  choices: Choice[];
  ending?: Ending;
}

/** A choice: shown when its condition holds; applies effects and moves on. */
export interface Choice {
  id: string;
  text: string;
  to: string;
  /** Change to each variable, added then clamped to the variable's range. */
  effects: Record<string, number>;
  /** Condition in the scenario expression language (see engine/scenario). */
  when?: string;
  /** Shown after the choice is made, before the next node. */
  feedback?: string;
}

/** How an ending went, named in words so meaning never rests on colour. */
export type EndingKind = 'positive' | 'mixed' | 'negative';

/** A scenario ending with its debrief. */
export interface Ending {
  title: string;
  kind: EndingKind;
  debrief: string;
  /** Features of practice shown on every path that reaches this ending. */
  features: PracticeFeature[];
  /** Features of practice the paths to this ending lacked. */
  missing: PracticeFeature[];
  /** Paragraphs added to the debrief when their condition holds at the ending, in file order. */
  pathNotes: PathNote[];
}

/** A debrief paragraph that applies only to the paths whose variables meet its condition. */
export interface PathNote {
  /** Condition in the scenario expression language, read at the ending. */
  when: string;
  text: string;
}
