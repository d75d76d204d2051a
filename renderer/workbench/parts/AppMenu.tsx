// The application menu at the foot of the Activity Bar, as VS Code's Manage menu:
// every command a learner can run, grouped by category, read from the command
// registry like the palette. A WAI-ARIA menu button: arrows move, Enter runs, Escape
// closes and returns focus to the button.

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { allCommands } from '../commands/commandRegistry';
import { formatKeybinding } from '../commands/keybinding';
import { applies } from '../commands/when';
import { useServices } from '../WorkbenchContext';

/** The menu button and its menu. */
export function AppMenu() {
  const services = useServices();
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const platform = services.platform();

  const keys = services.context();
  const groups = new Map<string, ReturnType<typeof allCommands>>();
  for (const c of allCommands()) {
    if (c.internal || !applies(c.when, keys)) continue;
    groups.set(c.category, [...(groups.get(c.category) ?? []), c]);
  }

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const show = (focus: 'first' | 'last') => {
    setOpen(true);
    requestAnimationFrame(() => {
      const all = items();
      (focus === 'first' ? all[0] : all[all.length - 1])?.focus();
    });
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = { ArrowDown: (at + 1) % all.length, ArrowUp: (at - 1 + all.length) % all.length, Home: 0, End: all.length - 1 };
    if (event.key in move) {
      event.preventDefault();
      all[move[event.key]!]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="wb-appmenu">
      <button
        ref={buttonRef}
        type="button"
        className="wb-activity"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close() : show('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <svg style={{ width: '1.5rem', height: '1.5rem' }} viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
        <span className="wb-activity-label">Menu</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          className="wb-menu"
          role="menu"
          id={`${id}-menu`}
          aria-labelledby={`${id}-button`}
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node) && e.relatedTarget !== buttonRef.current) setOpen(false);
          }}
        >
          {[...groups.entries()].map(([category, commands]) => (
            <div key={category} role="group" aria-label={category} className="wb-menu-group">
              <div className="wb-menu-heading" aria-hidden="true">
                {category}
              </div>
              {commands.map((c) => (
                <div
                  key={c.id}
                  role="menuitem"
                  tabIndex={-1}
                  className="wb-menu-item"
                  onClick={() => {
                    close();
                    void services.runCommand(c.id);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      close();
                      void services.runCommand(c.id);
                    }
                  }}
                >
                  <span>{c.title}</span>
                  {c.keybinding && <kbd aria-hidden="true">{formatKeybinding(c.keybinding, platform)}</kbd>}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
