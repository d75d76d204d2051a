// Setting, changing or removing the PIN of the learner studying. Changing or removing
// it needs the current PIN, asked here and checked by the back end, so a learner who
// leaves the computer unattended cannot have their PIN changed or taken away.

import { useId, useRef, useState, type FormEvent } from 'react';
import type { PinChange } from '../../../../engine/api/studioApi';
import { Dialog } from '../../parts/Dialog';
import { useServices, useSession } from '../../WorkbenchContext';
import { PIN_INPUT, pinProblem } from './pins';

/** The PIN dialog. */
export function PinDialog() {
  const services = useServices();
  const id = useId();
  const learner = useSession((s) => s.context.learner);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field: 'current' | 'next' | 'again' | 'form'; message: string }>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fields = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), again: useRef<HTMLInputElement>(null) };
  // What the dialog offers is fixed when it opens: setting a PIN does not turn it into the dialog for changing one.
  const [hasPin] = useState(learner?.hasPin === true);
  const close = () => services.overlay.send({ type: 'CLOSE' });
  if (!learner) return null;

  const refuse = (field: 'current' | 'next' | 'again' | 'form', message: string) => {
    setError({ field, message });
    (field === 'form' ? fields.next : fields[field]).current?.focus();
  };

  const send = async (change: PinChange, success: string) => {
    setBusy(true);
    const task = await services.request({ kind: 'pin', change });
    setBusy(false);
    if (task?.state === 'failed') return refuse(hasPin ? 'current' : 'form', task.message);
    if (task?.state === 'done') {
      setError(undefined);
      setDone(success);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const problem = (hasPin && pinProblem(current, 'Your current PIN')) || undefined;
    if (problem) return refuse('current', problem);
    const nextProblem = pinProblem(next, 'The new PIN');
    if (nextProblem) return refuse('next', nextProblem);
    if (again !== next) return refuse('again', 'The two new PINs are not the same; type the new PIN again.');
    void send(
      hasPin ? { currentPin: current, newPin: next } : { newPin: next },
      hasPin ? 'Your PIN is changed. Use the new one from now on.' : 'Your PIN is set. Health Creation Studio will ask for it before it shows your work.',
    );
  };

  const remove = () => {
    const problem = pinProblem(current, 'Your current PIN');
    if (problem) return refuse('current', problem);
    void send({ currentPin: current }, 'Your PIN is removed. Anyone using this computer can now open your work.');
  };

  const described = (field: 'current' | 'next' | 'again') => (error?.field === field ? `${id}-error` : undefined);
  const errorText = error && (
    <p id={`${id}-error`} className="wb-form-error" role="alert">
      {error.message}
    </p>
  );

  if (done) {
    return (
      <Dialog title={hasPin ? 'Change or remove your PIN' : 'Protect your work with a PIN'} onClose={close}>
        <p role="status">{done}</p>
        <button type="button" className="wb-button wb-button-primary" autoFocus onClick={close}>
          Close
        </button>
      </Dialog>
    );
  }

  return (
    <Dialog title={hasPin ? 'Change or remove your PIN' : 'Protect your work with a PIN'} onClose={close}>
      <p>
        On a shared computer, a PIN keeps anyone else using Health Creation Studio from opening your progress, journal and notes. It does not lock the files
        themselves, which anyone who can open the app&rsquo;s data folder can read.
      </p>
      {!hasPin && <p className="wb-hint">Choose 4 to 12 digits you will remember: a forgotten PIN cannot be shown again.</p>}
      <form className="wb-form" onSubmit={save} noValidate>
        {hasPin && (
          <>
            <label htmlFor={`${id}-current`}>Current PIN</label>
            <input id={`${id}-current`} ref={fields.current} {...PIN_INPUT} value={current} aria-invalid={error?.field === 'current' || undefined} aria-describedby={described('current')} onChange={(e) => setCurrent(e.target.value)} />
            {error?.field === 'current' && errorText}
          </>
        )}
        <label htmlFor={`${id}-next`}>New PIN</label>
        <input id={`${id}-next`} ref={fields.next} {...PIN_INPUT} value={next} aria-invalid={error?.field === 'next' || undefined} aria-describedby={described('next')} onChange={(e) => setNext(e.target.value)} />
        {error?.field === 'next' && errorText}
        <label htmlFor={`${id}-again`}>New PIN again</label>
        <input id={`${id}-again`} ref={fields.again} {...PIN_INPUT} value={again} aria-invalid={error?.field === 'again' || undefined} aria-describedby={described('again')} onChange={(e) => setAgain(e.target.value)} />
        {error?.field === 'again' && errorText}
        {error?.field === 'form' && errorText}
        <div className="wb-form-actions">
          <button type="submit" className="wb-button wb-button-primary" disabled={busy}>
            {hasPin ? 'Change PIN' : 'Set PIN'}
          </button>
          {hasPin && (
            <button type="button" className="wb-button" disabled={busy} onClick={remove}>
              Remove PIN
            </button>
          )}
          <button type="button" className="wb-button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
