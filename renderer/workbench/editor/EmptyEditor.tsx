// What the Editor shows with no tab open: how to find something to study.

import { formatKeybinding } from '../commands/keybinding';
import { getCommand, type CommandId } from '../commands/commandRegistry';
import { applies } from '../commands/when';
import { useLayout, useServices, useSession } from '../WorkbenchContext';

const SUGGESTED: readonly CommandId[] = ['course.continue', 'course.showPage', 'workbench.quickOpen', 'workbench.showCourses', 'workbench.commandPalette', 'help.showShortcuts'];

/** The empty editor's welcome. */
export function EmptyEditor() {
  const services = useServices();
  const platform = services.platform();
  // Re-render when a course opens, so "Continue" appears once it applies.
  const openCourse = useSession((s) => {
    const id = services.layout.getSnapshot().context.openCourseId;
    return id ? s.context.opened[id]?.course.title : undefined;
  });
  useLayout((s) => s.context.openCourseId);
  return (
    <div className="wb-empty">
      <h1>Health Creation Studio</h1>
      <p>
        {openCourse ? `Pick up ${openCourse} where you left off, open` : 'Open'} a lesson or scenario from the Courses view, or find one by
        name.
      </p>
      <ul className="wb-empty-actions">
        {SUGGESTED.map((id) => {
          const command = getCommand(id);
          if (!command || !applies(command.when, services.context())) return null;
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
