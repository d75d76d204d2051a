// Finds patterns in where a course puts its right answers and its best choices, so
// that no quiz can be passed, and no scenario won, by always picking one position.
// The player may shuffle options, but the authored order must not carry a pattern.
import { initialTransition, transition } from 'xstate';
import type { Choice, Module, Question, Scenario } from '../../engine/course/model';
import { THREE_CS } from '../../engine/course/model';
import { availableChoices, createScenarioMachine, currentNodeId } from '../../engine/scenario/scenarioMachine';

/** How many items put the thing looked for at each authored position (index 0 is the first). */
export interface PositionTally {
  /** Number of items counted: questions, or decision points. */
  items: number;
  /** perPosition[p]: items with a right answer (or a best choice) at position p. */
  perPosition: number[];
}

/** The positions (0-based) of a question's right options. */
export function rightPositions(question: Question): number[] {
  return question.options.flatMap((option, i) => (option.correct ? [i] : []));
}

/** For each position, how many of the module's questions have a right option there. */
export function rightAnswerTally(module: Module): PositionTally {
  const questions = moduleQuestions(module);
  const perPosition: number[] = [];
  for (const question of questions) {
    for (const p of rightPositions(question)) perPosition[p] = (perPosition[p] ?? 0) + 1;
  }
  return { items: questions.length, perPosition: Array.from(perPosition, (n) => n ?? 0) };
}

/** Every question of a module, in study order. */
export function moduleQuestions(module: Module): Question[] {
  return module.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : [])));
}

/**
 * A choice's total 3Cs gain: the sum of its authored effects on control, contact and
 * confidence. The best choice at a node is the one with the greatest total gain.
 */
export function threeCsGain(choice: Choice): number {
  return THREE_CS.reduce((sum, c) => sum + (choice.effects[c] ?? 0), 0);
}

/**
 * A decision point is a node with two or more choices whose total 3Cs gains differ;
 * returns, for each, the positions of its best choices (ties give several).
 */
export function bestChoicePositions(scenario: Scenario): Array<{ nodeId: string; best: number[] }> {
  const points: Array<{ nodeId: string; best: number[] }> = [];
  for (const node of Object.values(scenario.nodes)) {
    if (node.choices.length < 2) continue;
    const gains = node.choices.map(threeCsGain);
    const top = Math.max(...gains);
    if (gains.every((g) => g === top)) continue;
    points.push({ nodeId: node.id, best: gains.flatMap((g, i) => (g === top ? [i] : [])) });
  }
  return points;
}

/** For each position, at how many decision points of a scenario a best choice sits there. */
export function bestChoiceTally(scenario: Scenario): PositionTally {
  const points = bestChoicePositions(scenario);
  const perPosition: number[] = [];
  for (const point of points) for (const p of point.best) perPosition[p] = (perPosition[p] ?? 0) + 1;
  return { items: points.length, perPosition: Array.from(perPosition, (n) => n ?? 0) };
}

/** Positions holding the thing looked for in more than half of the items: "most" of them. */
export function dominantPositions(tally: PositionTally): number[] {
  return tally.perPosition.flatMap((n, p) => (n > tally.items / 2 ? [p] : []));
}

/**
 * Plays a scenario always taking the open choice at `pick` (first, or last) and returns
 * the ending reached, or undefined if that strategy loops without ending.
 */
export function endingBy(scenario: Scenario, pick: 'first' | 'last'): string | undefined {
  const machine = createScenarioMachine(scenario);
  let [snapshot] = initialTransition(machine);
  const seen = new Set<string>();
  for (;;) {
    const nodeId = currentNodeId(snapshot);
    if (nodeId === undefined) return undefined;
    if (scenario.nodes[nodeId]?.ending) return nodeId;
    const key = `${nodeId} ${JSON.stringify(snapshot.context.vars)}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const open = availableChoices(scenario, nodeId, snapshot.context.vars);
    const choice = pick === 'first' ? open[0] : open[open.length - 1];
    if (!choice) return undefined;
    [snapshot] = transition(machine, snapshot, { type: 'CHOOSE', choiceId: choice.id });
  }
}
