// `when` clauses decide whether a command applies now, as in VS Code: context keys
// joined with && and ||, each optionally negated with !. Kept this small on purpose.

/** Context keys the workbench sets, e.g. { courseOpen: true, editorHasTabs: false }. */
export type ContextKeys = Readonly<Record<string, boolean>>;

/** Evaluates a when clause such as "courseOpen && !dialogOpen"; no clause means always. */
export function evaluateWhen(when: string | undefined, keys: ContextKeys): boolean {
  if (!when || !when.trim()) return true;
  return when.split('||').some((conjunct) =>
    conjunct.split('&&').every((term) => {
      const t = term.trim();
      return t.startsWith('!') ? !keys[t.slice(1).trim()] : Boolean(keys[t]);
    }),
  );
}
