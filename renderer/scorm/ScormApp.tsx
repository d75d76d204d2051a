// The SCORM-mode shell: the SCO's lessons and scenarios in a list beside the player,
// the learner's notices (preview, saving trouble) above it, and a summary of how the
// module stands. It talks to the back end only through the StudioApi it is given.
import { useCallback, useEffect, useState } from 'react';
import type { Notice, StudioApi } from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import type { CourseProgress, LearningEvent, Location } from '../../engine/progress/model';
import type { ScoScope } from '../../engine/scorm/scope';
import { scopeModules } from '../../engine/scorm/scope';
import { LessonView, ScenarioView } from '../player';
import { CompletionSummary } from './CompletionSummary';
import { ScoNav, type View } from './ScoNav';

/** Props of the SCORM shell. */
export interface ScormAppProps {
  api: StudioApi;
  course: Course;
  scope: ScoScope;
  learnerId: string;
  /** The learner's shuffle seed, kept by the session in suspend_data. */
  learnerSeed: string;
  assetBase: string;
  initialProgress: CourseProgress;
  notices: Notice[];
  /** Subscribes to notice changes; returns the unsubscribe function. */
  onNotices: (listener: (notices: Notice[]) => void) => () => void;
}

/** The ordered views of a SCO: each module's lessons, then its scenarios, then the summary. */
export function scoViews(course: Course, scope: ScoScope): View[] {
  const views: View[] = scopeModules(course, scope).flatMap((m) => [
    ...m.lessons.map((l): View => ({ kind: 'lesson', moduleId: m.id, id: l.id, title: l.title })),
    ...m.scenarios.map((s): View => ({ kind: 'scenario', moduleId: m.id, id: s.id, title: s.title })),
  ]);
  views.push({ kind: 'summary', moduleId: scope.moduleIds[0] ?? '', id: 'summary', title: 'Summary' });
  return views;
}

function viewAt(views: View[], location: Location): number {
  const i = views.findIndex(
    (v) => (v.kind === 'scenario' && v.id === location.scenarioId) || (v.kind === 'lesson' && !location.scenarioId && v.id === location.lessonId),
  );
  return Math.max(0, i);
}

/** The SCO's whole page. */
export function ScormApp({ api, course, scope, learnerId, learnerSeed, assetBase, initialProgress, notices: firstNotices, onNotices }: ScormAppProps) {
  const views = scoViews(course, scope);
  const [progress, setProgress] = useState(initialProgress);
  const [index, setIndex] = useState(() => viewAt(views, initialProgress.location));
  const [notices, setNotices] = useState(firstNotices);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => onNotices(setNotices), [onNotices]);

  const send = useCallback(
    (event: LearningEvent) => {
      void api.recordEvent(learnerId, course.id, event).then((result) => {
        if (result.ok) {
          setProgress(result.value);
          setRefusal(undefined);
        } else setRefusal(result.error.message);
      });
    },
    [api, learnerId, course.id],
  );

  const go = (next: number) => {
    const view = views[next];
    if (!view) return;
    // Next at a lesson's foot is reaching its end, which is what completes its reading.
    const leaving = views[index];
    if (next === index + 1 && leaving?.kind === 'lesson' && progress.lessons[leaving.id]?.read !== true) send({ type: 'lesson.read', lessonId: leaving.id });
    setIndex(next);
    const location: Location =
      view.kind === 'scenario' ? { moduleId: view.moduleId, scenarioId: view.id } : view.kind === 'lesson' ? { moduleId: view.moduleId, lessonId: view.id } : { moduleId: view.moduleId };
    send({ type: 'location.changed', location });
    document.getElementById('hcs-sco-main')?.focus();
  };

  const view = views[index];
  const module = course.modules.find((m) => m.id === view?.moduleId);
  const lesson = view?.kind === 'lesson' ? module?.lessons.find((l) => l.id === view.id) : undefined;
  const scenario = view?.kind === 'scenario' ? module?.scenarios.find((s) => s.id === view.id) : undefined;
  const shown = [...notices, ...(refusal ? [{ level: 'error' as const, message: refusal }] : [])];

  return (
    <div className="hcs-sco">
      <header className="hcs-sco-header">
        {/* The lesson or scenario below carries the page's one h1. */}
        <p className="hcs-sco-course">{course.title}</p>
        <p className="hcs-sco-title">{scope.title}</p>
      </header>
      <div className="hcs-sco-notices" role="status" aria-live="polite">
        {shown.map((n, i) => (
          <p key={i} className={`hcs-sco-notice hcs-sco-notice-${n.level}`} data-level={n.level}>
            <strong>{n.level === 'error' ? 'Not saved yet: ' : n.level === 'warning' ? 'Note: ' : ''}</strong>
            {n.message}
          </p>
        ))}
      </div>
      <div className="hcs-sco-body">
        <ScoNav course={course} views={views} current={index} progress={progress} onSelect={go} />
        <main id="hcs-sco-main" className="hcs-sco-main" tabIndex={-1}>
          {lesson && <LessonView key={lesson.id} course={course} lesson={lesson} progress={progress} assetBase={assetBase} learnerSeed={learnerSeed} onEvent={send} />}
          {scenario && (
            <ScenarioView
              key={scenario.id}
              course={course}
              scenario={scenario}
              record={progress.scenarios[scenario.id]}
              assetBase={assetBase}
              onEvent={send}
            />
          )}
          {view?.kind === 'summary' && <CompletionSummary course={course} scope={scope} progress={progress} />}
          <nav className="hcs-sco-pager" aria-label="Previous and next">
            <button type="button" className="hcs-button" disabled={index === 0} onClick={() => go(index - 1)}>
              Previous{views[index - 1] ? `: ${views[index - 1]!.title}` : ''}
            </button>
            <button type="button" className="hcs-button" disabled={index >= views.length - 1} onClick={() => go(index + 1)}>
              Next{views[index + 1] ? `: ${views[index + 1]!.title}` : ''}
            </button>
          </nav>
        </main>
      </div>
    </div>
  );
}
