// Start-up on a shared computer: who is studying? Each learner's progress, tabs and
// journal are their own.

import { Notices } from '../../parts/Notices';
import { LearnerList } from './LearnerList';
import { NewLearnerForm } from './NewLearnerForm';

/** The full-window learner picker shown at start when several learners share the machine. */
export function LearnerPickerScreen() {
  return (
    <div className="wb-welcome-screen">
      <Notices />
      <main className="wb-welcome" aria-labelledby="picker-title">
        <h1 id="picker-title">Who is studying?</h1>
        <LearnerList />
        <h2>New learner</h2>
        <NewLearnerForm submitLabel="Create profile and start" />
      </main>
    </div>
  );
}
