// The Scenario Graph feature: an author's map of a scenario file, its Play from Here
// preview, and the list of scenario files to map. Only this file is in the workbench's
// first download; the views are chunks fetched when first shown.

import { lazy } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import { registerCommand } from '../../commands/commandRegistry';
import { when } from '../../commands/when';
import { isItemTab } from '../../editor/tabKey';
import { WORKBENCH_VIEW_COURSE, type WorkbenchServices } from '../../services';
import { registerEditorView } from '../../views/viewRegistry';

const fileName = (tab: TabRef) => tab.itemId.slice(tab.itemId.lastIndexOf('/') + 1).replace(/\.scenario\.ya?ml$/, '');

// Registered under the names of their tab kinds: a tab of kind 'scenarioGraph' shows the first.
registerEditorView({
  id: 'scenarioGraph',
  title: 'Scenario Graph',
  tabTitle: (tab) => `Graph: ${fileName(tab)}`,
  component: lazy(() => import('./ScenarioGraphView').then((m) => ({ default: m.ScenarioGraphView }))),
});

registerEditorView({
  id: 'scenarioPreview',
  title: 'Play from Here',
  tabTitle: (tab) => `Preview: ${fileName(tab)}`,
  component: lazy(() => import('./PlayPreview').then((m) => ({ default: m.PlayPreview }))),
});

registerEditorView({
  id: 'scenario-graphs',
  title: 'Scenario Graphs',
  component: lazy(() => import('./ScenarioGraphIndex').then((m) => ({ default: m.ScenarioGraphIndex }))),
});

/**
 * The scenario file to map: the one the active tab plays, maps or edits, or none (then
 * the list of every course's scenario files opens).
 */
function activeScenarioFile(services: WorkbenchServices): { courseId: string; file: string } | undefined {
  const { tabs, activeTab } = services.layout.getSnapshot().context;
  const tab = activeTab === undefined ? undefined : tabs[activeTab];
  if (!tab) return undefined;
  if (tab.kind === 'scenarioGraph' || tab.kind === 'scenarioPreview') return { courseId: tab.courseId, file: tab.itemId };
  // A scenario file open in a source editor maps itself.
  if (tab.kind === 'file') return /\.scenario\.ya?ml$/.test(tab.itemId) ? { courseId: tab.courseId, file: tab.itemId } : undefined;
  if (!isItemTab(tab) || tab.kind !== 'scenario') return undefined;
  const course = services.session.getSnapshot().context.opened[tab.courseId]?.course;
  const scenario = course?.modules.flatMap((m) => m.scenarios).find((s) => s.id === tab.itemId);
  return scenario ? { courseId: tab.courseId, file: scenario.file } : undefined;
}

registerCommand({
  id: 'scenarioGraph.open',
  title: 'Open Scenario Graph',
  category: 'Author',
  keybinding: 'CtrlCmd+Alt+Shift+G',
  when: when.learnerReady,
  async run(services, courseId?: unknown, file?: unknown) {
    const target = typeof courseId === 'string' && typeof file === 'string' ? { courseId, file } : activeScenarioFile(services);
    const readOnly = target && services.session.getSnapshot().context.courses.find((c) => c.id === target.courseId)?.readOnly;
    if (target && !readOnly) {
      await services.openTab({ courseId: target.courseId, kind: 'scenarioGraph', itemId: target.file });
      return;
    }
    if (readOnly) services.announce('This course is installed with the app, so it has no Scenario Graph: save a copy of it to map its scenarios.');
    await services.openTab({ courseId: WORKBENCH_VIEW_COURSE, kind: 'view', itemId: 'scenario-graphs' });
  },
});
