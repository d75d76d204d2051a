// The boot script: a few kilobytes that run first and send the start-up requests, so
// the learner's data is on its way while the browser is still evaluating the workbench.

import { sendBootRequests } from './api/bootRequests';
import { getStudioApi } from './api/getStudioApi';

window.hcsBoot = sendBootRequests(getStudioApi());
