// Plays a branching scenario. The compiled XState machine is the only source of truth
// for where the learner is and how the 3Cs stand; this view selects the slices it
// shows and sends CHOOSE. After every choice the persisted snapshot goes out with the
// learning event, so a later session restores the play-through exactly.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { shallowEqual, useActorRef, useSelector } from '@xstate/react';
import type { Snapshot } from 'xstate';
import type { Choice, Course, Scenario } from '../../../engine/course/model';
import type { LearningEvent, ScenarioRecord } from '../../../engine/progress/model';
import {
  availableChoices,
  createScenarioMachine,
  currentNodeId,
  resumePoint,
  type ResumePoint,
} from '../../../engine/scenario/scenarioMachine';
import { scenarioVariables } from '../../../engine/scenario/variables';
import { citationTitles } from '../../../engine/course/textLinks';
import type { LessonLinks } from '../lesson/LessonView';
import { Prose } from '../Prose';
import { resolveAssetUrl, type TextLinks } from '../markdown';
import { EndingDebrief } from './EndingDebrief';
import { EndingMap } from './EndingMap';
import { VariableMeters } from './VariableMeters';

/** Props of ScenarioView. */
export interface ScenarioViewProps {
  /** The course the scenario is part of (an author's preview of a pack with errors has none). */
  course?: Course;
  scenario: Scenario;
  /** The saved play-through; its snapshot is restored when the view mounts. */
  record?: ScenarioRecord;
  onEvent: (event: LearningEvent) => void;
  /** Told the variables whenever they change (the status bar shows them). */
  onVarsChange?: (vars: Record<string, number>) => void;
  /** URL prefix (ending in '/') that media paths relative to the pack root are appended to. */
  assetBase?: string;
  /** With it, citations in the story and debriefs link to the course's references. */
  links?: LessonLinks;
  /** Shown beside Replay at every ending: the host's way on (Next, Back to the course page). */
  endingActions?: ReactNode;
}

/** Plays a scenario from its saved snapshot, with meters, endings, debrief, replay and the ending map. */
export function ScenarioView(props: ScenarioViewProps) {
  // A different scenario is a different play-through: nothing carries over.
  return <ScenarioSession key={props.scenario.id} {...props} />;
}

/** The folder part of a pack path ('' at the pack root). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** Numbers the scenario objects a session has shown, so a scenario read again from disk (an author's edit) starts a new play-through from where the old one was. */
const editions = new WeakMap<Scenario, number>();
let nextEdition = 1;
function editionOf(scenario: Scenario): number {
  let n = editions.get(scenario);
  if (n === undefined) editions.set(scenario, (n = nextEdition++));
  return n;
}

/** One scenario's session: replays restart the machine; endings found accumulate. */
function ScenarioSession({ course, scenario, record, onEvent, onVarsChange, assetBase: packBase = '', links, endingActions }: ScenarioViewProps) {
  const textLinks = useMemo((): TextLinks | undefined => (links ? { citations: citationTitles(course?.references ?? []) } : undefined), [links !== undefined, course?.references]);
  const onClick = (event: React.MouseEvent) => {
    const cite = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.hcs-cite') : null;
    if (!cite?.dataset.reference || !links) return;
    event.preventDefault();
    links.onOpenReference(cite.dataset.reference);
  };
  // Images in a scenario's Markdown are written relative to the scenario file's folder.
  const assetBase = useMemo(() => {
    const folder = folderOf(scenario.file);
    return folder === '' ? packBase : `${resolveAssetUrl(folder, packBase)}/`;
  }, [scenario.file, packBase]);
  const [play, setPlay] = useState(() => ({ number: 0 }));
  // The latest saved place: where a play-through of this scenario as it is now written resumes.
  const latest = useRef<unknown>(record?.snapshot);
  const [foundHere, setFoundHere] = useState<string[]>([]);
  const found = useMemo(() => [...new Set([...(record?.endingsFound ?? []), ...foundHere])], [record?.endingsFound, foundHere]);

  const replay = () => {
    onEvent({ type: 'scenario.restarted', scenarioId: scenario.id });
    latest.current = undefined;
    setPlay((p) => ({ number: p.number + 1 }));
  };

  return (
    <article className="hcs-player hcs-scenario" aria-labelledby={`hcs-scenario-${scenario.id}`} data-scenario-id={scenario.id} onClick={onClick}>
      <h1 id={`hcs-scenario-${scenario.id}`}>{scenario.title}</h1>
      <PlayThrough
        key={`${play.number}/${editionOf(scenario)}`}
        scenario={scenario}
        persisted={latest.current}
        assetBase={assetBase}
        replayed={play.number > 0}
        links={textLinks}
        endingActions={endingActions}
        onEvent={(event) => {
          if (event.type === 'scenario.chose') latest.current = event.snapshot;
          if (event.type === 'scenario.chose' && event.endingId) {
            const endingId = event.endingId;
            setFoundHere((prev) => (prev.includes(endingId) ? prev : [...prev, endingId]));
          }
          onEvent(event);
        }}
        onVarsChange={onVarsChange}
        onReplay={replay}
      />
      <EndingMap scenario={scenario} found={found} />
    </article>
  );
}

interface PlayThroughProps {
  scenario: Scenario;
  persisted: unknown;
  assetBase: string;
  replayed: boolean;
  onEvent: (event: LearningEvent) => void;
  onVarsChange?: (vars: Record<string, number>) => void;
  onReplay: () => void;
  links?: TextLinks;
  endingActions?: ReactNode;
}

/** One play-through: a single actor for its whole life, created from the saved snapshot. */
function PlayThrough({ scenario, persisted, assetBase, replayed, onEvent, onVarsChange, onReplay, links, endingActions }: PlayThroughProps) {
  // Keyed by the scenario object (see ScenarioSession), so machine and actor never outlive the story they were made from.
  const [machine] = useState(() => createScenarioMachine(scenario));
  const [start] = useState<ResumePoint>(() => resumePoint(scenario, persisted));
  const actor = useActorRef(machine, start.snapshot ? { snapshot: start.snapshot as Snapshot<unknown> } : {});
  const nodeId = useSelector(actor, (snapshot) => currentNodeId(snapshot) ?? '');
  const vars = useSelector(actor, (snapshot) => snapshot.context.vars, shallowEqual);
  const [lastChoice, setLastChoice] = useState<Choice>();
  const storyRef = useRef<HTMLDivElement>(null);
  const variables = useMemo(() => scenarioVariables(scenario), [scenario]);

  useEffect(() => {
    onVarsChange?.(vars);
    // Only a change of values is news for the status bar, not a new callback identity.
  }, [vars]);

  useEffect(() => {
    // After a replay the Replay button is gone; put the learner at the story's start.
    if (replayed) storyRef.current?.focus();
  }, [replayed]);

  const node = Object.hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
  const choices = node ? availableChoices(scenario, nodeId, vars) : [];

  const choose = (choice: Choice) => {
    const before = actor.getSnapshot();
    actor.send({ type: 'CHOOSE', choiceId: choice.id });
    const after = actor.getSnapshot();
    if (after === before) return;
    const next = currentNodeId(after) ?? '';
    const reachedEnding = Object.hasOwn(scenario.nodes, next) && scenario.nodes[next]!.ending !== undefined;
    onEvent({
      type: 'scenario.chose',
      scenarioId: scenario.id,
      choiceId: choice.id,
      nodeId: next,
      snapshot: actor.getPersistedSnapshot(),
      ...(reachedEnding ? { endingId: next } : {}),
    });
    setLastChoice(choice);
    // The pressed button has gone with the old node; reading goes on from the new one.
    storyRef.current?.focus();
  };

  return (
    <div className="hcs-play">
      <div className="hcs-story" ref={storyRef} tabIndex={-1} aria-label="Story" role="region" data-node-id={nodeId}>
        {start.restarted && !lastChoice && (
          <p className="hcs-restarted" role="status">
            {start.restarted}
          </p>
        )}
        {lastChoice && (
          <div className="hcs-choice-feedback">
            <p>
              <span className="hcs-label">You chose: </span>
              {lastChoice.text}
            </p>
            {lastChoice.feedback && <Prose markdown={lastChoice.feedback} assetBase={assetBase} links={links} />}
          </div>
        )}
        {node ? (
          <>
            {node.text && <Prose markdown={node.text} assetBase={assetBase} links={links} />}
            {node.ending ? (
              <EndingDebrief ending={node.ending} vars={vars} assetBase={assetBase} onReplay={onReplay} links={links} actions={endingActions} />
            ) : (
              <ChoiceList choices={choices} onChoose={choose} onReplay={onReplay} />
            )}
          </>
        ) : (
          <>
            <p role="alert">This part of the story could not be found, so it has to start again.</p>
            <ChoiceList choices={[]} onChoose={choose} onReplay={onReplay} />
          </>
        )}
      </div>
      <VariableMeters variables={variables} vars={vars} focus={scenario.focus} />
    </div>
  );
}

/** The choices open at a node, as buttons; a node with none left offers a replay. */
function ChoiceList({ choices, onChoose, onReplay }: { choices: Choice[]; onChoose: (c: Choice) => void; onReplay: () => void }) {
  if (choices.length === 0) {
    return (
      <div className="hcs-actions">
        <p>No choice is open here. You can start the story again.</p>
        <button type="button" className="hcs-button" onClick={onReplay}>
          Replay
        </button>
      </div>
    );
  }
  return (
    <div className="hcs-choices" role="group" aria-label="Your choices">
      <ul>
        {choices.map((choice) => (
          <li key={choice.id}>
            <button type="button" className="hcs-button hcs-choice" data-choice-id={choice.id} onClick={() => onChoose(choice)}>
              {choice.text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
