// The learner's record of a course, as a PDF to keep: for a placement portfolio or a
// CPD body that asks for evidence of study.

import { registerCommand } from '../../commands/commandRegistry';

registerCommand({
  id: 'learner.exportRecord',
  title: 'Export My Learning Record…',
  category: 'Learner',
  keybinding: 'CtrlCmd+Alt+P',
  when: (c) => c.learnerReady && c.courseOpen && !c.overlayOpen,
  run(services) {
    const courseId = services.layout.getSnapshot().context.openCourseId;
    if (courseId) services.overlay.send({ type: 'LEARNING_RECORD', courseId });
  },
});
