import { describe, expect, it } from 'vitest';
import { MARK_LINE, NODE_HEIGHT, drawnGraph } from '../../../../../renderer/workbench/features/scenarioGraph/graphModel';
import { layeredLayout } from '../../../../../renderer/workbench/features/scenarioGraph/layout/layeredLayout';
import { storyGraph } from './storyFixture';

describe('the drawing of a scenario', () => {
  const graph = storyGraph();
  const drawn = drawnGraph(graph);

  it('draws a box for every node and one dashed box for a node a choice names but the file lacks', () => {
    const ghosts = drawn.nodes.filter((n) => n.ghost);
    expect(drawn.nodes.filter((n) => !n.ghost).map((n) => n.box)).toEqual(['arrive', 'listen', 'orphan', 'group', 'leave']);
    expect(ghosts.map((g) => g.ghost && g.missing)).toEqual(['brother-call']);
    const phone = drawn.edges.find((e) => e.edge.choiceId === 'phone')!;
    expect(phone.to).toBe(ghosts[0]!.box);
    expect(graph.nodes.some((n) => n.id === phone.to)).toBe(false);
  });

  it("makes a marked node's box taller by a line for its mark, and lists each node's choices", () => {
    const box = (id: string) => drawn.nodes.find((n) => n.box === id)!;
    expect(box('arrive').height).toBe(NODE_HEIGHT);
    expect(box('orphan').height).toBe(NODE_HEIGHT + MARK_LINE);
    expect(drawn.choicesOf.get('listen')?.map((c) => c.choiceId)).toEqual(['group', 'phone']);
  });

  it('lays the start out first, at the left, and every choice after its node', () => {
    const layout = layeredLayout(drawn.layout);
    const x = (id: string) => layout.boxes.get(id)!.x;
    expect(drawn.layout.first).toBe('arrive');
    expect(x('arrive')).toBeLessThan(x('listen'));
    expect(x('listen')).toBeLessThan(x('group'));
    expect([...layout.links.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
  });
});
