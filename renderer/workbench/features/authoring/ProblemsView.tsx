// The Problems view, like VS Code's: every diagnostic of every course pack the author
// has open, with its severity in words and an icon, its message and code, and its file,
// line and column. A list with one tab stop: arrows move, Enter (or a click) opens the
// file at the place, and F8 / Shift+F8 walk the same list from anywhere.

import { useSelector } from '@xstate/react';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { ErrorIcon, WarningIcon } from '../../parts/icons';
import { focusFirst, useFocusable } from '../../views/viewFocus';
import { useServices, useSession } from '../../WorkbenchContext';
import { openSource } from './authorCommands';
import { selectProblem, useAuthorSelection } from './authorSelection';
import { problemCounts, problemList, type Problem } from './problemsModel';

/** The Problems view. */
export function ProblemsView() {
  const services = useServices();
  const packs = useSelector(services.author, (s) => s.context.packs);
  const courses = useSession((s) => s.context.courses);
  const selection = useAuthorSelection();
  const list = useMemo(() => problemList(packs), [packs]);
  const counts = useMemo(() => problemCounts(packs), [packs]);
  const ref = useRef<HTMLUListElement>(null);
  const current = list.find((p) => p.id === selection.problem) ?? list[0];
  useFocusable('problems', useCallback(() => focusFirst(ref.current?.parentElement ?? null, '[role="listbox"]'), [list.length]));

  const go = (problem: Problem) => {
    selectProblem(problem.id);
    const d = problem.diagnostic;
    void openSource(services, { courseId: problem.courseId, path: d.file, line: d.line, column: d.column });
  };
  const move = (to: Problem | undefined) => {
    if (!to) return;
    selectProblem(to.id);
    requestAnimationFrame(() => ref.current?.querySelector(`[data-problem-id="${CSS.escape(to.id)}"]`)?.scrollIntoView({ block: 'nearest' }));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = list.indexOf(current);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(list[at + 1]),
      ArrowUp: () => move(list[at - 1]),
      Home: () => move(list[0]),
      End: () => move(list[list.length - 1]),
      Enter: () => go(current),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const tracked = Object.keys(packs);
  if (tracked.length === 0) {
    return <p className="wb-hint wb-problems-empty">No course is open for authoring. Open one in the Author view (Ctrl+Alt+A) to see its problems here.</p>;
  }
  const checking = Object.values(packs).some((p) => p.diagnostics === undefined);
  const titleOf = (id: string) => courses.find((c) => c.id === id)?.title ?? id;
  const summary = `${counts.errors} error${counts.errors === 1 ? '' : 's'} and ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'} in ${tracked.map(titleOf).join(', ')}`;

  return (
    <div className="wb-problems">
      <p className="wb-hint wb-panel-hint" role="status">
        {checking && list.length === 0 ? 'Checking…' : summary}
      </p>
      {Object.values(packs).some((p) => p.checkError) && (
        <p role="alert">{Object.values(packs).find((p) => p.checkError)?.checkError}</p>
      )}
      {list.length === 0 ? (
        <p className="wb-hint">{checking ? '' : 'No problems: every file reads as it should.'}</p>
      ) : (
        <ul
          className="wb-problem-list"
          role="listbox"
          aria-label="Problems"
          tabIndex={0}
          ref={ref}
          aria-activedescendant={current ? domId(current) : undefined}
          onKeyDown={onKeyDown}
        >
          {list.map((p) => {
            const d = p.diagnostic;
            const selected = p === current;
            return (
              <li
                key={p.id}
                id={domId(p)}
                role="option"
                aria-selected={selected}
                data-problem-id={p.id}
                data-severity={d.severity}
                className={`wb-problem${selected ? ' wb-problem-current' : ''}`}
                onClick={() => go(p)}
              >
                <span className={`wb-problem-severity wb-problem-${d.severity}`}>
                  {d.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
                  <span className="wb-problem-word">{d.severity === 'error' ? 'Error' : 'Warning'}</span>
                </span>
                <span className="wb-problem-message">{d.message}</span>
                <span className="wb-problem-code">{d.code}</span>
                <span className="wb-problem-place">
                  {tracked.length > 1 ? `${titleOf(p.courseId)}: ` : ''}
                  {d.file}:{d.line}:{d.column}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function domId(p: Problem): string {
  return `problem-${p.id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}
