// The first thing a new installation shows: a welcome that asks for a name, so the
// learner's progress has somewhere to live. Nothing else is needed to start.

import { Notices } from '../../parts/Notices';
import { NewLearnerForm } from './NewLearnerForm';

/** The first-run welcome. */
export function FirstRun() {
  return (
    <div className="wb-welcome-screen">
      <Notices />
      <main className="wb-welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welcome to Health Creation Studio</h1>
        <p>Study Health Creation at your own pace, offline. Your progress, answers and journal are kept on this computer under your name.</p>
        <NewLearnerForm autoFocus />
      </main>
    </div>
  );
}
