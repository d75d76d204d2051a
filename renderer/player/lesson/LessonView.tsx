// Plays a lesson: its Markdown, quizzes and reflections in reading order. Opening it
// is a visit; reaching its end (its last paragraph scrolled into view) is reading it,
// which is what counts towards completing it.
import { useEffect, useMemo, useRef } from 'react';
import type { Course, Lesson } from '../../../engine/course/model';
import { citationTitles, linkedGlossary, termForms } from '../../../engine/course/textLinks';
import type { CourseProgress, LearningEvent } from '../../../engine/progress/model';
import { RenderedHtml } from '../Prose';
import { hasTopHeading, renderMarkdown, type TextLinks } from '../markdown';
import { QuizBlock } from './QuizBlock';
import { ReflectionBlock } from './ReflectionBlock';
import { TermTip, type TermExplanation } from './TermTip';

/** Where a lesson's citations and glossary terms lead; the host opens its own views. */
export interface LessonLinks {
  onOpenReference(referenceId: string): void;
  onOpenTerm(slug: string): void;
}

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
  /** With it, citations link to references and glossary terms are marked and explained; without it they stay plain text. */
  links?: LessonLinks;
}

/** Renders a lesson's blocks in order and reports visits, reading to the end, answers and saved reflections. */
export function LessonView({ course, lesson, progress, assetBase, learnerSeed, onEvent, links }: LessonViewProps) {
  // One visit per lesson shown: neither a new onEvent from the host nor React's
  // development double-run of effects is a new visit.
  const visited = useRef<string>(undefined);
  useEffect(() => {
    if (visited.current === lesson.id) return;
    visited.current = lesson.id;
    onEvent({ type: 'lesson.visited', lessonId: lesson.id });
  }, [lesson.id]);

  const articleRef = useRef<HTMLElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const alreadyRead = progress.lessons[lesson.id]?.read === true;
  useReadToEnd(endRef, alreadyRead ? undefined : () => onEvent({ type: 'lesson.read', lessonId: lesson.id }), lesson.id);

  const needsTitle = useMemo(
    () => !lesson.blocks.some((block) => block.kind === 'markdown' && hasTopHeading(block.markdown)),
    [lesson.blocks],
  );

  const textLinks = useMemo((): TextLinks | undefined => {
    if (!links) return undefined;
    return {
      citations: citationTitles(course.references),
      terms: course.glossary.map((g) => termForms(g.term)),
      // A term inside the name of a publisher or a document ("The Health Creation Alliance") is not that term.
      protect: [...new Set(course.references.flatMap((r) => [r.organisation, r.title, ...(r.cite ? [r.cite] : [])]))],
    };
  }, [links !== undefined, course.references, course.glossary]);

  // Rendered together, in reading order, so each glossary term is marked at its first use in the lesson only.
  const html = useMemo(() => {
    const marked = new Set<string>();
    return lesson.blocks.map((block) => (block.kind === 'markdown' ? renderMarkdown(block.markdown, assetBase, textLinks && { ...textLinks, marked }) : ''));
  }, [lesson.blocks, assetBase, textLinks]);

  const explanations = useMemo(() => {
    const titles = new Map(course.references.map((r) => [r.id, r.title]));
    return new Map<string, TermExplanation>(
      linkedGlossary(course.glossary).map((g) => [g.slug, { term: g.term, definition: g.definition, ...(g.source && titles.has(g.source) ? { source: titles.get(g.source)! } : {}) }]),
    );
  }, [course.glossary, course.references]);

  const onClick = (event: React.MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.hcs-cite, a.hcs-term') : null;
    if (!target || !links) return;
    event.preventDefault();
    if (target.dataset.reference) links.onOpenReference(target.dataset.reference);
    else if (target.dataset.term) links.onOpenTerm(target.dataset.term);
  };

  return (
    // Keyed by lesson so answers and drafts typed in one lesson never carry into the next.
    <article className="hcs-player hcs-lesson" aria-label={lesson.title} data-lesson-id={lesson.id} key={lesson.id} ref={articleRef} onClick={onClick}>
      {needsTitle && <h1>{lesson.title}</h1>}
      {lesson.blocks.map((block, index) => {
        switch (block.kind) {
          case 'markdown':
            return <RenderedHtml key={`md-${index}`} html={html[index]!} />;
          case 'quiz':
            return (
              <QuizBlock
                key={`quiz-${block.quiz.id}`}
                quiz={block.quiz}
                answers={progress.answers}
                seed={learnerSeed}
                links={textLinks}
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
      <div ref={endRef} className="hcs-lesson-end" data-read={alreadyRead ? 'true' : 'false'} aria-hidden="true" />
      {links && <TermTip root={articleRef} terms={explanations} />}
    </article>
  );
}

/**
 * Calls `onRead` once when the end of the lesson scrolls into view. An end already on
 * screen when the lesson opens does not count (the learner has not read down to it):
 * a lesson short enough to show whole is read by pressing Next at its foot.
 */
function useReadToEnd(end: React.RefObject<HTMLElement | null>, onRead: (() => void) | undefined, lessonId: string): void {
  const callback = useRef(onRead);
  callback.current = onRead;
  const waiting = onRead !== undefined;
  useEffect(() => {
    const el = end.current;
    if (!el || !waiting || typeof IntersectionObserver === 'undefined') return;
    let first = true;
    const observer = new IntersectionObserver((entries) => {
      const seen = entries.some((entry) => entry.isIntersecting);
      const opening = first;
      first = false;
      if (!seen || opening) return;
      observer.disconnect();
      callback.current?.();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [lessonId, waiting]);
}
