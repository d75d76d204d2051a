// Entry point of the SCORM runtime (bundled as runtime/scorm.js). The SCO's data
// script, loaded just before, sets a global with the standard, the SCO and its course.
// The LMS API may appear only after the SCO has started, so the page says it is
// connecting and keeps looking for a few seconds before it runs as a preview.
// Saving happens when the page is hidden and, with Terminate, on pagehide: browsers
// block synchronous requests during unload, so unload is never relied on.
import { createRoot } from 'react-dom/client';
import { applyEvent } from '../../engine/progress/rules';
import { PACKAGE_GLOBAL, type PackageData } from '../../engine/scorm/packageFiles';
import { createScormApi, SCORM_ASSET_BASE } from '../api/scormApi';
import { waitForLmsApi } from './apiDiscovery';
import { ScormApp } from './ScormApp';
import { ScormSession } from './scormSession';

/** Shown while the package looks for a late LMS API. */
export const CONNECTING_TEXT = 'Connecting to your LMS…';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  const data = (window as unknown as Record<string, PackageData | undefined>)[PACKAGE_GLOBAL];
  if (!rootElement) return;
  if (!data) {
    rootElement.textContent = 'This module could not start because its course data is missing from the package; ask the course team to export it again.';
    return;
  }
  const root = createRoot(rootElement);
  root.render(
    <p className="hcs-sco-connecting" role="status">
      {CONNECTING_TEXT}
    </p>,
  );
  const scope = data.sco;
  const api = await waitForLmsApi(window, data.standard);
  const session = new ScormSession({ course: data.course, standard: data.standard, scope, win: window, api: api ?? null, applyEvent });
  const studio = createScormApi(data.course, session);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') session.hidden();
  });
  window.addEventListener('pagehide', () => session.end());
  document.documentElement.dataset.mode = session.mode;
  root.render(
    <ScormApp
      api={studio}
      course={data.course}
      scope={scope}
      learnerId={session.learner.id}
      learnerSeed={session.seed}
      assetBase={SCORM_ASSET_BASE}
      initialProgress={session.progress}
      notices={session.notices}
      onNotices={(listener) => session.onNotices(listener)}
    />,
  );
}

void start();
