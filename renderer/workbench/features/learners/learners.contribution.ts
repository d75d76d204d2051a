// Learners: switch who is studying (a shared lab PC has several).

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
