// The Settings feature.

import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { SettingsIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';
import { SettingsView } from './SettingsView';
import { when } from '../../commands/when';

registerSideBarView({ id: 'settings', title: 'Settings', order: 5, commandId: 'workbench.showSettings', icon: SettingsIcon, component: SettingsView });

registerCommand({
  id: 'workbench.showSettings',
  title: 'Show Settings',
  category: 'Preferences',
  keybinding: 'CtrlCmd+,',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'settings' });
    focusView('settings');
  },
});
