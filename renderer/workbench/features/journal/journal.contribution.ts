// The Journal feature: the Journal view in the Side Bar, and the journal and notes in the Panel.

import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { JournalIcon } from '../../parts/icons';
import { registerPanelView, registerSideBarView } from '../../views/viewRegistry';
import { JournalPanel } from './JournalPanel';
import { JournalView } from './JournalView';
import { when } from '../../commands/when';
import { isItemTab } from '../../editor/tabKey';

registerPanelView({ id: 'journal', title: 'Journal and notes', order: 1, component: JournalPanel });
registerSideBarView({ id: 'journal', title: 'Journal', order: 4, commandId: 'workbench.showJournal', icon: JournalIcon, component: JournalView });

registerCommand({
  id: 'workbench.showJournal',
  title: 'Show Journal',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+J',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'journal' });
    focusView('journal');
  },
});

registerCommand({
  id: 'journal.focusNotes',
  title: 'Write Notes on This Lesson or Scenario',
  category: 'View',
  keybinding: 'CtrlCmd+Alt+N',
  when: when.workbenchFree,
  run(services) {
    const { tabs, activeTab } = services.layout.getSnapshot().context;
    services.layout.send({ type: 'SHOW_PANEL', view: 'journal' });
    const tab = activeTab === undefined ? undefined : tabs[activeTab];
    if (!isItemTab(tab)) services.announce('Open a lesson or scenario to write notes on it.');
    else focusView('notes');
  },
});
