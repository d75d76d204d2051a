// The quick input filled for its mode: lessons and scenarios of every course, or
// every command that applies now with its shortcut.

import { useMemo } from 'react';
import { allCommands } from '../../commands/commandRegistry';
import { formatKeybinding } from '../../commands/keybinding';
import { applies } from '../../commands/when';
import { courseItems } from '../../course/courseItems';
import { QuickInput, type QuickItem } from '../../quickInput/QuickInput';
import { useOverlay, useServices, useSession } from '../../WorkbenchContext';

/** Quick Open or the Command Palette, as the overlay's mode says. */
export function QuickOverlay() {
  const services = useServices();
  const mode = useOverlay((s) => s.context.mode);
  const opened = useSession((s) => s.context.opened);
  const close = () => services.overlay.send({ type: 'CLOSE' });

  const lessonItems = useMemo((): QuickItem[] => {
    const out: QuickItem[] = [];
    for (const { course } of Object.values(opened)) {
      for (const item of courseItems(course)) {
        out.push({
          id: `${course.id}/${item.kind}/${item.id}`,
          label: item.title,
          description: `${item.kind === 'scenario' ? 'Scenario · ' : ''}${item.module.title} · ${course.title}`,
          run: () => void services.runCommand('course.openLesson', { courseId: course.id, kind: item.kind, itemId: item.id }),
        });
      }
    }
    return out;
  }, [opened, services]);

  const commandItems = useMemo((): QuickItem[] => {
    const keys = { ...services.context(), overlayOpen: false };
    const platform = services.platform();
    return allCommands()
      .filter((c) => !c.internal && applies(c.when, keys))
      .map((c) => ({
        id: c.id,
        label: `${c.category}: ${c.title}`,
        detail: c.keybinding ? formatKeybinding(c.keybinding, platform) : undefined,
        run: () => void services.runCommand(c.id),
      }));
  }, [services]);

  if (mode === 'commands') {
    return (
      <QuickInput
        key="commands"
        title="Command Palette"
        placeholder="Type the name of a command to run"
        initialValue=">"
        items={commandItems}
        emptyText="No command matches."
        onValueChange={(value) => {
          if (value.startsWith('>')) return false;
          services.overlay.send({ type: 'QUICK_OPEN', mode: 'items' });
          return true;
        }}
        onClose={close}
      />
    );
  }
  return (
    <QuickInput
      key="items"
      title="Go to Lesson or Scenario"
      placeholder="Type a lesson or scenario name (type > for commands)"
      items={lessonItems}
      emptyText="No lesson or scenario matches."
      onValueChange={(value) => {
        if (!value.startsWith('>')) return false;
        services.overlay.send({ type: 'QUICK_OPEN', mode: 'commands' });
        return true;
      }}
      onClose={close}
    />
  );
}
