// The Play from Here preview: the scenario played by the learner's own player from the
// node and values the author chose, with a banner saying so. Its choices are not the
// learner's: nothing it does is recorded as progress.

import { useSyncExternalStore } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import { usePlayer } from '../../editor/playerModule';
import { useServices, useSession } from '../../WorkbenchContext';
import { onPreviewStarted, previewOf } from './previewStore';

const ignore = () => undefined;

/** The preview tab of a scenario file. */
export function PlayPreview({ tab }: { tab: TabRef }) {
  const services = useServices();
  const request = useSyncExternalStore(onPreviewStarted, () => previewOf(tab.courseId, tab.itemId));
  const assetBase = useSession((s) => s.context.opened[tab.courseId]?.assetBase);
  const desktop = useSession((s) => s.context.env?.mode === 'desktop');
  const player = usePlayer();
  if (!request) {
    return (
      <section className="sg-preview" aria-label="Play from Here preview">
        <p>This preview ended when the window was closed. Open the Scenario Graph and choose Play from Here to start another.</p>
        <button type="button" className="wb-button" onClick={() => void services.openTab({ courseId: tab.courseId, kind: 'scenarioGraph', itemId: tab.itemId })}>
          Open the Scenario Graph
        </button>
      </section>
    );
  }
  if (!player) return <p className="wb-loading">Loading the player…</p>;
  const set = Object.entries(request.values)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  const { ScenarioView } = player;
  return (
    <section className="sg-preview" aria-label="Play from Here preview">
      <p className="sg-banner" role="status">
        Preview from node <code>{request.nodeId}</code>
        {set ? ` with ${set}` : ' with the starting values'}. Choices here are not recorded as progress.
      </p>
      <ScenarioView
        key={request.number}
        scenario={request.scenario}
        record={{ snapshot: request.snapshot, nodeId: request.nodeId, path: [], endingsFound: [], plays: 0 }}
        assetBase={assetBase ?? (desktop ? `hcs://course/${tab.courseId}/` : `/course/${tab.courseId}/`)}
        onEvent={ignore}
      />
    </section>
  );
}
