// The end of a play-through: the ending's title, its kind in words, the debrief with
// the path notes that fit the learner's own path, the features of health-creating
// practice at play and those that were missing, with a way to play again.
import type { ReactNode } from 'react';
import type { Ending, PracticeFeature } from '../../../engine/course/model';
import type { TextLinks } from '../markdown';
import { pathNotesFor } from '../../../engine/scenario/pathNotes';
import { Prose } from '../Prose';
import { ENDING_KINDS, FEATURE_NAMES } from '../words';

/** Props of EndingDebrief. */
export interface EndingDebriefProps {
  ending: Ending;
  /** The scenario's variables as the play-through ended: they choose the path notes. */
  vars: Readonly<Record<string, number>>;
  assetBase: string;
  onReplay: () => void;
  /** Citations to link in the debrief. */
  links?: TextLinks;
  /** The host's way on, shown beside Replay. */
  actions?: ReactNode;
}

/** Shows an ending and its debrief, and a Replay button. */
export function EndingDebrief({ ending, vars, assetBase, onReplay, links, actions }: EndingDebriefProps) {
  const kind = ENDING_KINDS[ending.kind];
  const notes = pathNotesFor(ending, vars);
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
      <Prose markdown={ending.debrief} assetBase={assetBase} links={links} />
      {notes.length > 0 && (
        <div className="hcs-path-notes" data-path-notes={notes.length}>
          <h3>On the path you took</h3>
          {notes.map((note, i) => (
            <Prose key={i} markdown={note.text} assetBase={assetBase} links={links} />
          ))}
        </div>
      )}
      <FeatureList heading="Features of practice at play" className="hcs-features" features={ending.features} />
      <FeatureList heading="Features of practice that were missing" className="hcs-features hcs-features-missing" features={ending.missing} />
      <div className="hcs-actions">
        <button type="button" className="hcs-button" onClick={onReplay}>
          Replay
        </button>
        {actions}
      </div>
    </section>
  );
}

/** A titled list of features, or nothing when there are none. */
function FeatureList({ heading, className, features }: { heading: string; className: string; features: readonly PracticeFeature[] }) {
  if (features.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul className={className}>
        {features.map((feature) => (
          <li key={feature}>{FEATURE_NAMES[feature]}</li>
        ))}
      </ul>
    </>
  );
}
