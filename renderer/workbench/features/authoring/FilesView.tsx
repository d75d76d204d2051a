// The Files view of the Author activity: the course pack's folders and files as a tree
// (the WAI-ARIA tree pattern, as the Courses view: arrows move and expand, Home/End
// jump, Enter opens a file in a source tab, F2 renames, Delete deletes), with the pack
// chosen above it and the commands that add to it beside.

import { useSelector } from '@xstate/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PackTreeEntry } from '../../../../engine/api/studioApi';
import { getCommand, type CommandId } from '../../commands/commandRegistry';
import { formatKeybinding } from '../../commands/keybinding';
import { ChevronIcon, FolderIcon, SourceIcon } from '../../parts/icons';
import { focusFirst, useFocusable } from '../../views/viewFocus';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { openSource, offerCopy } from './authorCommands';
import { selectFile, useAuthorSelection } from './authorSelection';

const ACTIONS: ReadonlyArray<{ id: CommandId; label: string }> = [
  { id: 'author.newModule', label: 'New Module' },
  { id: 'author.newLesson', label: 'New Lesson' },
  { id: 'author.newScenario', label: 'New Scenario' },
];

interface Row {
  entry: PackTreeEntry;
  level: number;
  parent?: PackTreeEntry;
}

/** The rows a keyboard walks through: entries whose folders are all expanded, in order. */
function visibleRows(root: PackTreeEntry | undefined, expanded: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const walk = (entries: readonly PackTreeEntry[], level: number, parent?: PackTreeEntry) => {
    for (const entry of entries) {
      rows.push({ entry, level, ...(parent ? { parent } : {}) });
      if (entry.kind === 'folder' && expanded.has(entry.path)) walk(entry.children ?? [], level + 1, entry);
    }
  };
  if (root) walk(root.children ?? [], 1);
  return rows;
}

/** The Files view. */
export function FilesView() {
  const services = useServices();
  const platform = services.platform();
  const courses = useSession((s) => s.context.courses);
  const courseId = useLayout((s) => s.context.openCourseId);
  const known = courses.some((c) => c.id === courseId);
  const pack = useSelector(services.author, (s) => (courseId ? s.context.packs[courseId] : undefined));
  const activePath = useLayout((s) => {
    const tab = s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab];
    return tab?.kind === 'file' && tab.courseId === courseId ? tab.itemId : undefined;
  });
  const selection = useAuthorSelection();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['modules']));
  const treeRef = useRef<HTMLUListElement>(null);
  const selectId = useId();

  useEffect(() => {
    if (courseId && known) services.author.send({ type: 'TRACK_PACK', courseId });
  }, [courseId, known, services]);

  // The active source file's folders open, so it can be seen.
  useEffect(() => {
    if (!activePath) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      const parts = activePath.split('/');
      for (let i = 1; i < parts.length; i++) next.add(parts.slice(0, i).join('/'));
      return next.size === prev.size ? prev : next;
    });
  }, [activePath]);

  const rows = useMemo(() => visibleRows(pack?.tree?.root, expanded), [pack?.tree, expanded]);
  const selectedPath = selection.file && selection.file.courseId === courseId ? selection.file.path : undefined;
  const focused = rows.find((r) => r.entry.path === selectedPath) ?? rows.find((r) => r.entry.path === activePath) ?? rows[0];
  useFocusable('author', useCallback(() => focusFirst(treeRef.current, '[role="treeitem"][tabindex="0"]') || focusFirst(treeRef.current?.parentElement ?? null, 'select'), [rows]));

  if (courses.length === 0) return <p className="wb-hint">No courses were found. Use New Course to start one.</p>;

  const choose = (entry: PackTreeEntry) => {
    if (courseId) selectFile({ courseId, path: entry.path, kind: entry.kind });
    const row = () => treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(entry.path)}"]`);
    // At once when the row is there, so a quick run of keys moves from where focus is; a row just shown, after it renders.
    const now = row();
    if (now) now.focus();
    else requestAnimationFrame(() => row()?.focus());
  };
  const toggle = (entry: PackTreeEntry, open?: boolean) => {
    if (entry.kind !== 'folder') return;
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(entry.path)) next.add(entry.path);
      else next.delete(entry.path);
      return next;
    });
  };
  const activate = (entry: PackTreeEntry) => {
    if (entry.kind === 'folder') toggle(entry);
    else if (entry.kind === 'file' && courseId) void openSource(services, { courseId, path: entry.path });
    else services.announce(`${entry.path} is a link, and Health Creation Studio opens only real files inside the course pack.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // The row with focus, read from the page: keys may come faster than the selection re-renders.
    const at = (event.target as HTMLElement).closest('[role="treeitem"]')?.getAttribute('data-path');
    const current = rows.find((r) => r.entry.path === at) ?? focused;
    if (!current || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = rows.indexOf(current);
    const { entry, parent } = current;
    const open = expanded.has(entry.path);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (rows[index + 1]) choose(rows[index + 1]!.entry);
        break;
      case 'ArrowUp':
        if (rows[index - 1]) choose(rows[index - 1]!.entry);
        break;
      case 'ArrowRight':
        if (entry.kind === 'folder' && !open) toggle(entry, true);
        else if (entry.kind === 'folder' && entry.children?.[0]) choose(entry.children[0]);
        break;
      case 'ArrowLeft':
        if (entry.kind === 'folder' && open) toggle(entry, false);
        else if (parent) choose(parent);
        break;
      case 'Home':
        if (rows[0]) choose(rows[0].entry);
        break;
      case 'End':
        if (rows.length) choose(rows[rows.length - 1]!.entry);
        break;
      case 'Enter':
      case ' ':
        activate(entry);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  // Rows are rendered flat, each treeitem holding only its own row, as the Courses view and
  // VS Code's tree do: a nested group would make every child's name part of its folder's.
  const renderRow = ({ entry, level, parent }: Row) => {
    const open = expanded.has(entry.path);
    const siblings = parent?.children ?? pack?.tree?.root.children ?? [];
    return (
      <li
        key={entry.path}
        role="treeitem"
        data-path={entry.path}
        aria-level={level}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(entry) + 1}
        aria-expanded={entry.kind === 'folder' ? open : undefined}
        aria-selected={entry.path === activePath}
        aria-label={entry.kind === 'link' ? `${entry.name} (a link, not opened)` : entry.name}
        tabIndex={focused?.entry.path === entry.path ? 0 : -1}
        className={`wb-tree-item wb-file-${entry.kind}${entry.path === activePath ? ' wb-tree-active' : ''}`}
        onFocus={(e) => {
          if (e.target === e.currentTarget && courseId) selectFile({ courseId, path: entry.path, kind: entry.kind });
        }}
      >
        <div
          className="wb-tree-row"
          title={entry.path}
          style={{ paddingInlineStart: `${(level - 1) * 0.9 + 0.3}rem` }}
          onClick={(e) => {
            e.stopPropagation();
            choose(entry);
            activate(entry);
          }}
        >
          <span className={`wb-tree-twistie${open ? ' wb-open' : ''}`} aria-hidden="true">
            {entry.kind === 'folder' ? <ChevronIcon /> : null}
          </span>
          <span className="wb-tree-kind-icon" aria-hidden="true">
            {entry.kind === 'folder' ? <FolderIcon /> : <SourceIcon />}
          </span>
          <span className="wb-tree-label">{entry.name}</span>
        </div>
      </li>
    );
  };

  const keyOf = (id: CommandId) => {
    const key = getCommand(id)?.keybinding;
    return key ? ` (${formatKeybinding(key, platform)})` : '';
  };

  return (
    <div className="wb-files" data-focus-scope="files">
      <div className="wb-files-pack">
        <label htmlFor={selectId}>Course</label>
        <select
          id={selectId}
          value={known ? courseId : ''}
          onChange={(e) => {
            services.layout.send({ type: 'OPEN_COURSE', courseId: e.target.value });
            services.author.send({ type: 'TRACK_PACK', courseId: e.target.value });
          }}
        >
          {!known && <option value="">Choose a course…</option>}
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
              {c.status === 'broken' ? ' (has errors)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="wb-files-actions">
        <button type="button" className="wb-link-button" title={`New Course${keyOf('author.newCourse')}`} onClick={() => void services.runCommand('author.newCourse')}>
          New Course
        </button>
        {known &&
          ACTIONS.map((a) => (
            <button key={a.id} type="button" className="wb-link-button" title={`${a.label}${keyOf(a.id)}`} onClick={() => void services.runCommand(a.id)}>
              {a.label}
            </button>
          ))}
      </div>
      {pack?.tree?.readOnly && courseId && (
        <div className="wb-files-readonly" role="note">
          <p>This course is installed with Health Creation Studio and stays as shipped.</p>
          <button type="button" className="wb-button" onClick={() => void offerCopy(services, courseId)}>
            Save a Copy to Edit
          </button>
        </div>
      )}
      {!known ? (
        <p className="wb-hint">Choose a course above, or start a new one.</p>
      ) : pack?.treeError ? (
        <p role="alert">{pack.treeError}</p>
      ) : !pack?.tree ? (
        <p className="wb-loading">Reading the course's files…</p>
      ) : (
        <ul className="wb-tree" role="tree" aria-label="Files" ref={treeRef} onKeyDown={onKeyDown}>
          {rows.map(renderRow)}
        </ul>
      )}
    </div>
  );
}
