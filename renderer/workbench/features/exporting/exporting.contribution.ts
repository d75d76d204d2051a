// Export: package a course as SCORM for an institution's LMS.

import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';

registerCommand({
  id: 'course.exportScorm',
  title: 'Export Course as SCORM…',
  category: 'Course',
  keybinding: 'CtrlCmd+Alt+E',
  when: when.courseOpen,
  run(services) {
    const courseId = services.layout.getSnapshot().context.openCourseId;
    if (courseId) services.overlay.send({ type: 'EXPORT', courseId });
  },
});
