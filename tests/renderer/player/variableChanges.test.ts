import { describe, expect, it } from 'vitest';
import { describeChange, variableChanges } from '../../../renderer/player/scenario/variableChanges';
import { playerScenario } from '../../fakes/playerFixtures';

describe('variable changes', () => {
  const { variables } = playerScenario();

  it('lists only the variables that moved, in declaration order', () => {
    const changes = variableChanges(variables, { control: 3, contact: 2, confidence: 3, trust: 0 }, { control: 4, contact: 2, confidence: 2, trust: 0 });
    expect(changes.map((c) => c.name)).toEqual(['control', 'confidence']);
  });

  it('says a rise and a fall in words with the new value', () => {
    expect(describeChange({ name: 'control', label: 'Control', from: 5, to: 6 })).toBe('Control went up by 1 to 6');
    expect(describeChange({ name: 'contact', label: 'Contact', from: 4, to: 2 })).toBe('Contact went down by 2 to 2');
  });
});
