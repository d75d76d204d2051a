// The Author activity: the Files view of the open course pack, source editor tabs with
// a live preview, the Problems view in the Panel, and the commands to write a course
// without leaving the app. The views and editors load the first time they are shown,
// so a learner's start-up never fetches them.

import { lazy } from 'react';
import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';
import { AuthorIcon } from '../../parts/icons';
import { focusView } from '../../views/viewFocus';
import { registerPanelView, registerSideBarView } from '../../views/viewRegistry';
import {
  authorPack,
  deleteSelected,
  editSource,
  goToProblem,
  isOpenSourceArgs,
  newCourse,
  newItem,
  openSource,
  renameSelected,
  saveActive,
  saveCopy,
} from './authorCommands';
import { ProblemsBadge } from './ProblemsBadge';

registerSideBarView({
  id: 'author',
  title: 'Author',
  order: 4.5,
  commandId: 'workbench.showAuthor',
  icon: AuthorIcon,
  component: lazy(() => import('./FilesView').then((m) => ({ default: m.FilesView }))),
});

registerPanelView({
  id: 'problems',
  title: 'Problems',
  order: 2,
  component: lazy(() => import('./ProblemsView').then((m) => ({ default: m.ProblemsView }))),
  badge: ProblemsBadge,
});

registerCommand({
  id: 'workbench.showAuthor',
  title: 'Show Author',
  category: 'View',
  keybinding: 'CtrlCmd+Alt+A',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_SIDE_BAR_VIEW', view: 'author' });
    const courseId = authorPack(services);
    if (courseId) services.author.send({ type: 'TRACK_PACK', courseId });
    focusView('author');
  },
});

registerCommand({
  id: 'workbench.showProblems',
  title: 'Show Problems',
  category: 'View',
  keybinding: 'CtrlCmd+Shift+M',
  when: when.learnerReady,
  run(services) {
    services.layout.send({ type: 'SHOW_PANEL', view: 'problems' });
    const courseId = authorPack(services);
    if (courseId) services.author.send({ type: 'TRACK_PACK', courseId });
    focusView('problems');
  },
});

registerCommand({
  id: 'author.newCourse',
  title: 'New Course…',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+Shift+C',
  when: when.workbenchFree,
  run: (services) => newCourse(services),
});

registerCommand({
  id: 'author.newModule',
  title: 'New Module…',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+Shift+M',
  when: when.packFree,
  run: (services) => newItem(services, 'module'),
});

registerCommand({
  id: 'author.newLesson',
  title: 'New Lesson…',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+Shift+L',
  when: when.packFree,
  run: (services) => newItem(services, 'lesson'),
});

registerCommand({
  id: 'author.newScenario',
  title: 'New Scenario…',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+Shift+S',
  when: when.packFree,
  run: (services) => newItem(services, 'scenario'),
});

registerCommand({
  id: 'author.rename',
  title: 'Rename File…',
  category: 'Author',
  keybinding: 'F2',
  when: when.filesFocused,
  run: (services) => renameSelected(services),
});

registerCommand({
  id: 'author.delete',
  title: 'Delete File…',
  category: 'Author',
  keybinding: 'Delete',
  // As VS Code's explorer on macOS.
  secondaryKeybindings: ['CtrlCmd+Backspace'],
  when: when.filesFocused,
  run: (services) => deleteSelected(services),
});

registerCommand({
  id: 'author.save',
  title: 'Save',
  category: 'File',
  keybinding: 'CtrlCmd+S',
  when: when.activeIsSource,
  run: (services) => saveActive(services),
});

registerCommand({
  id: 'author.saveCopy',
  title: 'Save a Copy of This Course to Edit',
  category: 'Author',
  keybinding: 'CtrlCmd+Shift+S',
  when: when.packFree,
  async run(services) {
    const courseId = authorPack(services);
    if (courseId) await saveCopy(services, courseId);
  },
});

registerCommand({
  id: 'author.editSource',
  title: 'Edit Source',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+O',
  when: when.workbenchFree,
  run: (services) => editSource(services),
});

registerCommand({
  id: 'author.openSource',
  title: 'Open Source at a Place',
  category: 'Author',
  // Called with { courseId, path, line?, column? } by the Problems view and the Scenario Graph.
  internal: true,
  when: when.learnerReady,
  async run(services, args) {
    if (isOpenSourceArgs(args)) await openSource(services, args);
  },
});

registerCommand({
  id: 'author.nextProblem',
  title: 'Go to Next Problem',
  category: 'Author',
  keybinding: 'F8',
  when: (c) => c.hasProblems && !c.overlayOpen,
  run: (services) => goToProblem(services, 1),
});

registerCommand({
  id: 'author.previousProblem',
  title: 'Go to Previous Problem',
  category: 'Author',
  keybinding: 'Shift+F8',
  when: (c) => c.hasProblems && !c.overlayOpen,
  run: (services) => goToProblem(services, -1),
});
