// The Side Bar shows the view chosen in the Activity Bar. Views load lazily, so
// the explorer is ready before the heavier views (progress charts) are fetched.

import { Suspense } from 'react';
import { getSideBarViews } from '../views/viewRegistry';
import { useLayout } from '../WorkbenchContext';

/** The Side Bar landmark. */
export function SideBar() {
  const viewId = useLayout((s) => s.context.sideBarView);
  const view = getSideBarViews().find((v) => v.id === viewId) ?? getSideBarViews()[0];
  if (!view) return null;
  const View = view.component;
  return (
    <aside className="wb-sidebar" aria-label="Side Bar">
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
