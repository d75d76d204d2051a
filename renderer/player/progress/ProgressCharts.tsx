// The Progress view's charts: how much of each module is done, quiz scores against
// each module's pass mark, scenario endings found and time spent. Every figure is
// written as text; bars only repeat it.
import { useMemo } from 'react';
import type { Course } from '../../../engine/course/model';
import type { CourseProgress } from '../../../engine/progress/model';
// summary.ts is what rules.ts re-exports; importing it directly keeps the progress
// store's migrations (and their schema library) out of the player's bundle.
import { summarize } from '../../../engine/progress/summary';
import { formatDuration, formatPercent } from '../words';
import { BarTable, type BarRow } from './BarTable';

/** Props of ProgressCharts. */
export interface ProgressChartsProps {
  course: Course;
  progress: CourseProgress;
}

/** Charts of module completion, quiz scores per module, endings found and time spent. */
export function ProgressCharts({ course, progress }: ProgressChartsProps) {
  const summary = useMemo(() => summarize(course, progress), [course, progress]);
  const modules = course.modules.map((module) => ({ module, figures: summary.modules[module.id]! }));

  const completion: BarRow[] = modules.map(({ module, figures }) => ({
    key: module.id,
    label: module.title,
    percent: figures.itemsTotal === 0 ? 0 : (100 * figures.itemsComplete) / figures.itemsTotal,
    value: `${figures.itemsComplete} of ${figures.itemsTotal} done`,
  }));

  const scores: BarRow[] = modules
    .filter(({ figures }) => figures.questions > 0)
    .map(({ module, figures }) => ({
      key: module.id,
      label: module.title,
      percent: figures.score ?? 0,
      value:
        figures.answered === 0
          ? 'No questions answered yet'
          : `${formatPercent(figures.score ?? 0)} (${figures.correct} of ${figures.questions} right)`,
      note: figures.masteryPassed
        ? `Passed (pass mark ${figures.masteryScore}%)`
        : `Not passed yet (pass mark ${figures.masteryScore}%)`,
    }));

  const endings: BarRow[] = course.modules.flatMap((module) =>
    module.scenarios.map((scenario) => {
      const figures = summary.scenarios[scenario.id]!;
      return {
        key: scenario.id,
        label: scenario.title,
        percent: figures.endingsTotal === 0 ? 0 : (100 * figures.endingsFound.length) / figures.endingsTotal,
        value: `${figures.endingsFound.length} of ${figures.endingsTotal} found`,
      };
    }),
  );

  const longest = Math.max(1, ...modules.map(({ figures }) => figures.seconds));
  const time: BarRow[] = modules.map(({ module, figures }) => ({
    key: module.id,
    label: module.title,
    percent: (100 * figures.seconds) / longest,
    value: formatDuration(figures.seconds),
  }));

  return (
    <div className="hcs-player hcs-progress-charts">
      <h1>{`Your progress in ${course.title}`}</h1>
      <ul className="hcs-progress-totals">
        <li>{`${formatPercent(summary.percent)} of the course done (${summary.itemsComplete} of ${summary.itemsTotal} lessons and scenarios).`}</li>
        <li>
          {summary.score === undefined
            ? 'No quiz questions in this course.'
            : `Quiz score ${formatPercent(summary.score)} (${summary.correct} of ${summary.questions} questions right).`}
        </li>
        <li>{`${summary.endingsFound} of ${summary.endingsTotal} scenario endings found.`}</li>
        <li>{`Time spent: ${formatDuration(summary.seconds)}.`}</li>
      </ul>
      <BarTable title="Module completion" itemHeader="Module" valueHeader="Done" rows={completion} empty="This course has no modules yet." />
      <BarTable
        title="Quiz scores by module"
        itemHeader="Module"
        valueHeader="Score"
        noteHeader="Pass mark"
        rows={scores}
        empty="This course has no quiz questions."
      />
      <BarTable title="Scenario endings found" itemHeader="Scenario" valueHeader="Endings" rows={endings} empty="This course has no scenarios." />
      <BarTable title="Time spent by module" itemHeader="Module" valueHeader="Time" rows={time} empty="This course has no modules yet." />
    </div>
  );
}
