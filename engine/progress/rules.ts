// The progress rules: how each learning event changes a learner's record, plus (re-
// exported here) the summary of statuses and scores derived from it. The check of
// records read from outside lives in migrate.ts and is not re-exported here: it
// brings zod, which the renderer and the SCORM runtime need not load. Every function
// is pure: the caller keeps the returned record, and an event that names nothing in
// the course, or carries an impossible value, returns the record it was given.

import type { Course, Scenario } from '../course/model';
import { isSettled } from './attempts';
import { indexCourse } from './courseIndex';
import { dateModuleCompletion } from './moduleDates';
import { MAX_NOTE_CHARS, type CourseProgress, type LearningEvent, type Location, type ScenarioRecord } from './model';
import { isCorrect, normaliseSelection } from './scoring';

export { summarize, type ProgressSummary, type LessonSummary, type ScenarioSummary, type ModuleSummary } from './summary';
export { nextItem } from './resume';

/** Longest stretch of time one event may add, in seconds; more is a clock jump, not study. */
export const MAX_SECONDS_PER_EVENT = 4 * 60 * 60;

/** Applies one learning event at ISO time `now`; returns a new record, or `progress` itself when nothing changes. */
export function applyEvent(course: Course, progress: CourseProgress, event: LearningEvent, now: string): CourseProgress {
  if (progress.courseId !== course.id) return progress;
  const changed = change(course, progress, event, now);
  if (changed === undefined) return progress;
  return dateModuleCompletion(course, { ...changed, startedAt: progress.startedAt ?? now, updatedAt: now }, now);
}

function change(course: Course, progress: CourseProgress, event: LearningEvent, now: string): CourseProgress | undefined {
  const index = indexCourse(course);
  switch (event.type) {
    case 'lesson.visited': {
      if (!index.lessons.has(event.lessonId)) return undefined;
      const record = progress.lessons[event.lessonId];
      if (record?.visited) return undefined;
      return { ...progress, lessons: { ...progress.lessons, [event.lessonId]: { seconds: record?.seconds ?? 0, read: record?.read ?? false, visited: true } } };
    }
    case 'lesson.read': {
      // Reaching the end is what completes a lesson's reading; opening it is not enough.
      if (!index.lessons.has(event.lessonId)) return undefined;
      const record = progress.lessons[event.lessonId];
      if (record?.read) return undefined;
      return { ...progress, lessons: { ...progress.lessons, [event.lessonId]: { seconds: record?.seconds ?? 0, visited: true, read: true } } };
    }
    case 'time.spent': {
      const { seconds } = event;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS_PER_EVENT) return undefined;
      // Time against a lesson the course does not have is not study of this course.
      if (event.lessonId !== undefined && !index.lessons.has(event.lessonId)) return undefined;
      const next = { ...progress, seconds: progress.seconds + seconds };
      if (event.lessonId !== undefined) {
        const record = progress.lessons[event.lessonId] ?? { visited: false, read: false, seconds: 0 };
        next.lessons = { ...progress.lessons, [event.lessonId]: { ...record, seconds: record.seconds + seconds } };
      }
      return next;
    }
    case 'quiz.answered': {
      const site = index.questions.get(event.questionId);
      if (!site || site.quiz.id !== event.quizId || !Array.isArray(event.selected)) return undefined;
      const selected = normaliseSelection(site.question, event.selected);
      if (selected.length === 0) return undefined;
      const previous = progress.answers[event.questionId];
      // A settled graded question keeps the answer that counted: a resent or forged
      // event cannot turn a wrong answer into a right one after the last try.
      if (isSettled(site.quiz, previous)) return undefined;
      const answer = { quizId: event.quizId, selected, correct: isCorrect(site.question, selected), attempts: (previous?.attempts ?? 0) + 1, at: now };
      return { ...progress, answers: { ...progress.answers, [event.questionId]: answer } };
    }
    case 'scenario.chose': {
      const scenario = index.scenarios.get(event.scenarioId)?.scenario;
      if (!scenario || typeof event.choiceId !== 'string' || !Object.hasOwn(scenario.nodes, event.nodeId)) return undefined;
      return withScenario(progress, event.scenarioId, chose(scenario, scenarioRecord(progress, event.scenarioId), event));
    }
    case 'scenario.restarted': {
      const scenario = index.scenarios.get(event.scenarioId)?.scenario;
      if (!scenario) return undefined;
      const record = scenarioRecord(progress, event.scenarioId);
      // A finished play-through was counted when it ended; one abandoned part-way counts now.
      const abandoned = record.path.length > 0 && !isEnding(scenario, record.nodeId);
      const restarted: ScenarioRecord = { path: [], endingsFound: record.endingsFound, plays: record.plays + (abandoned ? 1 : 0) };
      return withScenario(progress, event.scenarioId, restarted);
    }
    case 'reflection.saved': {
      if (!index.reflections.has(event.reflectionId)) return undefined;
      const text = typeof event.text === 'string' ? event.text.trim() : '';
      const reflections = { ...progress.reflections };
      if (text === '') {
        if (!Object.hasOwn(reflections, event.reflectionId)) return undefined;
        delete reflections[event.reflectionId];
      } else {
        if (reflections[event.reflectionId]?.text === text) return undefined;
        reflections[event.reflectionId] = { text, at: now };
      }
      return { ...progress, reflections };
    }
    case 'note.saved': {
      if (!index.lessons.has(event.itemId) && !index.scenarios.has(event.itemId)) return undefined;
      const text = typeof event.text === 'string' ? event.text.trim() : '';
      // A note too long to keep is refused whole: cutting it would lose the learner's words silently.
      if (text.length > MAX_NOTE_CHARS) return undefined;
      const notes = { ...progress.notes };
      if (text === '') {
        if (!Object.hasOwn(notes, event.itemId)) return undefined;
        delete notes[event.itemId];
      } else {
        if (notes[event.itemId]?.text === text) return undefined;
        notes[event.itemId] = { text, at: now };
      }
      return { ...progress, notes };
    }
    case 'location.changed': {
      const location = validLocation(course, event.location);
      if (location === undefined || sameLocation(location, progress.location)) return undefined;
      return { ...progress, location };
    }
    default:
      return undefined;
  }
}

function scenarioRecord(progress: CourseProgress, scenarioId: string): ScenarioRecord {
  return progress.scenarios[scenarioId] ?? { path: [], endingsFound: [], plays: 0 };
}

function withScenario(progress: CourseProgress, scenarioId: string, record: ScenarioRecord): CourseProgress {
  return { ...progress, scenarios: { ...progress.scenarios, [scenarioId]: record } };
}

function isEnding(scenario: Scenario, nodeId: string | undefined): boolean {
  return nodeId !== undefined && Object.hasOwn(scenario.nodes, nodeId) && scenario.nodes[nodeId]!.ending !== undefined;
}

function chose(scenario: Scenario, record: ScenarioRecord, event: Extract<LearningEvent, { type: 'scenario.chose' }>): ScenarioRecord {
  // The snapshot is what the player restores from, so its path is the truth; without
  // one (or with a malformed one) the choice is appended to the path kept so far.
  const snapshotPath = (event.snapshot as { context?: { path?: unknown } } | null | undefined)?.context?.path;
  const path =
    Array.isArray(snapshotPath) && snapshotPath.every((id) => typeof id === 'string') ? [...(snapshotPath as string[])] : [...record.path, event.choiceId];
  // The node reached decides; endingId is accepted too, for a player that names it separately.
  const ending = isEnding(scenario, event.nodeId) ? event.nodeId : isEnding(scenario, event.endingId) ? event.endingId : undefined;
  const endingsFound = ending !== undefined && !record.endingsFound.includes(ending) ? [...record.endingsFound, ending] : record.endingsFound;
  // The same ending reported twice in a row (a resent event) is one play-through, not two.
  const alreadyEnded = ending !== undefined && record.nodeId === event.nodeId && isEnding(scenario, record.nodeId);
  return {
    snapshot: event.snapshot,
    nodeId: event.nodeId,
    path,
    endingsFound,
    plays: record.plays + (ending !== undefined && !alreadyEnded ? 1 : 0),
  };
}

/** The location with ids the course does not have dropped, its module filled in; undefined if it names nothing valid. */
function validLocation(course: Course, location: Location | undefined): Location | undefined {
  if (typeof location !== 'object' || location === null) return undefined;
  const index = indexCourse(course);
  const lesson = location.lessonId === undefined ? undefined : index.lessons.get(location.lessonId);
  const scenario = location.scenarioId === undefined ? undefined : index.scenarios.get(location.scenarioId);
  const item = lesson ?? scenario;
  const moduleId = item?.module.id ?? (location.moduleId !== undefined && index.modules.has(location.moduleId) ? location.moduleId : undefined);
  const named = location.moduleId !== undefined || location.lessonId !== undefined || location.scenarioId !== undefined;
  if (moduleId === undefined) return named ? undefined : {};
  if (lesson) return { moduleId, lessonId: lesson.lesson.id };
  if (scenario) return { moduleId, scenarioId: scenario.scenario.id };
  return { moduleId };
}

function sameLocation(a: Location, b: Location): boolean {
  return a.moduleId === b.moduleId && a.lessonId === b.lessonId && a.scenarioId === b.scenarioId;
}
