// Which of a scenario's endings the learner has found: found ones named, the rest
// "not yet found", so the map invites another play-through without spoiling it.
import { useId } from 'react';
import type { Scenario } from '../../../engine/course/model';
import { ENDING_KINDS } from '../words';

/** Props of EndingMap. */
export interface EndingMapProps {
  scenario: Scenario;
  /** Ending node ids the learner has reached. */
  found: readonly string[];
}

/** Lists every ending of the scenario in file order, naming those found. */
export function EndingMap({ scenario, found }: EndingMapProps) {
  const headingId = useId();
  const endings = Object.values(scenario.nodes).filter((node) => node.ending);
  const foundSet = new Set(found);
  const count = endings.filter((node) => foundSet.has(node.id)).length;
  return (
    <section className="hcs-ending-map" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {`Endings found: ${count} of ${endings.length}`}
      </h2>
      <ol>
        {endings.map((node, index) => {
          const ending = node.ending!;
          const isFound = foundSet.has(node.id);
          return (
            <li key={node.id} data-ending-id={node.id} data-found={isFound}>
              {isFound ? (
                <>
                  <span aria-hidden="true" className="hcs-icon">
                    {`${ENDING_KINDS[ending.kind].icon} `}
                  </span>
                  <span className="hcs-ending-name">{ending.title}</span>
                  <span className="hcs-ending-map-kind">{` (${ENDING_KINDS[ending.kind].words.toLowerCase()})`}</span>
                </>
              ) : (
                <span className="hcs-ending-unknown">{`Ending ${index + 1}: not yet found`}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
