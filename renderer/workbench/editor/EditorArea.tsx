// The Editor: tabs of lessons, scenarios and workbench views, several open at once.
// Every open tab stays mounted (hidden when inactive), so switching is instant and
// a half-written answer or a scenario mid-node survives moving between tabs.

import { EditorTabs } from './EditorTabs';
import { EditorPanel } from './EditorPanel';
import { EmptyEditor } from './EmptyEditor';
import { useTimeTracking } from './useTimeTracking';
import { useLayout } from '../WorkbenchContext';
import { tabKey } from './tabKey';

/** The Editor landmark. */
export function EditorArea() {
  const tabs = useLayout((s) => s.context.tabs);
  const active = useLayout((s) => s.context.activeTab);
  useTimeTracking();
  return (
    <main className="wb-editor" aria-label="Editor">
      {tabs.length === 0 ? (
        <EmptyEditor />
      ) : (
        <>
          <EditorTabs />
          <div className="wb-editor-panels">
            {tabs.map((tab, index) => (
              <EditorPanel key={tabKey(tab)} tab={tab} index={index} active={index === active} />
            ))}
          </div>
        </>
      )}
    </main>
  );
}
