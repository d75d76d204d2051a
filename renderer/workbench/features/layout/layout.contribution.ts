// Layout commands: show or hide the Side Bar and the Panel, and move between the parts.

import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { when } from '../../commands/when';

registerCommand({
  id: 'workbench.toggleSideBar',
  title: 'Toggle Side Bar',
  category: 'View',
  keybinding: 'CtrlCmd+B',
  when: when.workbenchFree,
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
  when: when.workbenchFree,
  run(services) {
    services.layout.send({ type: 'TOGGLE_PANEL' });
    const shown = services.layout.getSnapshot().context.panelVisible;
    services.announce(shown ? 'Journal panel shown.' : 'Journal panel hidden.');
    if (shown) focusView('panel');
  },
});

registerCommand({
  id: 'workbench.focusSideBar',
  title: 'Focus Side Bar',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+0',
  when: when.workbenchFree,
  run(services) {
    if (!services.layout.getSnapshot().context.sideBarVisible) services.layout.send({ type: 'TOGGLE_SIDE_BAR' });
    focusView('sideBar');
  },
});

/** The workbench's parts in F6 order, each with where focus lands in it. */
const PARTS: { part: string; target: string }[] = [
  { part: '.wb-activitybar', target: '.wb-activity[aria-pressed="true"], .wb-activity' },
  { part: '.wb-sidebar', target: '[role="treeitem"][tabindex="0"], .wb-sidebar input, .wb-sidebar button' },
  { part: '.wb-editor', target: '.wb-tabs [role="tab"][aria-selected="true"], .wb-editor button' },
  { part: '.wb-panel', target: '.wb-panel textarea, .wb-panel button' },
  { part: '.wb-statusbar', target: '.wb-statusbar button' },
];

/** Moves focus to the next (or previous) part that is shown, as F6 does in VS Code. */
function focusPart(step: 1 | -1) {
  const shown = PARTS.filter((p) => document.querySelector(p.part));
  if (shown.length === 0) return;
  const here = shown.findIndex((p) => document.activeElement?.closest(p.part));
  // From outside every part, F6 starts at the first part and Shift+F6 at the last.
  const from = here === -1 ? (step === 1 ? -1 : shown.length) : here;
  const next = shown[(from + step + shown.length) % shown.length]!;
  document.querySelector<HTMLElement>(`${next.part} :is(${next.target})`)?.focus();
}

registerCommand({
  id: 'workbench.focusNextPart',
  title: 'Focus Next Part',
  category: 'View',
  keybinding: 'F6',
  when: when.workbenchFree,
  run: () => focusPart(1),
});

registerCommand({
  id: 'workbench.focusPreviousPart',
  title: 'Focus Previous Part',
  category: 'View',
  keybinding: 'Shift+F6',
  when: when.workbenchFree,
  run: () => focusPart(-1),
});
