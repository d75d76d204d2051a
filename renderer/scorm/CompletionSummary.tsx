// How the SCO stands, in the terms the LMS's gradebook will show: completion,
// score against the mastery score, and each learning outcome.
import type { Course } from '../../engine/course/model';
import type { CourseProgress } from '../../engine/progress/model';
import { scoReport } from '../../engine/scorm/scoReport';
import type { ScoScope } from '../../engine/scorm/scope';
import { scopeModules } from '../../engine/scorm/scope';

/** Props of CompletionSummary. */
export interface CompletionSummaryProps {
  course: Course;
  scope: ScoScope;
  progress: CourseProgress;
}

const SUCCESS_WORDS = { passed: 'Passed', failed: 'Not yet passed', unknown: 'Not yet graded: answer every question' } as const;

/** Summarises completion, score and outcomes of the SCO. */
export function CompletionSummary({ course, scope, progress }: CompletionSummaryProps) {
  const report = scoReport(course, scope, progress);
  const mastery = scopeModules(course, scope).map((m) => m.masteryScore);
  return (
    <article className="hcs-player hcs-sco-summary" aria-labelledby="hcs-sco-summary-title">
      <h1 id="hcs-sco-summary-title">Summary</h1>
      <dl>
        <dt>Completion</dt>
        <dd data-field="completion">{report.completed ? 'Complete' : `In progress: ${Math.round(report.progress * 100)}% done`}</dd>
        <dt>Score</dt>
        <dd data-field="score">
          {report.score ? `${report.score.raw}%` : 'No questions answered yet'}
          {mastery.length === 1 ? ` (${mastery[0]}% needed to pass)` : ''}
        </dd>
        <dt>Result</dt>
        <dd data-field="success">{SUCCESS_WORDS[report.success]}</dd>
      </dl>
      <h2>Learning outcomes</h2>
      <ul>
        {report.objectives.map((o) => (
          <li key={o.id}>
            {o.description} <span>({o.completed ? 'complete' : 'not complete'}{o.score ? `, ${o.score.raw}%` : ''})</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
