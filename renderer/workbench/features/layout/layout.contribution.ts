// Layout commands: show or hide the Side Bar and the Panel.

import { registerCommand } from '../../commands/commandRegistry';
import { focusWhenReady } from '../../focus';

registerCommand({
  id: 'workbench.toggleSideBar',
  title: 'Toggle Side Bar',
  category: 'View',
  keybinding: 'CtrlCmd+B',
  when: 'learnerReady && !overlayOpen',
  run(services) {
    services.layout.send({ type: 'TOGGLE_SIDE_BAR' });
    services.announce(services.layout.getSnapshot().context.sideBarVisible ? 'Side Bar shown.' : 'Side Bar hidden.');
  },
});

registerCommand({
  id: 'workbench.togglePanel',
  title: 'Toggle Journal Panel',
  category: 'View',
  keybinding: 'CtrlCmd+J',
  when: 'learnerReady && !overlayOpen',
  run(services) {
    services.layout.send({ type: 'TOGGLE_PANEL' });
    const shown = services.layout.getSnapshot().context.panelVisible;
    services.announce(shown ? 'Journal panel shown.' : 'Journal panel hidden.');
    if (shown) focusWhenReady('.wb-panel textarea, .wb-panel [tabindex="0"], .wb-panel button');
  },
});

registerCommand({
  id: 'workbench.focusSideBar',
  title: 'Focus Side Bar',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+0',
  when: 'learnerReady && !overlayOpen',
  run(services) {
    if (!services.layout.getSnapshot().context.sideBarVisible) services.layout.send({ type: 'TOGGLE_SIDE_BAR' });
    focusWhenReady('.wb-sidebar [tabindex="0"], .wb-sidebar input, .wb-sidebar button');
  },
});
