// Editor commands: close and switch tabs from anywhere, and put focus in the editor.

import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import type { WorkbenchServices } from '../../services';
import { when } from '../../commands/when';
import { tabDomId } from '../../editor/tabKey';

function announceActive(services: WorkbenchServices) {
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  const tab = activeTab === undefined ? undefined : tabs[activeTab];
  const label = tab ? document.getElementById(tabDomId(tab))?.textContent : undefined;
  services.announce(label ? `${label}, tab ${activeTab! + 1} of ${tabs.length}.` : 'No tabs are open.');
}

registerCommand({
  id: 'editor.closeTab',
  title: 'Close Tab',
  category: 'Editor',
  keybinding: 'CtrlCmd+W',
  // Browsers keep Ctrl+W for themselves; Ctrl+F4 works in a browser tab too.
  secondaryKeybindings: ['Ctrl+F4'],
  when: when.editorHasTabs,
  async run(services) {
    // A source tab with unsaved text asks first (Save, Don't Save, Cancel).
    if (await services.closeTab()) announceActive(services);
  },
});

registerCommand({
  id: 'editor.nextTab',
  title: 'Show Next Tab',
  category: 'Editor',
  keybinding: 'Ctrl+Tab',
  secondaryKeybindings: ['CtrlCmd+PageDown'],
  when: when.editorHasTabs,
  run(services) {
    services.layout.send({ type: 'NEXT_TAB' });
    announceActive(services);
  },
});

registerCommand({
  id: 'editor.previousTab',
  title: 'Show Previous Tab',
  category: 'Editor',
  keybinding: 'Ctrl+Shift+Tab',
  secondaryKeybindings: ['CtrlCmd+PageUp'],
  when: when.editorHasTabs,
  run(services) {
    services.layout.send({ type: 'PREVIOUS_TAB' });
    announceActive(services);
  },
});

registerCommand({
  id: 'editor.focus',
  title: 'Focus Editor',
  category: 'View',
  keybinding: 'CtrlCmd+1',
  when: when.editorHasTabs,
  run() {
    focusView('editor');
  },
});

registerCommand({
  id: 'editor.focusTabs',
  title: 'Focus Tab Strip',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+1',
  when: when.editorHasTabs,
  run() {
    focusView('editorTabs');
  },
});

/** Moves the active tab one place along the strip, if there is room. */
function moveActive(services: WorkbenchServices, by: 1 | -1) {
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  if (activeTab === undefined) return;
  const to = activeTab + by;
  if (to < 0 || to >= tabs.length) return;
  services.layout.send({ type: 'MOVE_TAB', from: activeTab, to });
  services.announce(`Tab moved to place ${to + 1} of ${tabs.length}.`);
}

registerCommand({
  id: 'editor.moveTabRight',
  title: 'Move Tab Right',
  category: 'Editor',
  keybinding: 'CtrlCmd+Shift+PageDown',
  when: when.editorHasSeveralTabs,
  run: (services) => moveActive(services, 1),
});

registerCommand({
  id: 'editor.moveTabLeft',
  title: 'Move Tab Left',
  category: 'Editor',
  keybinding: 'CtrlCmd+Shift+PageUp',
  when: when.editorHasSeveralTabs,
  run: (services) => moveActive(services, -1),
});
