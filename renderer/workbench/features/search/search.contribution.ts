// Search across every course on this machine.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { focusWhenReady } from '../../focus';
import { SearchIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';

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
  when: 'learnerReady',
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'search' });
    focusWhenReady('.wb-search input');
  },
});
