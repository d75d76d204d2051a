// The Progress view: charts of how far the learner has come in the open course.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { focusWhenReady } from '../../focus';
import { ProgressIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';

registerSideBarView({
  id: 'progress',
  title: 'Progress',
  order: 3,
  commandId: 'workbench.showProgress',
  icon: ProgressIcon,
  component: lazy(() => import('./ProgressView').then((m) => ({ default: m.ProgressView }))),
});

registerCommand({
  id: 'workbench.showProgress',
  title: 'Show Progress',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+G',
  when: 'learnerReady',
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'progress' });
    focusWhenReady('.wb-progress');
  },
});
