// A minimal stand-in for the progress rules, so the session is tested on its own:
// it records what each event says and nothing more.
import type { Course } from '../../../engine/course/model';
import type { CourseProgress, LearningEvent } from '../../../engine/progress/model';

/** Applies an event the plain way the session tests expect. */
export function fakeApplyEvent(course: Course, progress: CourseProgress, event: LearningEvent, now: string): CourseProgress {
  const p: CourseProgress = structuredClone(progress);
  p.updatedAt = now;
  switch (event.type) {
    case 'lesson.visited':
      p.lessons[event.lessonId] = { visited: true, read: p.lessons[event.lessonId]?.read ?? false, seconds: p.lessons[event.lessonId]?.seconds ?? 0 };
      break;
    case 'lesson.read':
      p.lessons[event.lessonId] = { visited: true, read: true, seconds: p.lessons[event.lessonId]?.seconds ?? 0 };
      break;
    case 'quiz.answered': {
      const q = course.modules.flatMap((m) => m.lessons).flatMap((l) => l.blocks).flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : [])).find((x) => x.id === event.questionId);
      const right = q?.options.filter((o) => o.correct).map((o) => o.id) ?? [];
      const correct = right.length === event.selected.length && right.every((id) => event.selected.includes(id));
      p.answers[event.questionId] = { quizId: event.quizId, selected: event.selected, correct, attempts: (p.answers[event.questionId]?.attempts ?? 0) + 1, at: now };
      break;
    }
    case 'scenario.chose': {
      const rec = p.scenarios[event.scenarioId] ?? { path: [], endingsFound: [], plays: 1 };
      rec.path = [...rec.path, event.choiceId];
      rec.nodeId = event.nodeId;
      rec.snapshot = event.snapshot;
      if (event.endingId && !rec.endingsFound.includes(event.endingId)) rec.endingsFound.push(event.endingId);
      p.scenarios[event.scenarioId] = rec;
      break;
    }
    case 'reflection.saved':
      p.reflections[event.reflectionId] = { text: event.text, at: now };
      break;
    case 'location.changed':
      p.location = event.location;
      break;
    default:
      break;
  }
  return p;
}
