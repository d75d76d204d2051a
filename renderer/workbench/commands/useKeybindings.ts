// Dispatches key presses to commands: the first registered command whose keybinding
// matches and whose when clause holds runs, and the browser's own action is stopped.

import { useEffect } from 'react';
import { allCommands } from './commandRegistry';
import { matchesKeybinding } from './keybinding';
import { applies } from './when';
import type { WorkbenchServices } from '../services';

/** Listens for keybindings on the window while the workbench is mounted. */
export function useKeybindings(services: WorkbenchServices): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const platform = services.platform();
      const keys = services.context();
      for (const command of allCommands()) {
        const bindings = [command.keybinding, ...(command.secondaryKeybindings ?? [])];
        if (!bindings.some((b) => b && matchesKeybinding(event, b, platform))) continue;
        if (!applies(command.when, keys)) continue;
        event.preventDefault();
        event.stopPropagation();
        void services.runCommand(command.id);
        return;
      }
    };
    // Capture phase, so a focused text box cannot swallow Ctrl+P before the workbench sees it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [services]);
}
