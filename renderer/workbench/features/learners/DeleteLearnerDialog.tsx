// Deleting the learner studying: a confirmation that names them, says what goes and
// that a copy is kept, and asks for their PIN when they have one. Cancel comes first
// and takes focus, so Enter alone never deletes anyone.

import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../parts/Dialog';
import { useServices, useSession } from '../../WorkbenchContext';
import { PIN_INPUT, pinProblem } from './pins';

/** The confirmation before a learner is deleted. */
export function DeleteLearnerDialog() {
  const services = useServices();
  const id = useId();
  const learner = useSession((s) => s.context.learner);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);
  const close = () => services.overlay.send({ type: 'CLOSE' });
  if (!learner) return null;

  const remove = async (event: FormEvent) => {
    event.preventDefault();
    if (learner.hasPin) {
      const problem = pinProblem(pin, `${learner.name}'s PIN`);
      if (problem) {
        setError(problem);
        pinField.current?.focus();
        return;
      }
    }
    setBusy(true);
    const task = await services.request({ kind: 'delete', confirmation: { name: learner.name, ...(learner.hasPin ? { pin } : {}) } });
    setBusy(false);
    if (task?.state === 'failed') {
      setError(task.message);
      pinField.current?.focus();
    } else if (task?.state === 'done') {
      close();
    }
  };

  return (
    <Dialog title={`Delete ${learner.name}?`} onClose={close}>
      <p>
        This removes <strong>{learner.name}</strong>&rsquo;s profile from this computer: their progress, quiz answers, journal, notes and open tabs. A copy of all of it
        is kept in Health Creation Studio&rsquo;s data folder, and you will be told where.
      </p>
      <form className="wb-form" onSubmit={remove} noValidate>
        {learner.hasPin && (
          <>
            <label htmlFor={`${id}-pin`}>{learner.name}&rsquo;s PIN</label>
            <input id={`${id}-pin`} ref={pinField} {...PIN_INPUT} value={pin} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setPin(e.target.value)} />
          </>
        )}
        {error && (
          <p id={`${id}-error`} className="wb-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="wb-form-actions">
          <button type="button" className="wb-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="wb-button wb-button-danger" disabled={busy}>
            Delete {learner.name}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
