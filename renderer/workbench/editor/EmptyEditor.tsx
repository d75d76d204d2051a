// What the Editor shows with no tab open: how to find something to study.

import { formatKeybinding } from '../commands/keybinding';
import { getCommand } from '../commands/commandRegistry';
import { useServices } from '../WorkbenchContext';

const SUGGESTED = ['workbench.quickOpen', 'workbench.showCourses', 'workbench.commandPalette', 'help.showShortcuts'];

/** The empty editor's welcome. */
export function EmptyEditor() {
  const services = useServices();
  const platform = services.platform();
  return (
    <div className="wb-empty">
      <h1>Health Creation Studio</h1>
      <p>Open a lesson or scenario from the Courses view, or find one by name.</p>
      <ul className="wb-empty-actions">
        {SUGGESTED.map((id) => {
          const command = getCommand(id);
          if (!command) return null;
          return (
            <li key={id}>
              <button type="button" className="wb-link-button" onClick={() => void services.runCommand(id)}>
                {command.title}
              </button>
              {command.keybinding && <kbd>{formatKeybinding(command.keybinding, platform)}</kbd>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
