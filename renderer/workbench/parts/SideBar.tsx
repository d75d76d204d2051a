// The Side Bar shows the view chosen in the Activity Bar. Views load lazily, so
// the explorer is ready before the heavier views (progress charts) are fetched.

import { Suspense, useCallback, useRef } from 'react';
import { getSideBarViews } from '../views/viewRegistry';
import { useLayout } from '../WorkbenchContext';
import { focusFirst, useFocusable } from '../views/viewFocus';

/** The Side Bar landmark. */
export function SideBar() {
  const viewId = useLayout((s) => s.context.sideBarView);
  const view = getSideBarViews().find((v) => v.id === viewId) ?? getSideBarViews()[0];
  const root = useRef<HTMLElement>(null);
  // Whatever the view shows first that takes the keyboard; the view's own registration
  // answers a waiting request once its (lazily loaded) content is there.
  useFocusable('sideBar', useCallback(() => focusFirst(root.current, '[tabindex="0"], input, button'), [viewId]));
  if (!view) return null;
  const View = view.component;
  return (
    <aside className="wb-sidebar" aria-label="Side Bar" ref={root}>
      <h2 className="wb-sidebar-title" id="wb-sidebar-title">
        {view.title}
      </h2>
      <div className="wb-sidebar-body" aria-labelledby="wb-sidebar-title">
        <Suspense fallback={<p className="wb-loading">Loading {view.title.toLowerCase()}…</p>}>
          <View />
        </Suspense>
      </div>
    </aside>
  );
}
