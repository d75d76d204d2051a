// An ending's path notes and its missing features are checked when the pack loads,
// and each problem is reported at the place in the scenario file to fix.
import { describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { loadScenario } from '../../../engine/course/scenarioLoader';
import { fixturePack } from './fixturePack';

describe('path notes and missing features', () => {
  test('load into the ending in file order, beside the features at play and those missing', () => {
    const yaml = [
      'id: s',
      'title: S',
      'summary: A story.',
      'focus: Sam',
      'start: begin',
      'nodes:',
      '  begin:',
      '    text: Sam arrives.',
      '    choices: [{ id: go, text: Go., to: end, effects: { control: 1 } }]',
      '  end:',
      '    ending:',
      '      title: The end',
      '      kind: mixed',
      '      features: [listening-and-responding]',
      '      missing: [power-shifting]',
      '      debrief: What happened.',
      '      pathNotes:',
      '        - { when: "control > 5", text: Control rose. }',
      '        - { when: "control <= 5", text: Control did not rise. }',
    ].join('\n');
    const { scenario, diagnostics } = loadScenario(yaml, 'modules/m/s.scenario.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario?.nodes['end']?.ending).toEqual({
      title: 'The end',
      kind: 'mixed',
      debrief: 'What happened.',
      features: ['listening-and-responding'],
      missing: ['power-shifting'],
      pathNotes: [
        { when: 'control > 5', text: 'Control rose.' },
        { when: 'control <= 5', text: 'Control did not rise.' },
      ],
    });
  });

  test('a path note naming an unknown variable is reported inside its quoted condition (HCS016)', async () => {
    const { diagnostics } = await loadCourse(fixturePack('bad-path-note'));
    const d = diagnostics.find((x) => x.code === 'HCS016');
    // `        - when: "trsut > 1"`: the quote is column 17, so `trsut` starts at column 18.
    expect(d).toMatchObject({ file: 'modules/intro/story.scenario.yaml', line: 29, column: 18, severity: 'error' });
    expect(d?.message).toBe("the condition of path note 2 of ending 'good' reads 'trsut', which is not a variable of this scenario (did you mean 'trust'?)");
  });

  test('a path note whose condition does not parse is reported at the bad token (HCS015)', async () => {
    const { diagnostics } = await loadCourse(fixturePack('bad-path-note'));
    const d = diagnostics.find((x) => x.code === 'HCS015');
    // `        - when: "control > and 3"`: `and` is 10 characters into the condition.
    expect(d).toMatchObject({ file: 'modules/intro/story.scenario.yaml', line: 39, column: 28, severity: 'error' });
    expect(d?.message).toContain("the condition of path note 1 of ending 'bad' is invalid");
  });

  test('a feature listed as both at play and missing is reported at its place in the missing list (HCS008)', async () => {
    const { diagnostics } = await loadCourse(fixturePack('bad-path-note'));
    const d = diagnostics.find((x) => x.code === 'HCS008');
    expect(d).toMatchObject({ file: 'modules/intro/story.scenario.yaml', line: 36, column: 43, severity: 'error' });
    expect(d?.message).toBe("ending 'bad' lists 'strengths-focus' under both features and missing: a feature was either at play on the way here or missing");
    expect(diagnostics).toHaveLength(3);
  });
});
