// The end of a play-through: the ending's title, its kind in words, the debrief and
// the features of health-creating practice it shows, with a way to play again.
import type { Ending } from '../../../engine/course/model';
import { Prose } from '../Prose';
import { ENDING_KINDS, FEATURE_NAMES } from '../words';

/** Props of EndingDebrief. */
export interface EndingDebriefProps {
  ending: Ending;
  assetBase: string;
  onReplay: () => void;
}

/** Shows an ending and its debrief, and a Replay button. */
export function EndingDebrief({ ending, assetBase, onReplay }: EndingDebriefProps) {
  const kind = ENDING_KINDS[ending.kind];
  return (
    <section className="hcs-ending" data-kind={ending.kind} aria-label={`Ending: ${ending.title}`}>
      <h2>{ending.title}</h2>
      <p className="hcs-ending-kind">
        <span aria-hidden="true" className="hcs-icon">
          {`${kind.icon} `}
        </span>
        {`${kind.words}.`}
      </p>
      <h3>Debrief</h3>
      <Prose markdown={ending.debrief} assetBase={assetBase} />
      {ending.features.length > 0 && (
        <>
          <h3>Features of practice at play</h3>
          <ul className="hcs-features">
            {ending.features.map((feature) => (
              <li key={feature}>{FEATURE_NAMES[feature]}</li>
            ))}
          </ul>
        </>
      )}
      <div className="hcs-actions">
        <button type="button" className="hcs-button" onClick={onReplay}>
          Replay
        </button>
      </div>
    </section>
  );
}
