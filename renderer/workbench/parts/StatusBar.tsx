// The Status Bar: who is studying, how far through the open course they are, and
// the 3Cs of the scenario in front, each in words and numbers.

import { THREE_CS } from '../../../engine/course/model';
import { useCourseSummary } from '../progress/useCourseSummary';
import { useLayout, useServices, useSession } from '../WorkbenchContext';
import { useSelector } from '@xstate/react';
import { problemCounts } from '../features/authoring/problemsModel';
import { ErrorIcon, LearnerIcon, WarningIcon } from './icons';

const LABELS: Record<string, string> = { control: 'Control', contact: 'Contact', confidence: 'Confidence' };

/** The Status Bar landmark. */
export function StatusBar() {
  const services = useServices();
  const learner = useSession((s) => s.context.learner?.name);
  const openCourseId = useLayout((s) => s.context.openCourseId);
  const course = useSession((s) => (openCourseId ? s.context.opened[openCourseId]?.course : undefined));
  const summary = useCourseSummary(openCourseId);
  const zoom = useLayout((s) => s.context.zoom);
  const scenarioKey = useLayout((s) => {
    const tab = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return tab?.kind === 'scenario' ? `${tab.courseId}/${tab.itemId}` : undefined;
  });
  const vars = useSession((s) => (scenarioKey ? s.context.scenarioVars[scenarioKey] : undefined));
  const problems = useSelector(
    services.author,
    (s) => (Object.keys(s.context.packs).length === 0 ? undefined : problemCounts(s.context.packs)),
    (a, b) => a?.errors === b?.errors && a?.warnings === b?.warnings,
  );

  return (
    <footer className="wb-statusbar" aria-label="Status Bar">
      <button type="button" className="wb-status-item" onClick={() => void services.runCommand('learner.switch')} title="Switch learner">
        <LearnerIcon />
        <span>
          <span className="sr-only">Learner: </span>
          {learner ?? 'No learner'}
        </span>
      </button>
      {problems && (
        <button
          type="button"
          className="wb-status-item wb-status-problems"
          onClick={() => void services.runCommand('workbench.showProblems')}
          title="Show Problems"
          data-testid="status-problems"
        >
          <ErrorIcon />
          <span>
            {problems.errors}
            <span className="sr-only"> error{problems.errors === 1 ? '' : 's'},</span>
          </span>
          <WarningIcon />
          <span>
            {problems.warnings}
            <span className="sr-only"> warning{problems.warnings === 1 ? '' : 's'}</span>
          </span>
        </button>
      )}
      {course && summary && (
        <span className="wb-status-item" data-testid="status-course-progress">
          {course.title}: {summary.percent}% complete
        </span>
      )}
      {vars && (
        <span className="wb-status-item wb-status-3cs" role="group" aria-label="The 3Cs of this scenario">
          {THREE_CS.map((name) => (
            <span key={name} className="wb-status-c">
              {LABELS[name]} {vars[name] ?? '–'}
            </span>
          ))}
        </span>
      )}
      <span className="wb-status-spacer" />
      {zoom !== 1 && (
        <button type="button" className="wb-status-item" onClick={() => services.layout.send({ type: 'ZOOM_RESET' })} title="Reset zoom">
          Zoom {Math.round(zoom * 100)}%
        </button>
      )}
    </footer>
  );
}
