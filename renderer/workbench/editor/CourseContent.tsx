// A lesson or scenario inside a tab, played by the player. The player is a chunk of
// its own so the workbench's first paint does not wait for Markdown and XState.

import { memo, useCallback, useEffect, useMemo } from 'react';
import type { TabRef } from '../../../engine/api/studioApi';
import type { LearningEvent } from '../../../engine/progress/model';
import { findItem } from '../course/courseItems';
import { useServices, useSession } from '../WorkbenchContext';
import { usePlayer } from './playerModule';
import { WayForward } from './WayForward';


/** Plays the lesson or scenario a tab points at; re-renders only when its course, progress or tab change. */
export const CourseContent = memo(function CourseContent({ tab, onReady }: { tab: TabRef; onReady: () => void }) {
  const services = useServices();
  const opened = useSession((s) => s.context.opened[tab.courseId]);
  const progress = useSession((s) => s.context.progress[tab.courseId]);
  const failure = useSession((s) => s.context.courseErrors[tab.courseId]);
  const learnerId = useSession((s) => s.context.learner?.id ?? '');
  const player = usePlayer();
  const onEvent = useCallback((event: LearningEvent) => void services.recordEvent(tab.courseId, event), [services, tab.courseId]);
  // Citations open the References view at their reference; glossary terms the Glossary at their term.
  const links = useMemo(
    () => ({
      onOpenReference: (referenceId: string) => void services.runCommand('course.showReferences', { courseId: tab.courseId, referenceId }),
      onOpenTerm: (term: string) => void services.runCommand('course.showGlossary', { courseId: tab.courseId, term }),
    }),
    [services, tab.courseId],
  );
  const onVarsChange = useCallback(
    (vars: Record<string, number>) => services.session.send({ type: 'VARS', key: `${tab.courseId}/${tab.itemId}`, vars }),
    [services, tab.courseId, tab.itemId],
  );

  if (failure) return <p role="alert">{failure}</p>;
  if (!opened || !progress) return <p className="wb-loading">Opening the course…</p>;
  if (!player) return <p className="wb-loading">Loading the player…</p>;
  const { LessonView, ScenarioView } = player;
  const item = findItem(opened.course, tab.kind === 'scenario' ? 'scenario' : 'lesson', tab.itemId);
  if (!item) {
    return <p>This {tab.kind} is no longer in {opened.course.title}; the course may have been updated. Close this tab and pick another from the Courses view.</p>;
  }
  return (
    <Ready onReady={onReady}>
      {item.kind === 'lesson' ? (
        <>
          <LessonView course={opened.course} lesson={item.lesson} progress={progress} assetBase={opened.assetBase} learnerSeed={learnerId} onEvent={onEvent} links={links} />
          <div className="wb-lesson-foot">
            <WayForward course={opened.course} progress={progress} here={item} />
          </div>
        </>
      ) : (
        <ScenarioView
          course={opened.course}
          scenario={item.scenario}
          record={progress.scenarios[item.id]}
          assetBase={opened.assetBase}
          onEvent={onEvent}
          onVarsChange={onVarsChange}
          links={links}
          endingActions={<WayForward course={opened.course} progress={progress} here={item} />}
        />
      )}
    </Ready>
  );
});

/** Calls onReady once its children have mounted (the content has a height to scroll). */
function Ready({ onReady, children }: { onReady: () => void; children: React.ReactNode }) {
  useEffect(() => {
    const frame = requestAnimationFrame(onReady);
    return () => cancelAnimationFrame(frame);
  }, []);
  return <>{children}</>;
}
