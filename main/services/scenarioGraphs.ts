// The Scenario Graph's back end: which scenario files a pack has and the graph of one
// as its text reads now, for a broken pack and a broken file too, since an author
// needs the map of a story most while it is broken (the learner's course model holds
// only courses without errors). Files are read through the open pack's session, so
// the graph and the pack's checks are made from one reading of each file.

import type { ScenarioFileEntry, ScenarioGraphResult } from '../../engine/api/studioApi';
import { scenarioGraph } from '../../engine/scenario/scenarioGraph';
import type { OpenPacks } from './openPacks';
import { UserError } from './userError';

/** How long waitForChange holds a request when nothing changes: under the browser's and proxies' patience. */
export const PACK_CHANGE_WAIT_MS = 25_000;

/** What the Studio API's Scenario Graph methods are built on. */
export interface ScenarioGraphs {
  list(courseId: string): Promise<ScenarioFileEntry[]>;
  graph(courseId: string, file: string): Promise<ScenarioGraphResult>;
  waitForChange(courseId: string, revision: number): Promise<number>;
}

/** The Scenario Graph service over the open packs; `waitMs` bounds a wait for a change. */
export function createScenarioGraphs(packs: OpenPacks, waitMs = PACK_CHANGE_WAIT_MS): ScenarioGraphs {
  return {
    async list(courseId) {
      const { session } = await packs.open(courseId);
      const checked = await session.check();
      const entries: ScenarioFileEntry[] = [];
      for (const file of session.scenarioFiles) {
        const model = (await session.scenarioFile(file))?.reading?.model;
        const errors = checked.diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
        entries.push({ file, ...(model?.id ? { scenarioId: model.id } : {}), ...(model?.title ? { title: model.title } : {}), errors });
      }
      return entries;
    },

    async graph(courseId, file) {
      const pack = await packs.open(courseId);
      const { session } = pack;
      const revision = pack.revision;
      // A file made since the last check (New Scenario, a copy from elsewhere) is known after one more.
      if (!session.scenarioFiles.includes(file)) await session.check();
      if (!session.scenarioFiles.includes(file)) {
        throw new UserError('not-a-scenario', `${file} is not a scenario file of this course: a scenario is a file that a module.yaml lists under \`scenarios\`. It may have been renamed or deleted.`);
      }
      const load = await session.scenarioFile(file);
      if (!load) {
        await session.check();
        const gone = !session.scenarioFiles.includes(file);
        throw new UserError(
          gone ? 'not-a-scenario' : 'unreadable',
          gone ? `${file} is no longer a scenario file of this course: it may have been renamed or deleted.` : `${file} could not be read as text: the Problems of the course say why.`,
        );
      }
      const graph = scenarioGraph(load, file);
      const model = load.reading?.model;
      // A story cut short by a syntax error, or one that starts nowhere, cannot be played.
      const playable = model && load.reading?.whole && Object.hasOwn(model.nodes, model.start);
      return { graph, ...(playable ? { scenario: model } : {}), revision };
    },

    async waitForChange(courseId, revision) {
      const pack = await packs.open(courseId);
      return pack.waitForChange(revision, waitMs);
    },
  };
}
