// The Activity Bar: one button per Side Bar view. Pressing the shown view's button
// again hides the Side Bar, as in VS Code.

import { allCommands } from '../commands/commandRegistry';
import { formatKeybinding } from '../commands/keybinding';
import { getSideBarViews } from '../views/viewRegistry';
import { AppMenu } from './AppMenu';
import { useLayout, useServices } from '../WorkbenchContext';

/** The Activity Bar landmark. */
export function ActivityBar() {
  const services = useServices();
  const current = useLayout((s) => (s.context.sideBarVisible ? s.context.sideBarView : undefined));
  const platform = services.platform();
  const keyOf = (commandId: string) => allCommands().find((c) => c.id === commandId)?.keybinding;
  return (
    <nav className="wb-activitybar" aria-label="Activity Bar">
      <ul>
        {getSideBarViews().map((view) => {
          const key = keyOf(view.commandId);
          const Icon = view.icon;
          return (
            <li key={view.id}>
              <button
                type="button"
                className="wb-activity"
                aria-pressed={current === view.id}
                title={key ? `${view.title} (${formatKeybinding(key, platform)})` : view.title}
                onClick={() =>
                  current === view.id
                    ? services.layout.send({ type: 'TOGGLE_SIDE_BAR' })
                    : services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: view.id })
                }
              >
                <Icon />
                <span className="wb-activity-label">{view.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <AppMenu />
    </nav>
  );
}
