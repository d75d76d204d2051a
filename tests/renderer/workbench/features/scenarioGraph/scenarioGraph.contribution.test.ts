// Opening the Scenario Graph: of the scenario in front, or the list of files to map,
// never for a course installed with the app.

import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import '../../../../../renderer/workbench/contributions';
import { loadPlayer } from '../../../../../renderer/workbench/editor/playerModule';
import { createWorkbenchServices } from '../../../../../renderer/workbench/services';
import { getEditorView } from '../../../../../renderer/workbench/views/viewRegistry';
import { fakeCourse, fakeModule, fakeScenario } from '../../../../fakes/fakeCourse';
import { fakeStudioApi, settle } from '../../../../fakes/fakeStudioApi';

const ada = { id: 'ada', name: 'Ada', createdAt: '2026-01-01' };
const story = fakeScenario({ id: 'kitchen-table', file: 'modules/care/kitchen-table.scenario.yaml' });
const course = fakeCourse({ id: 'mine', modules: [fakeModule({ id: 'care', scenarios: [story] })] });

async function servicesFor(options: { readOnly?: string[] } = {}) {
  const fake = fakeStudioApi({ learners: [ada], courses: [course], ...options });
  const services = createWorkbenchServices(fake.api);
  await waitFor(services.session, (s) => !s.matches('booting'));
  await waitFor(services.session.getSnapshot().context.learnerActor!, (s) => s.matches('ready'));
  const announced: string[] = [];
  services.setAnnouncer((m) => announced.push(m));
  // Opening a scenario fetches the player; it must arrive before the test ends.
  await loadPlayer();
  return { services, announced };
}

describe('Open Scenario Graph', () => {
  it('maps the file of the scenario in front', async () => {
    const { services } = await servicesFor();
    await services.openTab({ courseId: 'mine', kind: 'scenario', itemId: 'kitchen-table' });
    await services.runCommand('scenarioGraph.open');
    await settle();
    const { tabs, activeTab } = services.layout.getSnapshot().context;
    expect(tabs[activeTab!]).toEqual({ courseId: 'mine', kind: 'scenarioGraph', itemId: 'modules/care/kitchen-table.scenario.yaml' });
    expect(getEditorView('scenarioGraph')?.tabTitle?.(tabs[activeTab!]!, undefined)).toBe('Graph: kitchen-table');
  });

  it('opens the list of scenario files when no scenario is in front', async () => {
    const { services } = await servicesFor();
    await services.runCommand('scenarioGraph.open');
    await settle();
    const { tabs, activeTab } = services.layout.getSnapshot().context;
    expect(tabs[activeTab!]).toEqual({ courseId: 'workbench', kind: 'view', itemId: 'scenario-graphs' });
  });

  it('says a course installed with the app has no graph, and offers the list instead', async () => {
    const { services, announced } = await servicesFor({ readOnly: ['mine'] });
    await services.openTab({ courseId: 'mine', kind: 'scenario', itemId: 'kitchen-table' });
    await services.runCommand('scenarioGraph.open');
    await settle();
    const { tabs, activeTab } = services.layout.getSnapshot().context;
    expect(tabs.some((t) => t.kind === 'scenarioGraph')).toBe(false);
    expect(tabs[activeTab!]?.itemId).toBe('scenario-graphs');
    expect(announced).toContain('This course is installed with the app, so it has no Scenario Graph: save a copy of it to map its scenarios.');
  });
});
