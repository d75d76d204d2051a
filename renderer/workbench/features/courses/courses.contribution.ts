// The Courses feature: the explorer view and the commands to move through a course.

import type { TabRef } from '../../../../engine/api/studioApi';
import { registerCommand } from '../../commands/commandRegistry';
import { courseItems } from '../../course/courseItems';
import { focusView } from '../../views/viewFocus';
import { CoursesIcon } from '../../parts/icons';
import { courseSummary } from '../../progress/courseSummary';
import { nextItem } from '../../../../engine/progress/resume';
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

/** Opens the item after (+1) or before (-1) the active one, in study order, skipping locked ones. */
async function step(services: WorkbenchServices, by: 1 | -1) {
  const layout = services.layout.getSnapshot().context;
  const active = layout.activeTab === undefined ? undefined : layout.tabs[layout.activeTab];
  const courseId = active && active.kind !== 'view' ? active.courseId : layout.openCourseId;
  if (!courseId) return;
  const ctx = services.session.getSnapshot().context;
  const course = ctx.opened[courseId]?.course;
  const progress = ctx.progress[courseId];
  if (!course || !progress) return;
  const summary = courseSummary(course, progress);
  const items = courseItems(course);
  const here = active ? items.findIndex((i) => i.kind === active.kind && i.id === active.itemId) : -1;
  for (let i = here + by; i >= 0 && i < items.length; i += by) {
    const item = items[i]!;
    if (summary.items[item.id] === 'locked') continue;
    await services.openTab({ courseId, kind: item.kind, itemId: item.id });
    services.announce(`Opened ${item.title}.`);
    focusView('editor');
    return;
  }
  services.announce(by === 1 ? 'This is the last item you can open in this course.' : 'This is the first item in this course.');
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
    const ctx = services.session.getSnapshot().context;
    const course = courseId ? ctx.opened[courseId]?.course : undefined;
    const progress = courseId ? ctx.progress[courseId] : undefined;
    if (!courseId || !course || !progress) return;
    const next = nextItem(course, progress);
    const tab: TabRef | undefined = next?.lessonId
      ? { courseId, kind: 'lesson', itemId: next.lessonId }
      : next?.scenarioId
        ? { courseId, kind: 'scenario', itemId: next.scenarioId }
        : undefined;
    if (!tab) return services.announce(`${course.title} has nothing to study yet.`);
    await services.openTab(tab);
    focusView('editor');
  },
});

function isTabRef(value: unknown): value is TabRef {
  const v = value as Partial<TabRef> | undefined;
  return typeof v?.courseId === 'string' && typeof v.itemId === 'string' && (v.kind === 'lesson' || v.kind === 'scenario' || v.kind === 'view');
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
