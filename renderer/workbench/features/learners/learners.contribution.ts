// Learners: switch who is studying (a shared lab PC has several), keep one's work
// behind a PIN, and delete a profile.

import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';

registerCommand({
  id: 'learner.switch',
  title: 'Switch Learner…',
  category: 'Learner',
  keybinding: 'CtrlCmd+Alt+L',
  when: when.learnerReady,
  run(services) {
    services.overlay.send({ type: 'LEARNER_PICKER' });
  },
});

registerCommand({
  id: 'learner.managePin',
  title: 'Set, Change or Remove My PIN…',
  category: 'Learner',
  keybinding: 'CtrlCmd+Alt+Shift+K',
  when: when.workbenchFree,
  run(services) {
    services.overlay.send({ type: 'PIN' });
  },
});

registerCommand({
  id: 'learner.delete',
  title: 'Delete Learner…',
  category: 'Learner',
  keybinding: 'CtrlCmd+Alt+Shift+D',
  when: when.workbenchFree,
  run(services) {
    services.overlay.send({ type: 'DELETE_LEARNER' });
  },
});
