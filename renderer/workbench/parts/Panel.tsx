// The Panel: views under tabs, as VS Code's (the journal and notes, Problems). The
// tab strip follows the tabs pattern (arrows move between tabs and show them); each
// view sits in its own error boundary, so a failure in one leaves the others usable.

import { Suspense, useCallback, useRef, type KeyboardEvent } from 'react';
import { focusFirst, useFocusable } from '../views/viewFocus';
import { getPanelViews } from '../views/viewRegistry';
import { useLayout, useServices } from '../WorkbenchContext';
import { ViewBoundary } from './ViewBoundary';

/** The Panel landmark. */
export function Panel() {
  const services = useServices();
  const views = getPanelViews();
  const current = useLayout((s) => s.context.panelView ?? 'journal');
  const view = views.find((v) => v.id === current) ?? views[0];
  const root = useRef<HTMLElement>(null);
  const tabs = useRef<HTMLDivElement>(null);
  // The view in front answers 'panel' itself once loaded; until then its tab takes focus.
  useFocusable('panel', useCallback(() => focusFirst(root.current, '.wb-panel-view textarea, .wb-panel-view [tabindex="0"], .wb-panel-view button, [role="tab"][aria-selected="true"]'), [current]));
  if (!view) return null;
  const View = view.component;

  const show = (index: number) => {
    const next = views[(index + views.length) % views.length];
    if (!next) return;
    services.layout.send({ type: 'SHOW_PANEL', view: next.id });
    requestAnimationFrame(() => tabs.current?.querySelector<HTMLElement>(`#wb-panel-tab-${next.id}`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const here = views.indexOf(view);
    const to: Record<string, number> = { ArrowRight: here + 1, ArrowLeft: here - 1, Home: 0, End: views.length - 1 };
    if (!(event.key in to) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    show(to[event.key]!);
  };

  return (
    <section className="wb-panel" aria-label="Panel" ref={root}>
      <div className="wb-panel-header">
        <div className="wb-panel-tabs" role="tablist" aria-label="Panel views" ref={tabs} onKeyDown={onKeyDown}>
          {views.map((v) => {
            const Badge = v.badge;
            return (
              <button
                key={v.id}
                type="button"
                role="tab"
                id={`wb-panel-tab-${v.id}`}
                aria-selected={v.id === view.id}
                aria-controls="wb-panel-view"
                tabIndex={v.id === view.id ? 0 : -1}
                className="wb-panel-tab"
                onClick={() => services.layout.send({ type: 'SHOW_PANEL', view: v.id })}
              >
                {v.title}
                {Badge && <Badge />}
              </button>
            );
          })}
        </div>
        <span className="wb-panel-spacer" />
        <button type="button" className="wb-icon-button wb-panel-close" aria-label="Close Panel" onClick={() => services.layout.send({ type: 'TOGGLE_PANEL' })}>
          ×
        </button>
      </div>
      <div className="wb-panel-view" id="wb-panel-view" role="tabpanel" aria-labelledby={`wb-panel-tab-${view.id}`}>
        <ViewBoundary key={view.id} what={view.title}>
          <Suspense fallback={<p className="wb-loading">Loading {view.title.toLowerCase()}…</p>}>
            <View />
          </Suspense>
        </ViewBoundary>
      </div>
    </section>
  );
}
