import { describe, expect, it } from 'vitest';
import { choiceSentence, edgeLabelLines, effectsWords, firstWords, markWords, nodeDescription, nodeKindWords } from '../../../../../renderer/workbench/features/scenarioGraph/graphWords';
import { storyGraph } from './storyFixture';

describe('the Scenario Graph in words', () => {
  const graph = storyGraph();
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const choicesOf = (id: string) => graph.edges.filter((e) => e.from === id);

  it('names the start, each ending with its kind, and an ordinary node', () => {
    expect(nodeKindWords(node('arrive'))).toBe('Start');
    expect(nodeKindWords(node('group'))).toBe('Ending (positive)');
    expect(nodeKindWords(node('leave'))).toBe('Ending (negative)');
    expect(nodeKindWords(node('listen'))).toBe('Node');
    expect(nodeKindWords({ start: true, ending: { title: 'Over at once', kind: 'mixed' } })).toBe('Start and ending (mixed)');
    expect(nodeKindWords({ start: false, ending: { title: 'No kind' } })).toBe('Ending');
  });

  it('says a node is unreachable and a choice goes to a missing node, once each, errors first', () => {
    expect(markWords(node('orphan').marks)).toEqual(['Unreachable']);
    expect(markWords(choicesOf('listen').flatMap((c) => c.marks))).toEqual(['Goes to a missing node']);
  });

  it("writes a choice's condition and 3Cs effects on its label, and leaves out what it lacks", () => {
    const [ask, leaflet] = choicesOf('arrive');
    expect(edgeLabelLines(ask!)).toEqual(['Ask what matters to her.', 'control +1, trust +2']);
    expect(edgeLabelLines(leaflet!)).toEqual(['Hand over a leaflet.']);
    expect(edgeLabelLines(choicesOf('listen')[0]!)).toEqual(["Suggest the carers' group.", 'if trust >= 2', 'contact +2']);
    expect(effectsWords({ confidence: -1 })).toBe('confidence -1');
  });

  it('says where a choice goes, when it is open, and what it changes, in one sentence', () => {
    const [group, phone] = choicesOf('listen');
    expect(choiceSentence(group!)).toBe("“Suggest the carers' group.” goes to group, open if trust >= 2, changes contact +2.");
    expect(choiceSentence(phone!)).toBe('“Phone her brother.” goes to brother-call, which does not exist.');
  });

  it("describes a node for a screen reader with its text, choices, every mark with its place, and its line", () => {
    const description = nodeDescription(node('listen'), choicesOf('listen'));
    expect(description).toMatch(/^Text: She talks about her father\. 2 choices: /);
    expect(description).toMatch(/Error, goes to a missing node: .*brother-call.* \(line \d+, column \d+\)\./);
    expect(description).toMatch(/Line 19 of the file\.$/);
    expect(nodeDescription(node('group'), [])).toMatch(/^Ending “A new circle”, positive\./);
  });

  it('cuts a long text at a word, and leaves Markdown signs out', () => {
    expect(firstWords('**Sam** opens the _door_ and waits for a long while', 20)).toBe('Sam opens the door…');
    expect(firstWords('Short.', 20)).toBe('Short.');
  });
});
