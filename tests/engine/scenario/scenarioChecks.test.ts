import { describe, expect, test } from 'vitest';
import { checkScenario, type Locate } from '../../../engine/scenario/scenarioChecks';
import { fakeChoice, fakeEnding, fakeScenario } from '../../fakes/fakeCourse';

/** Every path sits on its own line, so a test can tell which place a finding points at. */
function recordingLocate(quoted = false): { locate: Locate; paths: string[] } {
  const paths: string[] = [];
  const locate: Locate = (path) => {
    const key = path.join('.');
    let line = paths.indexOf(key) + 1;
    if (line === 0) line = paths.push(key);
    return { line, column: 10, quoted };
  };
  return { locate, paths };
}

function check(scenario: Parameters<typeof checkScenario>[0], quoted = false) {
  const { locate, paths } = recordingLocate(quoted);
  return checkScenario(scenario, locate).map((f) => ({ ...f, path: paths[f.line - 1] }));
}

describe('checkScenario', () => {
  test('a well-formed scenario has no findings', () => {
    expect(check(fakeScenario())).toEqual([]);
  });

  test('a start that names no node is reported at start, with a suggestion', () => {
    const findings = check(fakeScenario({ start: 'strat' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'HCS009', severity: 'error', path: 'start', message: "start names node 'strat', which is not one of this scenario's nodes (did you mean 'start'?)" }),
    ]);
  });

  test('a choice to an unknown node is reported at its to value', () => {
    const findings = check(
      fakeScenario({ nodes: { start: { choices: [fakeChoice({ id: 'go', to: 'ned' }), fakeChoice({ id: 'ok', to: 'end' })] }, end: { ending: fakeEnding() } } }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: 'HCS017', severity: 'error', path: 'nodes.start.choices.0.to', message: "choice 'go' goes to node 'ned', which does not exist (did you mean 'end'?)" }),
    ]);
  });
});
