import { describe, expect, it } from 'vitest';
import { graphNavigation, nextNode } from '../../../../../renderer/workbench/features/scenarioGraph/graphKeyboard';
import { drawnGraph } from '../../../../../renderer/workbench/features/scenarioGraph/graphModel';
import { layeredLayout } from '../../../../../renderer/workbench/features/scenarioGraph/layout/layeredLayout';
import { storyGraph } from './storyFixture';

describe('moving between nodes by keyboard', () => {
  const graph = storyGraph();
  const layout = layeredLayout(drawnGraph(graph).layout);
  const nav = graphNavigation(layout, graph.nodes.map((n) => n.id), graph.edges, graph.start);

  it('reads the start first and leaves the boxes of missing nodes out', () => {
    expect(nav.order[0]).toBe('arrive');
    expect(new Set(nav.order)).toEqual(new Set(['arrive', 'listen', 'orphan', 'group', 'leave']));
  });

  it('starts at the start, and Home and End go to the first and the last node', () => {
    expect(nextNode(nav, undefined, 'ArrowDown')).toBe('arrive');
    expect(nextNode(nav, 'group', 'Home')).toBe('arrive');
    expect(nextNode(nav, 'arrive', 'End')).toBe(nav.order[nav.order.length - 1]);
  });

  it('follows the choices with Right and comes back along them with Left', () => {
    const right = nextNode(nav, 'arrive', 'ArrowRight')!;
    expect(['listen', 'leave']).toContain(right);
    expect(nextNode(nav, right, 'ArrowLeft')).toBe('arrive');
    expect(nextNode(nav, 'listen', 'ArrowRight')).toBe('group');
  });

  it('moves Up and Down within a column, and stays put where there is nothing that way', () => {
    const column = [...nav.spots].filter(([, s]) => s.rank === nav.spots.get('listen')!.rank).sort((a, b) => a[1].y - b[1].y).map(([id]) => id);
    expect(column.length).toBeGreaterThan(1);
    expect(nextNode(nav, column[0]!, 'ArrowDown')).toBe(column[1]);
    expect(nextNode(nav, column[1]!, 'ArrowUp')).toBe(column[0]);
    const topmost = [...nav.spots].sort((a, b) => a[1].y - b[1].y)[0]![0];
    expect(nextNode(nav, topmost, 'ArrowUp')).toBe(topmost);
  });
});
