// The course page: a course's landing page, opened from the explorer, Quick Open,
// "Continue Where I Left Off" (before a course is started) and by new learners.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';
import { courseInQuestion, coursePageTab } from '../../course/landing';
import { focusView } from '../../views/viewFocus';
import { registerEditorView } from '../../views/viewRegistry';

registerEditorView({
  id: 'course',
  title: 'Course page',
  tabTitle: (_tab, course) => course?.title ?? 'Course page',
  component: lazy(() => import('./CoursePage').then((m) => ({ default: m.CoursePage }))),
});

registerCommand({
  id: 'course.showPage',
  title: 'Show Course Page',
  category: 'Course',
  keybinding: 'CtrlCmd+Alt+H',
  when: when.learnerReady,
  async run(services, arg) {
    const courseId = courseInQuestion(services, arg);
    if (!courseId) return services.announce('There is no course on this computer yet.');
    await services.openTab(coursePageTab(courseId));
    focusView('coursePage');
  },
});
