// A course's landing page: what the course is (level, credits, study hours, summary,
// outcomes), how far the learner has come, each module with its status and estimated
// time, and one button that opens the next thing to study. It also says how progress
// is counted, so "complete" never surprises anyone.

import { useCallback, useMemo, useRef } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import type { Course, Module } from '../../../../engine/course/model';
import { studyOrder, type PathItem } from '../../../../engine/progress/coursePath';
import type { CourseProgress } from '../../../../engine/progress/model';
import { nextItem } from '../../../../engine/progress/resume';
import { summarize, type ProgressSummary } from '../../../../engine/progress/summary';
import { aboutMinutes, courseFacts } from '../../course/courseFacts';
import { StatusIcon } from '../../progress/StatusIcon';
import { STATUS_WORDS } from '../../progress/statusWords';
import { focusElement, useFocusable } from '../../views/viewFocus';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';

/** The course page of the tab's course. */
export function CoursePage({ tab }: { tab: TabRef }) {
  const opened = useSession((s) => s.context.opened[tab.courseId]);
  const progress = useSession((s) => s.context.progress[tab.courseId]);
  const failure = useSession((s) => s.context.courseErrors[tab.courseId]);
  if (failure) return <p role="alert" className="wb-page">{failure}</p>;
  if (!opened || !progress) return <p className="wb-loading">Opening the course…</p>;
  return <CourseOverview course={opened.course} progress={progress} sources={opened.sources?.length ?? 0} />;
}

/** The learner's next item and how to say it on the button. */
function nextStep(course: Course, progress: CourseProgress, summary: ProgressSummary): { label: string; item?: PathItem } {
  const next = nextItem(course, progress);
  const item = next && studyOrder(course).find((i) => i.id === (next.lessonId ?? next.scenarioId) && i.kind === (next.lessonId ? 'lesson' : 'scenario'));
  if (!item) return { label: 'Start' };
  if (summary.complete) return { label: 'Study it again from', item };
  return { label: summary.status === 'not-started' ? 'Start' : 'Continue', item };
}

function CourseOverview({ course, progress, sources }: { course: Course; progress: CourseProgress; sources: number }) {
  const services = useServices();
  const active = useLayout((s) => {
    const t = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return t?.kind === 'view' && t.itemId === 'course' && t.courseId === course.id;
  });
  const summary = useMemo(() => summarize(course, progress), [course, progress]);
  const step = nextStep(course, progress, summary);
  const startRef = useRef<HTMLButtonElement>(null);
  // The page answers for the course page only while it is the tab in front.
  useFocusable(active ? 'coursePage' : undefined, useCallback(() => focusElement(startRef.current), []));

  const open = (item: PathItem) => void services.runCommand('course.openLesson', { courseId: course.id, kind: item.kind, itemId: item.id });
  const headingId = `course-page-${course.id}`;

  return (
    <article className="wb-page wb-course-page" aria-labelledby={headingId} data-course-id={course.id}>
      <header className="wb-course-header">
        <h1 id={headingId}>{course.title}</h1>
        <p className="wb-course-facts">
          {courseFacts(course).map((fact, i) => (
            <span key={fact}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              {i > 0 && <span className="sr-only">, </span>}
              {fact}
            </span>
          ))}
        </p>
      </header>
      <p className="wb-course-summary">{course.summary}</p>

      <section className="wb-course-next" aria-label="Where you are">
        <p>{standing(summary)}</p>
        {step.item && (
          <button type="button" className="wb-button wb-button-primary wb-course-start" ref={startRef} onClick={() => open(step.item!)}>
            {step.label}: {step.item.title}
          </button>
        )}
      </section>

      <section aria-labelledby={`${headingId}-rule`}>
        <h2 id={`${headingId}-rule`}>How your progress is counted</h2>
        <p>
          A lesson is complete when you have reached its end (scrolled down to its last paragraph, or pressed Next at its foot), answered its
          questions and saved its reflections; opening it is not enough. A scenario is complete once you reach any of its endings. A module is
          complete when all its lessons and scenarios are, and a module that builds on another opens when that one is complete.
        </p>
      </section>

      <section aria-labelledby={`${headingId}-outcomes`}>
        <h2 id={`${headingId}-outcomes`}>Learning outcomes</h2>
        <p>By the end of the course you will be able to:</p>
        <ol className="wb-course-outcomes">
          {course.outcomes.map((o) => (
            <li key={o.id}>{o.text}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby={`${headingId}-modules`}>
        <h2 id={`${headingId}-modules`}>Modules</h2>
        <ol className="wb-course-modules">
          {course.modules.map((module, index) => (
            <ModuleEntry key={module.id} course={course} module={module} number={index + 1} summary={summary} onOpen={open} />
          ))}
        </ol>
      </section>

      <section aria-labelledby={`${headingId}-sources`}>
        <h2 id={`${headingId}-sources`}>Sources and terms</h2>
        <p>
          Every fact in the course names the document it comes from; select a citation in a lesson to see the reference
          {sources > 0 ? ' and read the document itself' : ''}. Terms explained in the glossary are underlined with dots where a lesson first uses them.
        </p>
        <div className="wb-course-links">
          <button type="button" className="wb-button" onClick={() => void services.runCommand('course.showReferences', { courseId: course.id })}>
            References ({course.references.length})
          </button>
          <button type="button" className="wb-button" onClick={() => void services.runCommand('course.showGlossary', { courseId: course.id })}>
            Glossary ({course.glossary.length} terms)
          </button>
        </div>
      </section>
    </article>
  );
}

/** The learner's standing in one sentence. */
function standing(summary: ProgressSummary): string {
  const { itemsComplete: done, itemsTotal: total } = summary;
  if (summary.complete) return `You have completed every lesson and scenario of this course${summary.passed ? ' and passed every module\'s quizzes' : ''}.`;
  if (summary.status === 'not-started') return `You have not started this course yet. It has ${total} lessons and scenarios.`;
  return `You have completed ${done} of ${total} lessons and scenarios (${Math.floor(summary.percent)}%).`;
}

function ModuleEntry({ course, module, number, summary, onOpen }: { course: Course; module: Module; number: number; summary: ProgressSummary; onOpen: (item: PathItem) => void }) {
  const figures = summary.modules[module.id]!;
  const items = studyOrder(course).filter((i) => i.moduleId === module.id);
  const needs = module.prerequisites.map((id) => course.modules.find((m) => m.id === id)?.title ?? id);
  const titleId = `module-${course.id}-${module.id}`;
  return (
    <li className="wb-course-module" aria-labelledby={titleId} data-module-id={module.id}>
      <h3 id={titleId}>
        {number}. {module.title}
      </h3>
      <p className={`wb-status wb-status-${figures.status} wb-course-module-status`}>
        <StatusIcon status={figures.status} />
        <span>
          {STATUS_WORDS[figures.status]}: {figures.itemsComplete} of {figures.itemsTotal} done · {aboutMinutes(module.estimatedMinutes)}
        </span>
      </p>
      <p>{module.summary}</p>
      {!figures.unlocked && <p className="wb-course-locked">Opens when you have completed {needs.join(' and ')}.</p>}
      <ul className="wb-course-items">
        {items.map((item) => {
          const status = (item.kind === 'lesson' ? summary.lessons[item.id] : summary.scenarios[item.id])!.status;
          const minutes = item.kind === 'lesson' ? module.lessons.find((l) => l.id === item.id)?.minutes : undefined;
          const label = `${item.kind === 'scenario' ? 'Scenario: ' : ''}${item.title}`;
          return (
            <li key={`${item.kind}-${item.id}`} className={`wb-status-${status}`}>
              <StatusIcon status={status} />
              {status === 'locked' ? (
                <span>{label}</span>
              ) : (
                <button type="button" className="wb-link-button" onClick={() => onOpen(item)}>
                  {label}
                </button>
              )}
              <span className="wb-course-item-facts">
                {' '}
                ({STATUS_WORDS[status]}
                {minutes ? `, ${aboutMinutes(minutes)}` : ''})
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
