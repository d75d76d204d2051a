// Ids for tabs and their panels, derived from what they show so they survive reorder.

import { WORKBENCH_VIEW_COURSE, type TabRef } from '../../../engine/api/studioApi';

/** A stable key for a tab: "course/kind/item". */
export function tabKey(tab: TabRef): string {
  return `${tab.courseId}/${tab.kind}/${tab.itemId}`;
}

/** The key as a DOM id part: '/' as '--', and anything a file name may hold beyond letters, digits, '-' and '_' spelt as _hex_. */
function domPart(tab: TabRef): string {
  return tabKey(tab)
    .replace(/\//g, '--')
    .replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/** DOM id of a tab's button. */
export function tabDomId(tab: TabRef): string {
  return `tab-${domPart(tab)}`;
}

/** DOM id of a tab's panel. */
export function panelDomId(tab: TabRef): string {
  return `panel-${domPart(tab)}`;
}

/** True for a tab showing a lesson or a scenario (what time, notes and Next are about). */
export function isItemTab(tab: TabRef | undefined): tab is TabRef & { kind: 'lesson' | 'scenario' } {
  return tab?.kind === 'lesson' || tab?.kind === 'scenario';
}

/**
 * True for a tab whose course opens with it: a lesson, a scenario, a view of a course, a
 * source document. Not a view of the workbench, nor an author's source file, Scenario
 * Graph or Play from Here preview, which read the pack's files and work for a course
 * with errors too.
 */
export function opensCourse(tab: TabRef): boolean {
  return tab.courseId !== WORKBENCH_VIEW_COURSE && tab.kind !== 'file' && tab.kind !== 'scenarioGraph' && tab.kind !== 'scenarioPreview';
}
