// Entry point of the SCORM runtime (bundled as runtime/scorm.js). The SCO's data
// script, loaded just before, sets a global with the standard, the SCO and its course.
// Saving happens when the page is hidden and once more, with terminate, on pagehide:
// browsers block synchronous requests during unload, so unload is never relied on.
import { createRoot } from 'react-dom/client';
import { applyEvent } from '../../engine/progress/rules';
import { PACKAGE_GLOBAL, type PackageData } from '../../engine/scorm/packageFiles';
import { createScormApi, SCORM_ASSET_BASE } from '../api/scormApi';
import { ScormApp } from './ScormApp';
import { ScormSession } from './scormSession';

function start(): void {
  const root = document.getElementById('root');
  const data = (window as unknown as Record<string, PackageData | undefined>)[PACKAGE_GLOBAL];
  if (!root) return;
  if (!data) {
    root.textContent = 'This module could not start because its course data is missing from the package; ask the course team to export it again.';
    return;
  }
  const scope = data.sco;
  const session = new ScormSession({ course: data.course, standard: data.standard, scope, win: window, applyEvent });
  const api = createScormApi(data.course, session);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') session.flush();
  });
  window.addEventListener('pagehide', () => session.end());
  document.documentElement.dataset.mode = session.mode;
  createRoot(root).render(
    <ScormApp
      api={api}
      course={data.course}
      scope={scope}
      learnerId={session.learner.id}
      assetBase={SCORM_ASSET_BASE}
      initialProgress={session.progress}
      notices={session.notices}
      onNotices={(listener) => session.onNotices(listener)}
    />,
  );
}

start();
