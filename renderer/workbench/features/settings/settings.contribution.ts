// The Settings feature.

import { registerCommand } from '../../commands/commandRegistry';
import { focusWhenReady } from '../../focus';
import { SettingsIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';
import { SettingsView } from './SettingsView';

registerSideBarView({ id: 'settings', title: 'Settings', order: 5, commandId: 'workbench.showSettings', icon: SettingsIcon, component: SettingsView });

registerCommand({
  id: 'workbench.showSettings',
  title: 'Show Settings',
  category: 'Preferences',
  keybinding: 'CtrlCmd+,',
  when: 'learnerReady',
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'settings' });
    focusWhenReady('.wb-settings input:checked');
  },
});
