// The workbench: start-up screens, then the VS Code-style layout of Activity Bar,
// Side Bar, Editor, Panel and Status Bar, with the overlays above them.

import { useEffect, useState, type CSSProperties } from 'react';
import { useKeybindings } from './commands/useKeybindings';
import { EditorArea } from './editor/EditorArea';
import { FirstRun } from './features/learners/FirstRun';
import { LearnerPickerScreen } from './features/learners/LearnerPickerScreen';
import { ActivityBar } from './parts/ActivityBar';
import { Panel } from './parts/Panel';
import { LiveRegion } from './parts/LiveRegion';
import { Notices } from './parts/Notices';
import { Overlays } from './parts/Overlays';
import { Sash } from './parts/Sash';
import { SideBar } from './parts/SideBar';
import { useNarrowWindow } from './parts/useNarrowWindow';
import { SIDE_BAR_DEFAULT } from './state/layoutMachine';
import { StatusBar } from './parts/StatusBar';
import { useAppearance } from './parts/useAppearance';
import { useLayout, useServices, useSession } from './WorkbenchContext';

/** The whole window. */
export function Workbench() {
  const services = useServices();
  const phase = useSession((s) => s.value as string);
  const hasLearner = useSession((s) => s.context.learner !== undefined);
  const failure = useSession((s) => s.context.failure);
  const theme = useLayout((s) => s.context.theme);
  const zoom = useLayout((s) => s.context.zoom);
  const restored = useLayout((s) => s.matches('ready'));
  useAppearance(theme, zoom);
  useKeybindings(services);

  useEffect(() => {
    const flush = () => void services.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [services]);

  let body;
  if (phase === 'booting') {
    body = (
      <main className="wb-welcome" aria-label="Starting">
        <p role="status">Starting Health Creation Studio…</p>
      </main>
    );
  } else if (phase === 'failed') {
    body = (
      <main className="wb-welcome" aria-label="Could not start">
        <h1>Health Creation Studio could not start</h1>
        <p role="alert">{failure}</p>
      </main>
    );
  } else if (phase === 'firstRun') {
    body = <FirstRun />;
  } else if (phase === 'picking' && !hasLearner) {
    body = <LearnerPickerScreen />;
  } else if (!restored) {
    body = (
      <main className="wb-welcome" aria-label="Opening">
        <p role="status">Opening your courses…</p>
      </main>
    );
  } else {
    body = <Layout />;
  }

  return (
    <>
      {body}
      <Overlays />
      <LiveRegion />
    </>
  );
}

function Layout() {
  const services = useServices();
  const sideBarVisible = useLayout((s) => s.context.sideBarVisible);
  const panelVisible = useLayout((s) => s.context.panelVisible);
  const width = useLayout((s) => s.context.sideBarWidth ?? SIDE_BAR_DEFAULT);
  const zoom = useLayout((s) => s.context.zoom);
  // Below about 700 px (at 100% zoom) the Side Bar floats over the editor instead of squeezing it.
  const narrow = useNarrowWindow(zoom);
  const [dragWidth, setDragWidth] = useState<number>();
  useEffect(() => {
    // A window that is (or becomes, by zooming in) narrow shows what the learner was studying, not the floating Side Bar over it.
    if (narrow && services.layout.getSnapshot().context.tabs.length > 0) services.layout.send({ type: 'HIDE_SIDE_BAR' });
  }, [narrow]);
  return (
    <div
      className="wb"
      data-sidebar={sideBarVisible ? 'shown' : 'hidden'}
      data-panel={panelVisible ? 'shown' : 'hidden'}
      data-narrow={narrow ? 'true' : undefined}
      style={{ '--wb-sidebar-width': `${dragWidth ?? width}rem` } as CSSProperties}
    >
      <Notices />
      <div className="wb-body">
        <ActivityBar />
        {sideBarVisible && <SideBar narrow={narrow} />}
        {sideBarVisible && !narrow && <Sash onDrag={setDragWidth} />}
        {sideBarVisible && narrow && (
          // Mouse users close the floating Side Bar by clicking beside it; keyboards use Escape or Ctrl+B.
          <div className="wb-sidebar-backdrop" aria-hidden="true" onClick={() => services.layout.send({ type: 'HIDE_SIDE_BAR' })} />
        )}
        <div className="wb-main">
          <EditorArea />
          {panelVisible && <Panel />}
        </div>
      </div>
      <StatusBar />
    </div>
  );
}
