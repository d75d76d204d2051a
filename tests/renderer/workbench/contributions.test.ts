import { describe, expect, it } from 'vitest';
import '../../../renderer/workbench/contributions';
import { COMMAND_IDS, allCommands } from '../../../renderer/workbench/commands/commandRegistry';
import { getSideBarViews } from '../../../renderer/workbench/views/viewRegistry';

describe('the workbench contributions', () => {
  const commands = allCommands();

  it('give every command a learner can run a keyboard shortcut', () => {
    const without = commands.filter((c) => !c.internal && !c.keybinding).map((c) => c.id);
    expect(without).toEqual([]);
  });

  it('never give two commands the same shortcut', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of commands) {
      for (const key of [c.keybinding, ...(c.secondaryKeybindings ?? [])]) {
        if (!key) continue;
        const other = seen.get(key.toLowerCase());
        if (other) clashes.push(`${key}: ${other} and ${c.id}`);
        seen.set(key.toLowerCase(), c.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('put the six views in the Activity Bar in order', () => {
    expect(getSideBarViews().map((v) => v.title)).toEqual(['Courses', 'Search', 'Progress', 'Journal', 'Author', 'Settings']);
  });

  it('register exactly the command ids the workbench declares, so no declared id is left without its command', () => {
    expect(commands.map((c) => c.id).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('give every Activity Bar view a command that shows it', () => {
    const ids = new Set<string>(commands.map((c) => c.id));
    expect(getSideBarViews().filter((v) => !ids.has(v.commandId))).toEqual([]);
  });
});
