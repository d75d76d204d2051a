// Asked before a PIN-protected learner's work is shown: their PIN, or back to the list.
// The back end decides whether it is right, and says how long to wait after several
// wrong ones; its sentence is shown here as it is.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Learner } from '../../../../engine/api/studioApi';
import { useServices } from '../../WorkbenchContext';
import { PIN_INPUT, pinProblem } from './pins';

/** The PIN prompt for `learner`; `heading` is the level its title takes where it is shown. */
export function PinPrompt({ learner, onBack, heading: Heading = 'h2' }: { learner: Learner; onBack: () => void; heading?: 'h2' | 'h3' }) {
  const services = useServices();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = pinProblem(pin);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setBusy(true);
    const failure = await services.unlockLearner(learner.id, pin);
    if (!failure) return;
    setBusy(false);
    setError(failure);
    setPin('');
    input.current?.focus();
  };

  return (
    <form className="wb-form wb-pin-prompt" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>Enter {learner.name}&rsquo;s PIN</Heading>
      <p className="wb-hint">{learner.name} keeps their work behind a PIN on this computer.</p>
      <label htmlFor={`${id}-pin`}>PIN</label>
      <input
        id={`${id}-pin`}
        ref={input}
        name="pin"
        {...PIN_INPUT}
        value={pin}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setPin(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="wb-form-error" role="alert">
          {error}
        </p>
      )}
      <div className="wb-form-actions">
        <button type="submit" className="wb-button wb-button-primary" disabled={busy}>
          Open my work
        </button>
        <button type="button" className="wb-button" onClick={onBack}>
          Back to the learners
        </button>
      </div>
    </form>
  );
}
