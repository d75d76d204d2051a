// The learners on this machine, as buttons: for a shared lab PC, where each student
// picks their own name and finds their own progress.

import { useState } from 'react';
import { useServices, useSession } from '../../WorkbenchContext';

/** Buttons to study as each learner; the last one to study is first. */
export function LearnerList({ onChosen }: { onChosen?: () => void }) {
  const services = useServices();
  const learners = useSession((s) => s.context.learners);
  const current = useSession((s) => s.context.learner?.id);
  const last = useSession((s) => s.context.lastLearnerId);
  const [error, setError] = useState<string>();
  const ordered = [...learners].sort((a, b) => (a.id === last ? -1 : b.id === last ? 1 : a.name.localeCompare(b.name)));
  return (
    <>
      <ul className="wb-learners" aria-label="Learners on this computer">
        {ordered.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className="wb-button wb-learner"
              aria-current={l.id === current ? 'true' : undefined}
              onClick={async () => {
                const failure = await services.selectLearner(l.id);
                setError(failure);
                if (!failure) onChosen?.();
              }}
            >
              {l.name}
              {l.id === current && <span className="wb-learner-note"> (studying now)</span>}
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
