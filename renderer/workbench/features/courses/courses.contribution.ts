// The Courses feature: the explorer view and the commands to move through a course.

import { WORKBENCH_VIEW_COURSE, type TabRef } from '../../../../engine/api/studioApi';
import { registerCommand } from '../../commands/commandRegistry';
import { focusView } from '../../views/viewFocus';
import { CoursesIcon } from '../../parts/icons';
import { stepFrom } from '../../../../engine/progress/coursePath';
import { nextItem } from '../../../../engine/progress/resume';
import { summarize } from '../../../../engine/progress/summary';
import { coursePageTab } from '../../course/landing';
import { isItemTab } from '../../editor/tabKey';
import type { WorkbenchServices } from '../../services';
import { registerSideBarView } from '../../views/viewRegistry';
import { ExplorerView } from './ExplorerView';
import { when } from '../../commands/when';

registerSideBarView({ id: 'courses', title: 'Courses', order: 1, commandId: 'workbench.showCourses', icon: CoursesIcon, component: ExplorerView });

registerCommand({
  id: 'workbench.showCourses',
  title: 'Show Courses',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+E',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'courses' });
    focusView('courses');
  },
});

registerCommand({
  id: 'course.openLesson',
  title: 'Open Lesson or Scenario',
  category: 'Course',
  internal: true,
  when: when.learnerReady,
  async run(services, tab) {
    if (!isTabRef(tab)) return;
    await services.openTab(tab);
    // Reading starts where the item opened, as in VS Code's editor.
    focusView('editor');
  },
});

/**
 * Opens the item after (+1) or before (-1) the active one in study order, as the Next
 * button does, but without counting the lesson as read: the shortcut works from
 * anywhere in a lesson. From a course's page or another view it opens where the
 * learner left off. A locked module is not skipped: the learner is told what opens it.
 */
async function step(services: WorkbenchServices, by: 1 | -1) {
  const layout = services.layout.getSnapshot().context;
  const active = layout.activeTab === undefined ? undefined : layout.tabs[layout.activeTab];
  const courseId = active && active.courseId !== WORKBENCH_VIEW_COURSE ? active.courseId : layout.openCourseId;
  if (!courseId) return;
  const ctx = services.session.getSnapshot().context;
  const course = ctx.opened[courseId]?.course;
  const progress = ctx.progress[courseId];
  if (!course || !progress) return;
  if (!isItemTab(active)) return openResumeItem(services, courseId);
  const next = stepFrom(course, progress, { kind: active.kind, id: active.itemId }, by);
  if (next.kind === 'item') {
    await services.openTab({ courseId, kind: next.item.kind, itemId: next.item.id });
    services.announce(`Opened ${next.item.title}.`);
    focusView('editor');
  } else if (next.kind === 'locked') {
    services.announce(`${next.module.title} opens when you have completed ${next.needs.map((m) => m.title).join(' and ')}.`);
  } else {
    services.announce(by === 1 ? `This is the last lesson or scenario of ${course.title}.` : `This is the first lesson of ${course.title}.`);
  }
}

/** Opens where the learner left off in a course, or its page if they have not started it. */
async function openResumeItem(services: WorkbenchServices, courseId: string) {
  const ctx = services.session.getSnapshot().context;
  const course = ctx.opened[courseId]?.course;
  const progress = ctx.progress[courseId];
  if (!course || !progress) return;
  const next = summarize(course, progress).status === 'not-started' ? undefined : nextItem(course, progress);
  const tab: TabRef | undefined = next?.lessonId
    ? { courseId, kind: 'lesson', itemId: next.lessonId }
    : next?.scenarioId
      ? { courseId, kind: 'scenario', itemId: next.scenarioId }
      : undefined;
  if (!tab) {
    await services.openTab(coursePageTab(courseId));
    focusView('coursePage');
    return;
  }
  await services.openTab(tab);
  focusView('editor');
}

registerCommand({
  id: 'course.nextItem',
  title: 'Open Next Lesson or Scenario',
  category: 'Course',
  keybinding: 'Alt+PageDown',
  when: when.courseOpen,
  run: (services) => step(services, 1),
});

registerCommand({
  id: 'course.previousItem',
  title: 'Open Previous Lesson or Scenario',
  category: 'Course',
  keybinding: 'Alt+PageUp',
  when: when.courseOpen,
  run: (services) => step(services, -1),
});

registerCommand({
  id: 'course.continue',
  title: 'Continue Where I Left Off',
  category: 'Course',
  keybinding: 'CtrlCmd+Alt+Enter',
  when: when.courseOpen,
  async run(services) {
    const courseId = services.layout.getSnapshot().context.openCourseId;
    if (courseId) await openResumeItem(services, courseId);
  },
});

function isTabRef(value: unknown): value is TabRef {
  const v = value as Partial<TabRef> | undefined;
  return typeof v?.courseId === 'string' && typeof v.itemId === 'string' && (v.kind === 'lesson' || v.kind === 'scenario' || v.kind === 'view' || v.kind === 'source');
}

registerCommand({
  id: 'course.reload',
  title: 'Reload Courses from Disk',
  category: 'Course',
  keybinding: 'CtrlCmd+Alt+R',
  when: when.learnerReady,
  async run(services) {
    await services.reloadCourses();
    const courses = services.session.getSnapshot().context.courses;
    const broken = courses.filter((c) => c.status === 'broken').length;
    services.announce(
      `Courses reloaded: ${courses.length} found${broken ? `, ${broken} with problems listed in the Courses view` : ''}.`,
    );
  },
});
