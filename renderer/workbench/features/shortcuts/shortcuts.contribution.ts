// The Shortcuts feature: a view listing every command's shortcut, opened as a tab.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { WORKBENCH_VIEW_COURSE } from '../../services';
import { registerEditorView } from '../../views/viewRegistry';
import { when } from '../../commands/when';

registerEditorView({
  id: 'shortcuts',
  title: 'Keyboard Shortcuts',
  component: lazy(() => import('./ShortcutsView').then((m) => ({ default: m.ShortcutsView }))),
});

registerCommand({
  id: 'help.showShortcuts',
  title: 'Show Keyboard Shortcuts',
  category: 'Help',
  keybinding: 'CtrlCmd+Alt+K',
  when: when.learnerReady,
  async run(services) {
    await services.openTab({ courseId: WORKBENCH_VIEW_COURSE, kind: 'view', itemId: 'shortcuts' });
  },
});
