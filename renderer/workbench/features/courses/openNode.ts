// Opening an explorer item: a lesson or scenario opens in a tab unless its module
// is still locked, in which case the learner is told what unlocks it.

import type { WorkbenchServices } from '../../services';
import type { ExplorerNode } from './explorerModel';

/** Opens a lesson or scenario node, or says why it is locked. */
export async function openNode(services: WorkbenchServices, node: ExplorerNode): Promise<void> {
  if (node.kind !== 'lesson' && node.kind !== 'scenario') return;
  if (node.status === 'locked') {
    const course = services.session.getSnapshot().context.opened[node.courseId]?.course;
    const module = course?.modules.find((m) => m.lessons.some((l) => l.id === node.itemId) || m.scenarios.some((s) => s.id === node.itemId));
    const needs = module?.prerequisites.map((p) => course?.modules.find((m) => m.id === p)?.title ?? p) ?? [];
    services.announce(`${node.label} is locked until you complete ${needs.join(' and ') || 'the modules before it'}.`);
    services.session.send({
      type: 'NOTICE',
      notice: { level: 'info', message: `${node.label} is locked until you complete ${needs.join(' and ') || 'the modules before it'}.` },
    });
    return;
  }
  await services.openTab({ courseId: node.courseId, kind: node.kind, itemId: node.itemId });
}
