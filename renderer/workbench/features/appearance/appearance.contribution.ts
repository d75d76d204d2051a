// Appearance: colour themes and zoom, each a command with a shortcut.

import type { ThemeSetting } from '../../../../engine/api/studioApi';
import { registerCommand } from '../../commands/commandRegistry';

const THEMES: { theme: ThemeSetting; title: string; key: string }[] = [
  { theme: 'light', title: 'Light Theme', key: 'CtrlCmd+Alt+1' },
  { theme: 'dark', title: 'Dark Theme', key: 'CtrlCmd+Alt+2' },
  { theme: 'high-contrast', title: 'High Contrast Theme', key: 'CtrlCmd+Alt+3' },
  { theme: 'system', title: 'Theme Follows the System', key: 'CtrlCmd+Alt+4' },
];

for (const { theme, title, key } of THEMES) {
  registerCommand({
    id: `appearance.theme.${theme}`,
    title,
    category: 'Preferences',
    keybinding: key,
    run(services) {
      services.layout.send({ type: 'SET_THEME', theme });
      services.announce(`${title} on.`);
    },
  });
}

const zoomSaid = (services: Parameters<Parameters<typeof registerCommand>[0]['run']>[0]) =>
  services.announce(`Zoom ${Math.round(services.layout.getSnapshot().context.zoom * 100)}%.`);

registerCommand({
  id: 'appearance.zoomIn',
  title: 'Zoom In',
  category: 'View',
  keybinding: 'CtrlCmd+=',
  run(services) {
    services.layout.send({ type: 'ZOOM', by: 0.1 });
    zoomSaid(services);
  },
});

registerCommand({
  id: 'appearance.zoomOut',
  title: 'Zoom Out',
  category: 'View',
  keybinding: 'CtrlCmd+-',
  run(services) {
    services.layout.send({ type: 'ZOOM', by: -0.1 });
    zoomSaid(services);
  },
});

registerCommand({
  id: 'appearance.zoomReset',
  title: 'Reset Zoom',
  category: 'View',
  keybinding: 'CtrlCmd+0',
  run(services) {
    services.layout.send({ type: 'ZOOM_RESET' });
    zoomSaid(services);
  },
});
