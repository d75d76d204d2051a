// How the SCO stands, in the terms the LMS's gradebook will show: completion, the
// counted score against the mastery score (given once the result is decided, as the
// LMS receives it), and each learning outcome.
import type { Course } from '../../engine/course/model';
import type { CourseProgress } from '../../engine/progress/model';
import { scoReport } from '../../engine/scorm/scoReport';
import type { ScoScope } from '../../engine/scorm/scope';
import { scopeModules, scopeQuestions } from '../../engine/scorm/scope';
import { isGraded } from '../../engine/progress/attempts';

/** Props of CompletionSummary. */
export interface CompletionSummaryProps {
  course: Course;
  scope: ScoScope;
  progress: CourseProgress;
}

const SUCCESS_WORDS = {
  passed: 'Passed',
  failed: 'Not passed',
  unknown: 'Not decided yet: it is decided once every graded question is answered (or its tries are used up)',
} as const;

/** Summarises completion, score and outcomes of the SCO. */
export function CompletionSummary({ course, scope, progress }: CompletionSummaryProps) {
  const report = scoReport(course, scope, progress);
  const scopeHasGraded = scopeQuestions(course, scope).some((q) => isGraded(q.quiz));
  const mastery = scopeModules(course, scope).map((m) => m.masteryScore);
  return (
    <article className="hcs-player hcs-sco-summary" aria-labelledby="hcs-sco-summary-title">
      <h1 id="hcs-sco-summary-title">Summary</h1>
      <dl>
        <dt>Completion</dt>
        <dd data-field="completion">{report.completed ? 'Complete' : `In progress: ${Math.round(report.progress * 100)}% done`}</dd>
        <dt>Score</dt>
        <dd data-field="score">
          {report.score ? `${report.score.raw}%` : scopeHasGraded ? 'Given with the result, once every graded question is answered' : 'This module has no graded questions'}
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
