import { describe, expect, it, vi } from 'vitest';
import { onPreviewStarted, previewOf, startPreview } from '../../../../../renderer/workbench/features/scenarioGraph/previewStore';
import { fakeScenario } from '../../../../fakes/fakeCourse';

describe('the Play from Here previews', () => {
  it("keeps the last play-through of each file, renumbered so a new one from the same node restarts the preview, and tells the tab", () => {
    const scenario = fakeScenario();
    const told = vi.fn();
    const stop = onPreviewStarted(told);
    const first = startPreview('c', 'a.scenario.yaml', { scenario, snapshot: { value: 'start' }, nodeId: 'start', values: {} });
    const again = startPreview('c', 'a.scenario.yaml', { scenario, snapshot: { value: 'start' }, nodeId: 'start', values: { trust: 3 } });
    expect(again.number).toBeGreaterThan(first.number);
    expect(previewOf('c', 'a.scenario.yaml')).toBe(again);
    expect(previewOf('c', 'b.scenario.yaml')).toBeUndefined();
    expect(previewOf('other', 'a.scenario.yaml')).toBeUndefined();
    expect(told).toHaveBeenCalledTimes(2);
    stop();
    startPreview('c', 'a.scenario.yaml', { scenario, snapshot: {}, nodeId: 'start', values: {} });
    expect(told).toHaveBeenCalledTimes(2);
  });
});
