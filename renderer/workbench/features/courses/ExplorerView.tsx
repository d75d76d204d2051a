// The Courses view: every course on this machine as a tree of modules, lessons and
// scenarios, each with its status in words. A broken course is listed with the
// reasons it would not load; the others still work. Keyboard use follows the WAI-ARIA
// tree pattern: arrows move and expand, Home/End jump, Enter opens.

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { courseSummary, type CourseSummaryView } from '../../progress/courseSummary';
import { STATUS_WORDS } from '../../progress/statusWords';
import { StatusIcon } from '../../progress/StatusIcon';
import { ChevronIcon } from '../../parts/icons';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { explorerTree, visibleNodes, type ExplorerNode } from './explorerModel';
import { openNode } from './openNode';
import { isItemTab } from '../../editor/tabKey';
import { focusFirst, useFocusable } from '../../views/viewFocus';

/** The explorer tree. */
export function ExplorerView() {
  const services = useServices();
  const courses = useSession((s) => s.context.courses);
  const opened = useSession((s) => s.context.opened);
  const progress = useSession((s) => s.context.progress);
  const courseErrors = useSession((s) => s.context.courseErrors);
  const openCourseId = useLayout((s) => s.context.openCourseId);
  const activeTab = useLayout((s) => (s.context.activeTab === undefined ? undefined : s.context.tabs[s.context.activeTab]));

  const summaries = useMemo(() => {
    const out: Record<string, CourseSummaryView | undefined> = {};
    for (const [id, o] of Object.entries(opened)) {
      const p = progress[id];
      if (p) out[id] = courseSummary(o.course, p);
    }
    return out;
  }, [opened, progress]);
  const roots = useMemo(() => explorerTree(courses, opened, summaries), [courses, opened, summaries]);

  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(openCourseId ? [`course:${openCourseId}`] : []));
  const [focusedId, setFocusedId] = useState<string | undefined>();
  const treeRef = useRef<HTMLUListElement>(null);
  // The row that holds the tree's tab stop; there is one once the course list has arrived.
  useFocusable('courses', useCallback(() => focusFirst(treeRef.current, '[role="treeitem"][tabindex="0"]'), [roots]));

  // Reveal the active tab's item: expand its course and module.
  useEffect(() => {
    if (!isItemTab(activeTab)) return;
    const course = opened[activeTab.courseId]?.course;
    const module = course?.modules.find((m) => m.lessons.some((l) => l.id === activeTab.itemId) || m.scenarios.some((s) => s.id === activeTab.itemId));
    if (!module) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      next.add(`course:${activeTab.courseId}`);
      next.add(`module:${activeTab.courseId}/${module.id}`);
      return next.size === prev.size ? prev : next;
    });
  }, [activeTab?.courseId, activeTab?.itemId, opened]);

  const visible = visibleNodes(roots, expanded);
  const focused = visible.find((v) => v.node.id === focusedId) ?? visible[0];
  const activeId = isItemTab(activeTab)
    ? `${activeTab.kind}:${activeTab.courseId}/${activeTab.itemId}`
    : activeTab?.kind === 'view' && activeTab.itemId === 'course'
      ? `course:${activeTab.courseId}`
      : undefined;

  const focusNode = (id: string) => {
    setFocusedId(id);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus());
  };

  const toggle = (node: ExplorerNode, open?: boolean) => {
    if (!node.expandable) return;
    const willOpen = open ?? !expanded.has(node.id);
    setExpanded((prev) => {
      const next = new Set(prev);
      if (willOpen) next.add(node.id);
      else next.delete(node.id);
      return next;
    });
    if (willOpen && node.kind === 'course') {
      services.layout.send({ type: 'OPEN_COURSE', courseId: node.courseId });
      void services.ensureCourse(node.courseId);
    }
  };

  const activate = (node: ExplorerNode) => {
    if (node.kind === 'course') {
      // A course opens on its page, and its modules show beneath it in the tree.
      if (node.expandable && !expanded.has(node.id)) toggle(node, true);
      if (node.expandable) void services.runCommand('course.showPage', { courseId: node.courseId });
    } else if (node.kind === 'module') toggle(node);
    else void openNode(services, node);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!focused || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = visible.indexOf(focused);
    const { node, parent } = focused;
    const isOpen = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (visible[index + 1]) focusNode(visible[index + 1]!.node.id);
        break;
      case 'ArrowUp':
        if (visible[index - 1]) focusNode(visible[index - 1]!.node.id);
        break;
      case 'ArrowRight':
        if (node.expandable && !isOpen) toggle(node, true);
        else if (node.expandable && node.children?.[0]) focusNode(node.children[0].id);
        break;
      case 'ArrowLeft':
        if (node.expandable && isOpen) toggle(node, false);
        else if (parent) focusNode(parent.id);
        break;
      case 'Home':
        if (visible[0]) focusNode(visible[0].node.id);
        break;
      case 'End':
        if (visible.length) focusNode(visible[visible.length - 1]!.node.id);
        break;
      case 'Enter':
      case ' ':
        activate(node);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  if (courses.length === 0) {
    return <p className="wb-hint">No courses were found. Course packs go in the courses folder; each needs a course.yaml.</p>;
  }

  // Rows are rendered flat, each treeitem holding only its own row, as VS Code's tree does:
  // a nested group inside an item would make every child's title part of its parent's name.
  const rows = visible.map(({ node, parent, level }) => {
    const siblings = parent?.children ?? roots;
    const isOpen = expanded.has(node.id);
    const problemsId = `tree-problems-${node.id.replace(/[^a-z0-9-]/gi, '-')}`;
    const failure = node.kind === 'course' ? courseErrors[node.courseId] : undefined;
    const opening = node.kind === 'course' && node.expandable && isOpen && node.children?.length === 0 && !failure;
    return (
      <li
        key={node.id}
        role="treeitem"
        data-node-id={node.id}
        data-kind={node.kind}
        aria-level={level}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(node) + 1}
        aria-expanded={node.expandable ? isOpen : undefined}
        aria-selected={node.id === activeId}
        aria-describedby={node.problems || failure ? problemsId : undefined}
        aria-busy={opening || undefined}
        tabIndex={focused?.node.id === node.id ? 0 : -1}
        className={`wb-tree-item wb-tree-${node.kind}${node.id === activeId ? ' wb-tree-active' : ''}`}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setFocusedId(node.id);
        }}
      >
        <div
          className="wb-tree-row"
          title={node.status ? `${node.label} (${STATUS_WORDS[node.status]})` : node.label}
          style={{ paddingInlineStart: `${(level - 1) * 0.9 + 0.3}rem` }}
          onClick={(e) => {
            e.stopPropagation();
            setFocusedId(node.id);
            // The chevron only opens or closes the branch, as in VS Code.
            if (e.target instanceof Element && e.target.closest('.wb-tree-twistie')) toggle(node);
            else activate(node);
          }}
        >
          <span className={`wb-tree-twistie${isOpen ? ' wb-open' : ''}`} aria-hidden="true">
            {node.expandable ? <ChevronIcon /> : null}
          </span>
          <span className="wb-tree-label">
            {node.kind === 'scenario' && <span className="wb-tree-kind">Scenario: </span>}
            {node.label}
            {node.problems && <span className="wb-tree-broken"> (cannot be opened)</span>}
            {node.status && <span className="sr-only">, {STATUS_WORDS[node.status]}</span>}
            {opening && <span className="wb-tree-opening">, opening…</span>}
          </span>
          {node.status && (
            <span className={`wb-status wb-status-${node.status}`} aria-hidden="true" title={STATUS_WORDS[node.status]}>
              <StatusIcon status={node.status} />
              <span className="wb-status-word">{STATUS_WORDS[node.status]}</span>
            </span>
          )}
        </div>
        {(node.problems || failure) && (
          // Read out as the item's description; hidden from its name, which is its title alone.
          <ul id={problemsId} className="wb-tree-problems" aria-hidden="true">
            {failure && <li>{failure}</li>}
            {node.problems?.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </li>
    );
  });

  return (
    <ul className="wb-tree" role="tree" aria-label="Courses" ref={treeRef} onKeyDown={onKeyDown}>
      {rows}
    </ul>
  );
}
