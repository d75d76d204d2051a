// Ids for tabs and their panels, derived from what they show so they survive reorder.

import type { TabRef } from '../../../engine/api/studioApi';

/** A stable key for a tab: "course/kind/item". */
export function tabKey(tab: TabRef): string {
  return `${tab.courseId}/${tab.kind}/${tab.itemId}`;
}

/** DOM id of a tab's button. */
export function tabDomId(tab: TabRef): string {
  return `tab-${tabKey(tab).replace(/\//g, '--')}`;
}

/** DOM id of a tab's panel. */
export function panelDomId(tab: TabRef): string {
  return `panel-${tabKey(tab).replace(/\//g, '--')}`;
}

/** True for a tab showing a lesson or a scenario (what time, notes and Next are about). */
export function isItemTab(tab: TabRef | undefined): tab is TabRef & { kind: 'lesson' | 'scenario' } {
  return tab?.kind === 'lesson' || tab?.kind === 'scenario';
}
