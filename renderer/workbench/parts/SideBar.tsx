// The Side Bar shows the view chosen in the Activity Bar. Views load lazily, so
// the explorer is ready before the heavier views (progress charts) are fetched.

import { Suspense, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { getSideBarViews } from '../views/viewRegistry';
import { useLayout, useServices } from '../WorkbenchContext';
import { focusFirst, focusView, useFocusable } from '../views/viewFocus';
import { tabKey } from '../editor/tabKey';
import { ViewBoundary } from './ViewBoundary';

/** The Side Bar landmark; in a narrow window it floats over the editor and gets out of the way once something opens. */
export function SideBar({ narrow = false }: { narrow?: boolean }) {
  const services = useServices();
  const viewId = useLayout((s) => s.context.sideBarView);
  const activeKey = useLayout((s) => {
    const tab = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return tab ? tabKey(tab) : undefined;
  });
  const view = getSideBarViews().find((v) => v.id === viewId) ?? getSideBarViews()[0];
  const root = useRef<HTMLElement>(null);
  const shownFor = useRef(activeKey);
  useEffect(() => {
    // Floating over the editor, the Side Bar closes when the learner opens something from it.
    if (narrow && activeKey !== shownFor.current) services.layout.send({ type: 'HIDE_SIDE_BAR' });
    shownFor.current = activeKey;
  }, [narrow, activeKey]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!narrow || event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    services.layout.send({ type: 'HIDE_SIDE_BAR' });
    focusView('editor');
  };
  // Whatever the view shows first that takes the keyboard; the view's own registration
  // answers a waiting request once its (lazily loaded) content is there.
  useFocusable('sideBar', useCallback(() => focusFirst(root.current, '[tabindex="0"], input, button'), [viewId]));
  if (!view) return null;
  const View = view.component;
  return (
    <aside className="wb-sidebar" id="wb-sidebar" aria-label="Side Bar" ref={root} onKeyDown={onKeyDown}>
      <h2 className="wb-sidebar-title" id="wb-sidebar-title">
        {view.title}
      </h2>
      <div className="wb-sidebar-body" aria-labelledby="wb-sidebar-title">
        <ViewBoundary key={view.id} what={`The ${view.title} view`}>
          <Suspense fallback={<p className="wb-loading">Loading {view.title.toLowerCase()}…</p>}>
            <View />
          </Suspense>
        </ViewBoundary>
      </div>
    </aside>
  );
}
