// The progress rules' public face: the record's shape, how events change it, what it
// adds up to, where to resume, and the check for records read from outside.

export * from './model';
export {
  applyEvent,
  summarize,
  nextItem,
  MAX_SECONDS_PER_EVENT,
  type ProgressSummary,
  type LessonSummary,
  type ScenarioSummary,
  type ModuleSummary,
} from './rules';
export { migrateProgress } from './migrate';
export { isCorrect, normaliseSelection } from './scoring';
export { indexCourse, lessonQuestions, lessonQuizzes, lessonReflections, moduleQuestions, type CourseIndex, type QuestionSite } from './courseIndex';
