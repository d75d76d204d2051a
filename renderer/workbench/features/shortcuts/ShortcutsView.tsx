// The Shortcuts view: every command and its keyboard shortcut, read from the same
// registry the Command Palette and the key dispatcher use, so it cannot go stale.

import { useMemo, useSyncExternalStore } from 'react';
import { allCommands, commandsVersion, onCommandsChanged } from '../../commands/commandRegistry';
import { ariaKeyshortcut, formatKeybinding } from '../../commands/keybinding';
import { useServices } from '../../WorkbenchContext';

/** The Shortcuts view. */
export function ShortcutsView() {
  const services = useServices();
  const version = useSyncExternalStore(onCommandsChanged, commandsVersion);
  const platform = services.platform();
  const groups = useMemo(() => {
    const byCategory = new Map<string, ReturnType<typeof allCommands>>();
    for (const c of allCommands()) {
      if (c.internal) continue;
      byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
    }
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [version]);

  return (
    <div className="wb-shortcuts">
      <h1>Keyboard shortcuts</h1>
      <p>Every action in the studio has a shortcut. The Command Palette ({formatKeybinding('CtrlCmd+Shift+P', platform)}) runs any of them by name.</p>
      {groups.map(([category, commands]) => (
        <table key={category} className="wb-shortcuts-table">
          <caption>{category}</caption>
          <thead>
            <tr>
              <th scope="col">Command</th>
              <th scope="col">Shortcut</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>
                  {[c.keybinding, ...(c.secondaryKeybindings ?? [])]
                    .filter((k): k is string => Boolean(k))
                    .map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' or '}
                        <kbd>
                          <span aria-hidden="true">{formatKeybinding(k, platform)}</span>
                          <span className="sr-only">{ariaKeyshortcut(k, platform)}</span>
                        </kbd>
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
