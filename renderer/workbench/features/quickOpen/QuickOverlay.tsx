// The quick input filled for its mode: lessons and scenarios of every course, or
// every command that applies now with its shortcut.

import { useMemo } from 'react';
import { allCommands } from '../../commands/commandRegistry';
import { formatKeybinding } from '../../commands/keybinding';
import { applies } from '../../commands/when';
import { courseItems } from '../../course/courseItems';
import { courseFacts } from '../../course/courseFacts';
import { linkedGlossary } from '../../../../engine/course/textLinks';
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
      out.push({
        id: `${course.id}/course`,
        label: course.title,
        description: `Course page · ${courseFacts(course).slice(0, 2).join(', ')}`,
        run: () => void services.runCommand('course.showPage', { courseId: course.id }),
      });
      for (const item of courseItems(course)) {
        out.push({
          id: `${course.id}/${item.kind}/${item.id}`,
          label: item.title,
          description: `${item.kind === 'scenario' ? 'Scenario · ' : ''}${item.module.title} · ${course.title}`,
          run: () => void services.runCommand('course.openLesson', { courseId: course.id, kind: item.kind, itemId: item.id }),
        });
      }
      // Glossary terms after the lessons, so a lesson's own name still comes first among equal matches.
      for (const entry of linkedGlossary(course.glossary)) {
        out.push({
          id: `${course.id}/term/${entry.slug}`,
          label: entry.term,
          description: `Glossary · ${course.title}`,
          run: () => void services.runCommand('course.showGlossary', { courseId: course.id, term: entry.slug }),
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
      placeholder="Type the name of a course, lesson, scenario or glossary term (type > for commands)"
      items={lessonItems}
      emptyText="No course, lesson, scenario or term matches."
      onValueChange={(value) => {
        if (!value.startsWith('>')) return false;
        services.overlay.send({ type: 'QUICK_OPEN', mode: 'commands' });
        return true;
      }}
      onClose={close}
    />
  );
}
