// The explorer's tree as plain data: course > module > lesson/scenario, with the
// status of each. Built from the session so the tree component only draws it.

import type { CourseEntry, OpenedCourse } from '../../../../engine/api/studioApi';
import { formatDiagnostic } from '../../../../engine/course/diagnostics';
import type { ItemStatus } from '../../../../engine/progress/model';
import type { CourseSummaryView } from '../../progress/courseSummary';

/** One row of the explorer. */
export interface ExplorerNode {
  id: string;
  kind: 'course' | 'module' | 'lesson' | 'scenario';
  label: string;
  courseId: string;
  itemId: string;
  status?: ItemStatus;
  /** Why a course is broken, one sentence per error. */
  problems?: string[];
  /** Undefined for leaves; an empty array for a course not loaded yet. */
  children?: ExplorerNode[];
  /** A course that cannot be expanded (broken) has no children and says why. */
  expandable: boolean;
}

/** Builds the explorer tree from the course list and the courses opened so far. */
export function explorerTree(
  courses: readonly CourseEntry[],
  opened: Readonly<Record<string, OpenedCourse>>,
  summaries: Readonly<Record<string, CourseSummaryView | undefined>>,
): ExplorerNode[] {
  return courses.map((entry) => {
    const id = `course:${entry.id}`;
    if (entry.status === 'broken') {
      const errors = entry.diagnostics.filter((d) => d.severity === 'error');
      return {
        id,
        kind: 'course',
        label: entry.title,
        courseId: entry.id,
        itemId: entry.id,
        problems: (errors.length ? errors : entry.diagnostics).map((d) => formatDiagnostic(d)),
        expandable: false,
      };
    }
    const course = opened[entry.id]?.course;
    const summary = summaries[entry.id];
    const children: ExplorerNode[] = (course?.modules ?? []).map((module) => ({
      id: `module:${entry.id}/${module.id}`,
      kind: 'module',
      label: module.title,
      courseId: entry.id,
      itemId: module.id,
      status: summary?.modules[module.id]?.status,
      expandable: true,
      children: [
        ...module.lessons.map((lesson): ExplorerNode => ({
          id: `lesson:${entry.id}/${lesson.id}`,
          kind: 'lesson',
          label: lesson.title,
          courseId: entry.id,
          itemId: lesson.id,
          status: summary?.items[lesson.id],
          expandable: false,
        })),
        ...module.scenarios.map((scenario): ExplorerNode => ({
          id: `scenario:${entry.id}/${scenario.id}`,
          kind: 'scenario',
          label: scenario.title,
          courseId: entry.id,
          itemId: scenario.id,
          status: summary?.items[scenario.id],
          expandable: false,
        })),
      ],
    }));
    return { id, kind: 'course', label: entry.title, courseId: entry.id, itemId: entry.id, status: summary?.status, children, expandable: true };
  });
}

/** The nodes a keyboard walks through: those whose ancestors are all expanded, in order. */
export function visibleNodes(roots: readonly ExplorerNode[], expanded: ReadonlySet<string>): { node: ExplorerNode; parent?: ExplorerNode; level: number }[] {
  const out: { node: ExplorerNode; parent?: ExplorerNode; level: number }[] = [];
  const walk = (nodes: readonly ExplorerNode[], parent: ExplorerNode | undefined, level: number) => {
    for (const node of nodes) {
      out.push({ node, parent, level });
      if (node.children && expanded.has(node.id)) walk(node.children, node, level + 1);
    }
  };
  walk(roots, undefined, 1);
  return out;
}
