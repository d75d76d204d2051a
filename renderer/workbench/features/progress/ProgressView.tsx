// The Progress view: module completion, quiz scores against the mastery score,
// scenario endings found and time spent, for the open course.

import { useCourseSummary } from '../../progress/useCourseSummary';
import { STATUS_WORDS } from '../../progress/statusWords';
import { useCallback, useRef } from 'react';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { focusElement, useFocusable } from '../../views/viewFocus';
import { BarChart, type Bar } from './BarChart';

/** Minutes and hours in words. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return seconds > 0 ? 'under a minute' : 'none yet';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The Progress view. */
export function ProgressView() {
  const services = useServices();
  const courseId = useLayout((s) => s.context.openCourseId);
  const course = useSession((s) => (courseId ? s.context.opened[courseId]?.course : undefined));
  const summary = useCourseSummary(courseId);
  const root = useRef<HTMLDivElement>(null);
  useFocusable('progress', useCallback(() => focusElement(root.current), [course, summary]));
  if (!course || !summary) {
    return <p className="wb-hint">Open a course in the Courses view to see your progress in it.</p>;
  }

  const completion: Bar[] = course.modules.map((m) => {
    const f = summary.modules[m.id]!;
    const pct = f.itemsTotal ? Math.round((f.itemsDone / f.itemsTotal) * 100) : 0;
    return { id: m.id, label: m.title, value: f.itemsDone, max: f.itemsTotal, text: `${f.itemsDone} of ${f.itemsTotal} done (${pct}%), ${STATUS_WORDS[f.status].toLowerCase()}` };
  });
  const scores: Bar[] = course.modules
    .filter((m) => summary.modules[m.id]!.questionsTotal > 0)
    .map((m) => {
      const f = summary.modules[m.id]!;
      const text =
        f.scorePercent === undefined
          ? `no answers yet; ${f.masteryScore}% needed`
          : `${f.scorePercent}% (${f.questionsAnswered} of ${f.questionsTotal} answered); ${f.masteryScore}% needed, ${f.scorePercent >= f.masteryScore ? 'passed' : 'not passed yet'}`;
      return { id: m.id, label: m.title, value: f.scorePercent ?? 0, max: 100, text, marker: f.masteryScore / 100, markerLabel: `Mastery score ${f.masteryScore}%` };
    });
  const endings: Bar[] = course.modules.flatMap((m) =>
    m.scenarios.map((s) => {
      const e = summary.endings[s.id]!;
      return { id: s.id, label: s.title, value: e.found, max: e.total, text: `${e.found} of ${e.total} endings found` };
    }),
  );
  const maxSeconds = Math.max(60, ...course.modules.map((m) => summary.modules[m.id]!.seconds));
  const time: Bar[] = course.modules.map((m) => {
    const s = summary.modules[m.id]!.seconds;
    return { id: m.id, label: m.title, value: s, max: maxSeconds, text: `${formatDuration(s)} of about ${m.estimatedMinutes} min` };
  });

  return (
    <div className="wb-progress" tabIndex={-1} ref={root}>
      <p className="wb-progress-total">
        <strong>{course.title}</strong>: {summary.percent}% complete, {STATUS_WORDS[summary.status].toLowerCase()}. Time studied: {formatDuration(summary.seconds)}.
      </p>
      <BarChart id="chart-completion" title="Module completion" bars={completion} empty="This course has no modules." />
      <BarChart id="chart-scores" title="Quiz scores against the mastery score" bars={scores} empty="This course has no quizzes." />
      <BarChart id="chart-endings" title="Scenario endings found" bars={endings} empty="This course has no scenarios." />
      <BarChart id="chart-time" title="Time spent per module" bars={time} empty="No time recorded yet." />
      <button type="button" className="wb-button" onClick={() => void services.runCommand('learner.exportRecord')}>
        Export my learning record…
      </button>
    </div>
  );
}
