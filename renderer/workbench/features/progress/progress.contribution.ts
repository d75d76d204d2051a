// The Progress view: charts of how far the learner has come in the open course.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { ProgressIcon } from '../../parts/icons';
import { registerSideBarView } from '../../views/viewRegistry';
import { when } from '../../commands/when';

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
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'progress' });
    focusView('progress');
  },
});
