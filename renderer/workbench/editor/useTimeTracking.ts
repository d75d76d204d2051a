// Time spent is counted by the workbench, which knows which tab is in front and
// whether the window is visible: it is sent when the learner moves to another tab,
// hides the window, or every minute of continuous study.

import { useEffect } from 'react';
import { useLayout, useServices } from '../WorkbenchContext';
import { isItemTab } from './tabKey';

const FLUSH_EVERY_MS = 60_000;

/** Records time.spent for the active lesson or scenario, and location.changed when it changes. */
export function useTimeTracking(): void {
  const services = useServices();
  const activeTab = useLayout((s) => (s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab]));

  useEffect(() => {
    if (!isItemTab(activeTab)) return;
    const { courseId, kind, itemId } = activeTab;
    const course = services.session.getSnapshot().context.opened[courseId]?.course;
    const moduleId = course?.modules.find((m) =>
      kind === 'lesson' ? m.lessons.some((l) => l.id === itemId) : m.scenarios.some((s) => s.id === itemId),
    )?.id;
    const location = kind === 'lesson' ? { moduleId, lessonId: itemId } : { moduleId, scenarioId: itemId };
    const here = services.session.getSnapshot().context.progress[courseId]?.location;
    if (here?.lessonId !== location.lessonId || here?.scenarioId !== (location as { scenarioId?: string }).scenarioId) {
      void services.recordEvent(courseId, { type: 'location.changed', location });
    }

    let since = document.visibilityState === 'visible' ? Date.now() : undefined;
    const learnerId = services.session.getSnapshot().context.learner?.id;
    const flush = () => {
      if (since === undefined) return;
      // After a switch of learner this time was the previous learner's: it must not land in the new one's record.
      if (services.session.getSnapshot().context.learner?.id !== learnerId) return;
      const seconds = Math.round((Date.now() - since) / 1000);
      since = Date.now();
      if (seconds >= 1) {
        void services.recordEvent(courseId, { type: 'time.spent', seconds, ...(kind === 'lesson' ? { lessonId: itemId } : {}) });
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') since = Date.now();
      else {
        flush();
        since = undefined;
      }
    };
    const timer = window.setInterval(flush, FLUSH_EVERY_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [activeTab?.courseId, activeTab?.kind, activeTab?.itemId]);
}
