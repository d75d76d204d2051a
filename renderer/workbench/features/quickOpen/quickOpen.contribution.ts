// Quick Open (find any lesson or scenario by fuzzy name) and the Command Palette
// (run any command by name): two modes of one quick input.

import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';

registerCommand({
  id: 'workbench.quickOpen',
  title: 'Go to Lesson or Scenario…',
  category: 'Go',
  keybinding: 'CtrlCmd+P',
  when: when.learnerReady,
  run(services) {
    services.overlay.send({ type: 'QUICK_OPEN', mode: 'items' });
    // Quick Open finds items in every course, so load the ones not opened yet.
    for (const entry of services.session.getSnapshot().context.courses) {
      if (entry.status === 'ok') void services.ensureCourse(entry.id);
    }
  },
});

registerCommand({
  id: 'workbench.commandPalette',
  title: 'Show All Commands',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+P',
  secondaryKeybindings: ['F1'],
  run(services) {
    services.overlay.send({ type: 'QUICK_OPEN', mode: 'commands' });
  },
});
