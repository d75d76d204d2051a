// Prerequisites must form no cycle, or no learner could ever unlock the modules on it.

/** A module's prerequisites, in the order module.yaml lists them. */
export interface PrerequisiteNode {
  id: string;
  prerequisites: readonly string[];
}

/** A cycle found: the modules on it in order (first repeated at the end), and the edge that closes it. */
export interface PrerequisiteCycle {
  cycle: string[];
  /** The module whose prerequisite entry closes the cycle, and that entry's index. */
  closedBy: { moduleId: string; index: number };
}

/** Finds each cycle in the prerequisite graph once, by depth-first search in study order. */
export function findPrerequisiteCycles(modules: readonly PrerequisiteNode[]): PrerequisiteCycle[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: PrerequisiteCycle[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    byId.get(id)?.prerequisites.forEach((next, index) => {
      if (!byId.has(next)) return;
      const seen = state.get(next);
      if (seen === 'active') {
        cycles.push({ cycle: [...stack.slice(stack.indexOf(next)), next], closedBy: { moduleId: id, index } });
      } else if (seen === undefined) visit(next);
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const m of modules) if (!state.has(m.id)) visit(m.id);
  return cycles;
}
