// One tab's panel: a lesson, a scenario or a workbench view, loaded lazily (the
// player is its own chunk) and scrolled back to where the learner left it.

import { lazy, memo, Suspense, useCallback, useEffect, useRef } from 'react';
import type { TabRef } from '../../../engine/api/studioApi';
import { getEditorView } from '../views/viewRegistry';
import { useSession } from '../WorkbenchContext';
import { panelDomId, tabDomId, tabKey } from './tabKey';
import { readScroll, writeScroll } from './scrollMemory';
import { CourseContent } from './CourseContent';
import { focusElement, useFocusable } from '../views/viewFocus';
import { ViewBoundary } from '../parts/ViewBoundary';
import { useServices } from '../WorkbenchContext';

// Source editors are authoring's, loaded the first time one opens: a learner never fetches them.
const SourceTab = lazy(() => import('../features/authoring/source/SourceTab').then((m) => ({ default: m.SourceTab })));

/**
 * A tab's panel; hidden unless active. Memoised, with content that does not depend on
 * being active, so switching tabs re-renders two panels' attributes and no lesson.
 */
export const EditorPanel = memo(function EditorPanel({ tab, index, active }: { tab: TabRef; index: number; active: boolean }) {
  const services = useServices();
  const learnerId = useSession((s) => s.context.learner?.id ?? '');
  const ref = useRef<HTMLDivElement>(null);
  const key = tabKey(tab);
  const offset = useRef(readScroll(learnerId, key));
  const saveTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    // A hidden panel loses its scroll offset; put it back when the tab shows again.
    if (active && ref.current && offset.current) ref.current.scrollTop = offset.current;
  }, [active]);

  const onScroll = () => {
    const el = ref.current;
    if (!el || !active) return;
    offset.current = el.scrollTop;
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => writeScroll(learnerId, key, offset.current), 150);
  };

  // Only the panel in front answers for the editor; a source tab's text takes focus itself.
  useFocusable(active && tab.kind !== 'file' ? 'editor' : undefined, useCallback(() => focusElement(ref.current), []));

  // Content arrives after the player loads; scroll once it has a height.
  const restore = useCallback(() => {
    const el = ref.current;
    if (el && offset.current) el.scrollTop = offset.current;
  }, []);

  return (
    <div
      className="wb-editor-panel"
      role="tabpanel"
      id={panelDomId(tab)}
      aria-labelledby={tabDomId(tab)}
      hidden={!active}
      tabIndex={0}
      ref={ref}
      onScroll={onScroll}
      data-tab-index={index}
    >
      <ViewBoundary
        what={
          tab.kind === 'lesson'
            ? 'This lesson'
            : tab.kind === 'scenario'
              ? 'This scenario'
              : tab.kind === 'file'
                ? `The editor of ${tab.itemId}`
                : tab.kind === 'source'
                  ? 'This source document'
                  : 'This view'
        }
        {...(tab.kind === 'scenario'
          ? { recover: { label: 'Restart this scenario', run: () => services.recordEvent(tab.courseId, { type: 'scenario.restarted', scenarioId: tab.itemId }) } }
          : {})}
      >
        <Suspense fallback={<p className="wb-loading">Loading…</p>}>
          {tab.kind === 'lesson' || tab.kind === 'scenario' ? (
            <CourseContent tab={tab} onReady={restore} />
          ) : tab.kind === 'file' ? (
            <SourceTab tab={tab} active={active} />
          ) : (
            <WorkbenchView tab={tab} />
          )}
        </Suspense>
      </ViewBoundary>
    </div>
  );
});

function WorkbenchView({ tab }: { tab: TabRef }) {
  const view = getEditorView(tab.kind === 'view' ? tab.itemId : tab.kind);
  if (!view) return <p>This view is not available in this version of the studio.</p>;
  const View = view.component;
  return <View tab={tab} />;
}
