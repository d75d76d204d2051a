// Sources and terms: the References view (every document a course cites, each opening
// its source text where the course keeps one), the source document itself, and the
// Glossary view. Citations and glossary terms in lessons lead here.

import { lazy } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';
import { courseInQuestion, showCourseView } from '../../course/landing';
import { focusView } from '../../views/viewFocus';
import { registerEditorView } from '../../views/viewRegistry';
import { requestReveal } from './reveal';

registerEditorView({
  id: 'references',
  title: 'References',
  component: lazy(() => import('./ReferencesView').then((m) => ({ default: m.ReferencesView }))),
});

registerEditorView({
  id: 'glossary',
  title: 'Glossary',
  component: lazy(() => import('./GlossaryView').then((m) => ({ default: m.GlossaryView }))),
});

registerEditorView({
  id: 'source',
  title: 'Source document',
  tabTitle: (tab, course) => {
    const reference = course?.references.find((r) => r.id === tab.itemId);
    return reference ? reference.cite ?? reference.title : tab.itemId;
  },
  component: lazy(() => import('./SourceView').then((m) => ({ default: m.SourceView }))),
});

/** An optional string field of a command's argument. */
function field(arg: unknown, name: string): string | undefined {
  const value = (arg as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

// References and the Glossary open alike: on the entry an argument names (a citation's
// reference, a chosen term), else at the top.
const SHELVES = [
  { id: 'course.showReferences', title: 'Show References', keybinding: 'CtrlCmd+Alt+B', view: 'references', entry: 'referenceId' },
  { id: 'course.showGlossary', title: 'Show Glossary', keybinding: 'CtrlCmd+Alt+G', view: 'glossary', entry: 'term' },
] as const;

for (const shelf of SHELVES) {
  registerCommand({
    id: shelf.id,
    title: shelf.title,
    category: 'Course',
    keybinding: shelf.keybinding,
    when: when.learnerReady,
    run(services, arg) {
      const courseId = courseInQuestion(services, arg);
      const entry = field(arg, shelf.entry);
      if (courseId && entry) requestReveal(shelf.view, courseId, entry);
      return showCourseView(services, arg, shelf.view, shelf.view);
    },
  });
}

registerCommand({
  id: 'course.openSource',
  title: 'Open Source Document',
  category: 'Course',
  internal: true,
  when: when.learnerReady,
  async run(services, arg) {
    const courseId = field(arg, 'courseId');
    const referenceId = field(arg, 'referenceId');
    if (!courseId || !referenceId) return;
    const tab: TabRef = { courseId, kind: 'source', itemId: referenceId };
    await services.openTab(tab);
    focusView('source');
  },
});
