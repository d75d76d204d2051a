// The renderer's entry: one build for the desktop window and browser mode. It picks
// the Studio API adapter for where it runs and starts the workbench.

import { createRoot } from 'react-dom/client';
import { getStudioApi } from './api/getStudioApi';
import './workbench/contributions';
import { createWorkbenchServices } from './workbench/services';
import { Workbench } from './workbench/Workbench';
import { ServicesProvider } from './workbench/WorkbenchContext';
import './styles/workbench.css';
import './styles/learners.css';
import './styles/authoring.css';
import './player/player.css';
import './styles/scenarioGraph.css';

// boot.ts has already sent the start-up requests (absent only if it failed to load).
const services = createWorkbenchServices(getStudioApi(), window.hcsBoot);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ServicesProvider value={services}>
      <Workbench />
    </ServicesProvider>,
  );
}
