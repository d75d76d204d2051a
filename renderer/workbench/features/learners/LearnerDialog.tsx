// Switching learner from inside the workbench (Status Bar or Ctrl+Alt+L).

import { Dialog } from '../../parts/Dialog';
import { useServices } from '../../WorkbenchContext';
import { LearnerList } from './LearnerList';
import { NewLearnerForm } from './NewLearnerForm';

/** The learner picker dialog. */
export function LearnerDialog() {
  const services = useServices();
  const close = () => services.overlay.send({ type: 'CLOSE' });
  return (
    <Dialog title="Switch learner" onClose={close}>
      <LearnerList onChosen={close} heading="h3" />
      <h3>New learner</h3>
      <NewLearnerForm submitLabel="Create profile and switch" />
    </Dialog>
  );
}
