// The count on the Problems tab of the Panel, as VS Code shows it.

import { useSelector } from '@xstate/react';
import { useServices } from '../../WorkbenchContext';
import { problemCounts } from './problemsModel';

/** How many problems the author's open packs have, after the Problems tab's title. */
export function ProblemsBadge() {
  const services = useServices();
  const total = useSelector(services.author, (s) => {
    const { errors, warnings } = problemCounts(s.context.packs);
    return errors + warnings;
  });
  if (total === 0) return null;
  return (
    <span className="wb-badge">
      <span className="sr-only">, </span>
      {total}
    </span>
  );
}
