// The course page: a course's landing page, opened from the explorer, Quick Open,
// "Continue Where I Left Off" (before a course is started) and by new learners.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';
import { showCourseView } from '../../course/landing';
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
  run: (services, arg) => showCourseView(services, arg, 'course', 'coursePage'),
});
