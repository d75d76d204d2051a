// The title a tab shows: the lesson's or scenario's title, the view's name, or what the
// feature that draws the tab calls it.

import type { TabRef } from '../../../engine/api/studioApi';
import { findItem } from '../course/courseItems';
import { getEditorView } from '../views/viewRegistry';
import { useSession } from '../WorkbenchContext';
import { isItemTab } from './tabKey';

/** Title of a tab, and the course it belongs to (for the tooltip). */
export function useTabTitle(tab: TabRef): { title: string; courseTitle?: string } {
  const course = useSession((s) => s.context.opened[tab.courseId]?.course);
  if (tab.kind === 'file') {
    const title = tab.itemId.slice(tab.itemId.lastIndexOf('/') + 1);
    return course ? { title, courseTitle: course.title } : { title };
  }
  if (!isItemTab(tab)) {
    const view = getEditorView(tab.kind === 'view' ? tab.itemId : tab.kind);
    return { title: view?.tabTitle?.(tab, course) ?? view?.title ?? tab.itemId, ...(course ? { courseTitle: course.title } : {}) };
  }
  const item = course ? findItem(course, tab.kind, tab.itemId) : undefined;
  return { title: item?.title ?? tab.itemId, courseTitle: course?.title };
}
