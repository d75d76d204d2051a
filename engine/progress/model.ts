// A learner's progress through one course, keyed only by the content's stable ids.
// It is the one shape that the desktop store, browser mode and the SCORM runtime
// all keep; engine/progress/rules.ts derives statuses and scores from it.

/** Where the learner was, so a later session opens at the same place. */
export interface Location {
  moduleId?: string;
  lessonId?: string;
  scenarioId?: string;
}

/** The learner's latest answer to one question. */
export interface AnswerRecord {
  quizId: string;
  selected: string[];
  correct: boolean;
  attempts: number;
  at: string;
}

/** One scenario's saved state. */
export interface ScenarioRecord {
  /** XState persisted snapshot of the current play-through, or undefined before the first choice. */
  snapshot?: unknown;
  /** Node the learner is on (mirrors the snapshot, kept for summaries and search). */
  nodeId?: string;
  /** Choice ids made in the current play-through, in order. */
  path: string[];
  /** Ending node ids ever reached, in the order first found. */
  endingsFound: string[];
  plays: number;
}

/** One lesson's record. */
export interface LessonRecord {
  /** The lesson was opened. */
  visited: boolean;
  /** The learner reached its end: scrolled to its last paragraph, or pressed Next at its foot. */
  read: boolean;
  seconds: number;
}

/** One journal entry written for a reflection prompt. */
export interface ReflectionRecord {
  text: string;
  at: string;
}

/** A learner's own note on one lesson or scenario, written in the Panel. */
export interface NoteRecord {
  text: string;
  at: string;
}

/** Longest note a learner can save on one lesson or scenario, in characters. */
export const MAX_NOTE_CHARS = 20_000;

/** Everything a learner has done in one course. */
export interface CourseProgress {
  courseId: string;
  lessons: Record<string, LessonRecord>;
  /** Keyed by question id (unique within a course). */
  answers: Record<string, AnswerRecord>;
  scenarios: Record<string, ScenarioRecord>;
  reflections: Record<string, ReflectionRecord>;
  /** Keyed by lesson or scenario id (the two share one id space within a course). */
  notes: Record<string, NoteRecord>;
  location: Location;
  seconds: number;
  startedAt?: string;
  updatedAt?: string;
  /**
   * When each module became complete (ISO time), by module id: the date a learning
   * record gives it. Nothing else can tell it later, since a lesson's reading and a
   * scenario's ending carry no date of their own.
   */
  modulesCompleted?: Record<string, string>;
}

/** Something the learner did; the renderer sends these, the progress rules apply them. */
export type LearningEvent =
  | { type: 'lesson.visited'; lessonId: string }
  | { type: 'lesson.read'; lessonId: string }
  | { type: 'time.spent'; seconds: number; lessonId?: string }
  | { type: 'quiz.answered'; quizId: string; questionId: string; selected: string[] }
  | {
      type: 'scenario.chose';
      scenarioId: string;
      choiceId: string;
      nodeId: string;
      snapshot: unknown;
      endingId?: string;
    }
  | { type: 'scenario.restarted'; scenarioId: string }
  | { type: 'reflection.saved'; reflectionId: string; text: string }
  | { type: 'note.saved'; itemId: string; text: string }
  | { type: 'location.changed'; location: Location };

/** Status shown beside every item in the explorer. */
export type ItemStatus = 'locked' | 'not-started' | 'in-progress' | 'complete';

/** Returns an empty progress record for a course. */
export function emptyProgress(courseId: string): CourseProgress {
  return { courseId, lessons: {}, answers: {}, scenarios: {}, reflections: {}, notes: {}, location: {}, seconds: 0 };
}
