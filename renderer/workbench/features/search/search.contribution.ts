// Search across every course on this machine.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { SearchIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';
import { when } from '../../commands/when';

registerSideBarView({
  id: 'search',
  title: 'Search',
  order: 2,
  commandId: 'workbench.showSearch',
  icon: SearchIcon,
  component: lazy(() => import('./SearchView').then((m) => ({ default: m.SearchView }))),
});

registerCommand({
  id: 'workbench.showSearch',
  title: 'Search All Courses',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+F',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'search' });
    focusView('search');
  },
});
