// The learners on this machine, as buttons: for a shared lab PC, where each student
// picks their own name and finds their own progress. A learner who keeps their work
// behind a PIN is asked for it first, here, before anything of theirs is loaded.

import { useState } from 'react';
import type { Learner } from '../../../../engine/api/studioApi';
import { LearnerIcon, LockIcon } from '../../parts/icons';
import { useServices, useSession } from '../../WorkbenchContext';
import { PinPrompt } from './PinPrompt';

/** Buttons to study as each learner; the last one to study is first. */
export function LearnerList({ onChosen, heading = 'h2' }: { onChosen?: () => void; heading?: 'h2' | 'h3' }) {
  const services = useServices();
  const learners = useSession((s) => s.context.learners);
  const current = useSession((s) => s.context.learner?.id);
  const last = useSession((s) => s.context.lastLearnerId);
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState<Learner>();
  const ordered = [...learners].sort((a, b) => (a.id === last ? -1 : b.id === last ? 1 : a.name.localeCompare(b.name)));

  if (asking) return <PinPrompt learner={asking} heading={heading} onBack={() => setAsking(undefined)} />;

  const choose = async (learner: Learner) => {
    // The learner studying now has already given their PIN in this window.
    if (learner.hasPin && learner.id !== current) return setAsking(learner);
    const failure = await services.selectLearner(learner.id);
    setError(failure);
    if (!failure) onChosen?.();
  };

  return (
    <>
      <ul className="wb-learners" aria-label="Learners on this computer">
        {ordered.map((l) => (
          <li key={l.id}>
            <button type="button" className="wb-button wb-learner" aria-current={l.id === current ? 'true' : undefined} onClick={() => void choose(l)}>
              <span className="wb-learner-avatar">
                <LearnerIcon />
              </span>
              <span className="wb-learner-name">{l.name}</span>
              {l.id === current && <span className="wb-learner-note">(studying now)</span>}
              {l.hasPin && (
                <span className="wb-learner-pin">
                  <LockIcon /> PIN
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="wb-form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
