// The Scenario Graph in words: what each shape means, each mark, each choice's condition
// and effects. The drawing, the node descriptions screen readers hear and the outline
// all use these, so the three always say the same thing.

import type { GraphMark, GraphMarkKind, ScenarioGraphEdge, ScenarioGraphNode } from '../../../../engine/scenario/scenarioGraph';

/** The short word for a mark, shown beside the node or choice it is on. */
export const MARK_WORDS: Record<GraphMarkKind, string> = {
  unreachable: 'Unreachable',
  'dead-end': 'Dead end',
  'unreached-ending': 'Ending never reached',
  'missing-target': 'Goes to a missing node',
  'invalid-condition': 'Invalid condition',
  'unknown-variable': 'Unknown variable',
  'missing-start': 'Start missing',
  other: 'Problem',
};

/** What kind of point a node is: "Start", "Ending (positive)", "Node"; a start that also ends says both. */
export function nodeKindWords(node: Pick<ScenarioGraphNode, 'start' | 'ending'>): string {
  const ending = node.ending ? (node.ending.kind ? `Ending (${node.ending.kind})` : 'Ending') : undefined;
  if (node.start) return ending ? `Start and ${ending.toLowerCase()}` : 'Start';
  return ending ?? 'Node';
}

/** The distinct mark words of a list of marks, in order, errors first. */
export function markWords(marks: readonly GraphMark[]): string[] {
  const ordered = [...marks].sort((a, b) => severityRank(a) - severityRank(b));
  return [...new Set(ordered.map((m) => MARK_WORDS[m.kind]))];
}

function severityRank(mark: GraphMark): number {
  return mark.severity === 'error' ? 0 : 1;
}

/** "control +1, trust -2", or '' when the choice changes nothing. */
export function effectsWords(effects: Readonly<Record<string, number>>): string {
  return Object.entries(effects)
    .map(([name, by]) => `${name} ${by > 0 ? '+' : ''}${by}`)
    .join(', ');
}

/** The lines of a choice's label: its text, its condition and its effects. */
export function edgeLabelLines(edge: Pick<ScenarioGraphEdge, 'text' | 'when' | 'effects'>): string[] {
  const lines = [edge.text.trim() || '(no text)'];
  if (edge.when !== undefined) lines.push(`if ${edge.when}`);
  const effects = effectsWords(edge.effects);
  if (effects) lines.push(effects);
  return lines;
}

/** One sentence about a mark, with its place in the file: what a screen reader hears. */
export function markSentence(mark: GraphMark): string {
  return `${mark.severity === 'error' ? 'Error' : 'Warning'}, ${MARK_WORDS[mark.kind].toLowerCase()}: ${mark.message} (line ${mark.line}, column ${mark.column}).`;
}

/** A choice in one sentence: where it goes, when it is open and what it changes. */
export function choiceSentence(edge: ScenarioGraphEdge): string {
  const where = edge.targetExists ? `goes to ${edge.to}` : `goes to ${edge.to}, which does not exist`;
  const when = edge.when !== undefined ? `, open if ${edge.when}` : '';
  const effects = effectsWords(edge.effects);
  return `“${edge.text.trim() || edge.choiceId}” ${where}${when}${effects ? `, changes ${effects}` : ''}.`;
}

/** The first words of a text, at most `max` characters, cut at a word. */
export function firstWords(text: string, max: number): string {
  const plain = text.replace(/[#*_`>[\]()!]/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Everything about a node for a screen reader: its text, its choices and every mark on it and its choices. */
export function nodeDescription(node: ScenarioGraphNode, choices: readonly ScenarioGraphEdge[]): string {
  const parts: string[] = [];
  if (node.ending) parts.push(`Ending “${node.ending.title}”${node.ending.kind ? `, ${node.ending.kind}` : ', with no valid kind'}.`);
  const text = firstWords(node.text, 160);
  if (text) parts.push(`Text: ${text}`);
  if (!node.ending) parts.push(choices.length === 0 ? 'No choices.' : `${choices.length} ${choices.length === 1 ? 'choice' : 'choices'}: ${choices.map(choiceSentence).join(' ')}`);
  const marks = [...node.marks, ...choices.flatMap((c) => c.marks)];
  if (marks.length > 0) parts.push(marks.map(markSentence).join(' '));
  parts.push(`Line ${node.line} of the file.`);
  return parts.join(' ');
}
