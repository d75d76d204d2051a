// A course's front page: what it is, its level and size, what the learner will be
// able to do, and its modules in study order with where the learner stands in each.
import { useMemo } from 'react';
import type { Course, CourseLevel, Module } from '../../../engine/course/model';
import type { CourseProgress } from '../../../engine/progress/model';
// summary.ts is what rules.ts re-exports; importing it directly keeps the progress
// store's migrations (and their schema library) out of the player's bundle.
import { summarize, type ModuleSummary, type ProgressSummary } from '../../../engine/progress/summary';
import { STATUS_WORDS, formatPercent } from '../words';

/** Something in the course the learner can open from the overview. */
export interface OverviewItem {
  kind: 'lesson' | 'scenario';
  id: string;
}

/** Props of CourseOverview. */
export interface CourseOverviewProps {
  course: Course;
  progress: CourseProgress;
  /** When given, each unlocked lesson and scenario becomes a button that opens it. */
  onOpen?: (item: OverviewItem) => void;
}

/** Shows the course's title, level, outcomes and modules with their status. */
export function CourseOverview({ course, progress, onOpen }: CourseOverviewProps) {
  const summary = useMemo(() => summarize(course, progress), [course, progress]);
  return (
    <article className="hcs-player hcs-overview" aria-labelledby={`hcs-overview-${course.id}`}>
      <h1 id={`hcs-overview-${course.id}`}>{course.title}</h1>
      <p>{course.summary}</p>
      <dl className="hcs-facts">
        <dt>Level</dt>
        <dd>{levelWords(course.level)}</dd>
        {course.credits !== undefined && (
          <>
            <dt>Credits</dt>
            <dd>{course.credits}</dd>
          </>
        )}
        {course.studyHours !== undefined && (
          <>
            <dt>Study hours</dt>
            <dd>{course.studyHours}</dd>
          </>
        )}
        <dt>Your progress</dt>
        <dd>{`${STATUS_WORDS[summary.status].words}: ${formatPercent(summary.percent)} done`}</dd>
      </dl>
      <h2>Learning outcomes</h2>
      <p>By the end of the course you will be able to:</p>
      <ol className="hcs-outcomes">
        {course.outcomes.map((outcome) => (
          <li key={outcome.id}>{outcome.text}</li>
        ))}
      </ol>
      <h2>Modules</h2>
      <ol className="hcs-overview-modules">
        {course.modules.map((module) => (
          <ModuleEntry key={module.id} course={course} module={module} summary={summary} onOpen={onOpen} />
        ))}
      </ol>
    </article>
  );
}

/** The award and FHEQ level in words, e.g. "Undergraduate (FHEQ level 6)". */
function levelWords(level: CourseLevel): string {
  return `${level.award === 'undergraduate' ? 'Undergraduate' : 'Postgraduate'} (FHEQ level ${level.fheq})`;
}

interface ModuleEntryProps {
  course: Course;
  module: Module;
  summary: ProgressSummary;
  onOpen?: (item: OverviewItem) => void;
}

/** One module: status in words, its figures, why it is locked, and its lessons and scenarios. */
function ModuleEntry({ course, module, summary, onOpen }: ModuleEntryProps) {
  const figures = summary.modules[module.id]!;
  const status = STATUS_WORDS[figures.status];
  const missing = module.prerequisites
    .filter((id) => !summary.modules[id]?.complete)
    .map((id) => course.modules.find((m) => m.id === id)?.title ?? id);
  const items = [
    ...module.lessons.map((l) => ({ kind: 'lesson' as const, id: l.id, title: l.title, status: summary.lessons[l.id]!.status })),
    ...module.scenarios.map((s) => ({ kind: 'scenario' as const, id: s.id, title: s.title, status: summary.scenarios[s.id]!.status })),
  ];
  return (
    <li data-module-id={module.id} data-status={figures.status}>
      <h3>{module.title}</h3>
      <p className="hcs-status">
        <span aria-hidden="true">{`${status.icon} `}</span>
        {status.words}
      </p>
      {figures.status === 'locked' && missing.length > 0 && <p>{`Finish ${missing.join(' and ')} first to open this module.`}</p>}
      <p>{module.summary}</p>
      <p className="hcs-module-figures">{moduleFigures(module, figures)}</p>
      {items.length > 0 && (
        <ul className="hcs-overview-items" aria-label={`In ${module.title}`}>
          {items.map((item) => {
            const words = `${item.kind === 'lesson' ? 'Lesson' : 'Scenario'}: ${item.title}`;
            const itemStatus = STATUS_WORDS[item.status];
            return (
              <li key={item.id} data-status={item.status}>
                {onOpen && item.status !== 'locked' ? (
                  <button type="button" className="hcs-link-button" onClick={() => onOpen({ kind: item.kind, id: item.id })}>
                    {words}
                  </button>
                ) : (
                  <span>{words}</span>
                )}
                <span className="hcs-item-status">{` (${itemStatus.words.toLowerCase()})`}</span>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/** A module's size and standing in one line. */
function moduleFigures(module: Module, figures: ModuleSummary): string {
  const parts = [`About ${module.estimatedMinutes} minutes`, `${figures.itemsComplete} of ${figures.itemsTotal} done`];
  if (figures.questions > 0) {
    parts.push(
      figures.answered === 0
        ? `pass mark ${module.masteryScore}%`
        : `quiz score ${formatPercent(figures.score ?? 0)} (pass mark ${module.masteryScore}%${figures.masteryPassed ? ', passed' : ''})`,
    );
  }
  return `${parts.join(' · ')}.`;
}
