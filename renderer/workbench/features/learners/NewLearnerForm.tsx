// A form that creates a learner profile from a name; used by the first-run welcome
// and by the learner picker.

import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../../WorkbenchContext';

/** Name field and Create button; shows the back end's sentence when creation fails. */
export function NewLearnerForm({ autoFocus, submitLabel = 'Create profile' }: { autoFocus?: boolean; submitLabel?: string }) {
  const services = useServices();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Type your name (or a nickname) first.');
      return;
    }
    setBusy(true);
    const failure = await services.createLearner(trimmed);
    setBusy(false);
    setError(failure);
  };

  return (
    <form className="wb-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-name`}>Your name</label>
      <input
        id={`${id}-name`}
        name="learner-name"
        autoComplete="nickname"
        autoFocus={autoFocus}
        value={name}
        maxLength={80}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="wb-form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="wb-button wb-button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
