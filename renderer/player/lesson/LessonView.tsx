// Plays a lesson: its Markdown, quizzes and reflections in reading order.
import { useEffect, useMemo, useRef } from 'react';
import type { Course, Lesson } from '../../../engine/course/model';
import type { CourseProgress, LearningEvent } from '../../../engine/progress/model';
import { Prose } from '../Prose';
import { hasTopHeading } from '../markdown';
import { QuizBlock } from './QuizBlock';
import { ReflectionBlock } from './ReflectionBlock';

/** Props of LessonView. */
export interface LessonViewProps {
  course: Course;
  lesson: Lesson;
  progress: CourseProgress;
  /** URL prefix (ending in '/') that media paths relative to the pack root are appended to. */
  assetBase: string;
  /** The learner's shuffle seed (their id, or the seed a SCORM package keeps), so options keep their order for them. */
  learnerSeed: string;
  onEvent: (event: LearningEvent) => void;
}

/** Renders a lesson's blocks in order and reports visits, answers and saved reflections. */
export function LessonView({ lesson, progress, assetBase, learnerSeed, onEvent }: LessonViewProps) {
  // One visit per lesson shown: neither a new onEvent from the host nor React's
  // development double-run of effects is a new visit.
  const visited = useRef<string>(undefined);
  useEffect(() => {
    if (visited.current === lesson.id) return;
    visited.current = lesson.id;
    onEvent({ type: 'lesson.visited', lessonId: lesson.id });
  }, [lesson.id]);

  const needsTitle = useMemo(
    () => !lesson.blocks.some((block) => block.kind === 'markdown' && hasTopHeading(block.markdown)),
    [lesson.blocks],
  );

  return (
    // Keyed by lesson so answers and drafts typed in one lesson never carry into the next.
    <article className="hcs-player hcs-lesson" aria-label={lesson.title} data-lesson-id={lesson.id} key={lesson.id}>
      {needsTitle && <h1>{lesson.title}</h1>}
      {lesson.blocks.map((block, index) => {
        switch (block.kind) {
          case 'markdown':
            return <Prose key={`md-${index}`} markdown={block.markdown} assetBase={assetBase} />;
          case 'quiz':
            return (
              <QuizBlock
                key={`quiz-${block.quiz.id}`}
                quiz={block.quiz}
                answers={progress.answers}
                seed={learnerSeed}
                onAnswer={(questionId, selected) =>
                  onEvent({ type: 'quiz.answered', quizId: block.quiz.id, questionId, selected })
                }
              />
            );
          case 'reflection':
            return (
              <ReflectionBlock
                key={`reflection-${block.reflection.id}`}
                reflection={block.reflection}
                saved={progress.reflections[block.reflection.id]}
                onSave={(text) => onEvent({ type: 'reflection.saved', reflectionId: block.reflection.id, text })}
              />
            );
        }
      })}
    </article>
  );
}
