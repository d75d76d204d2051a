// Property: a play-through saved after any choice and restored (through JSON, as the
// store and SCORM suspend data keep it) is the same play-through, and continues the same.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import type { Scenario } from '../../../engine/course/model';
import { loadScenario } from '../../../engine/course/scenarioLoader';
import { availableChoices, restoreScenarioActor, type ScenarioActor } from '../../../engine/scenario/scenarioMachine';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { randomScenario } from './randomScenario';

const COURSES = path.resolve(__dirname, '../../../courses');
const MAX_STEPS = 40;

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scenarioFiles(full);
    return entry.name.endsWith('.scenario.yaml') ? [full] : [];
  });
}

/** Scenarios of every shipped pack: through loadCourse, or file by file for a pack that does not load whole. */
async function shippedScenarios(): Promise<Scenario[]> {
  const found = new Map<string, Scenario>();
  for (const pack of readdirSync(COURSES, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const root = path.join(COURSES, pack.name);
    const { course } = await loadCourse(createNodePackReader(root));
    for (const scenario of course?.modules.flatMap((m) => m.scenarios) ?? []) found.set(path.join(root, scenario.file), scenario);
  }
  for (const file of scenarioFiles(COURSES)) {
    if (found.has(file)) continue;
    const { scenario } = loadScenario(readFileSync(file, 'utf8'), path.relative(COURSES, file));
    if (scenario) found.set(file, scenario);
  }
  return [...found.values()];
}

function roundTrip(actor: ScenarioActor, scenario: Scenario): ScenarioActor {
  return restoreScenarioActor(scenario, JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
}

function expectSame(a: ScenarioActor, b: ScenarioActor): void {
  const x = a.getSnapshot();
  const y = b.getSnapshot();
  expect(y.value).toBe(x.value);
  expect(y.status).toBe(x.status);
  expect(y.context).toEqual(x.context);
}

/**
 * Walks a scenario with `picks` choosing among the open choices (an occasional unknown
 * choice id is sent too, which must change nothing). One actor runs straight through;
 * the other is saved and restored after every step; both must agree throughout.
 */
function walk(scenario: Scenario, picks: number[]): void {
  const straight = restoreScenarioActor(scenario);
  let restored = restoreScenarioActor(scenario);
  for (const pick of picks.slice(0, MAX_STEPS)) {
    const snapshot = straight.getSnapshot();
    if (snapshot.status !== 'active') break;
    const open = availableChoices(scenario, String(snapshot.value), snapshot.context.vars);
    if (open.length === 0) break;
    const choiceId = pick % 7 === 6 ? 'no-such-choice' : open[pick % open.length]!.id;
    straight.send({ type: 'CHOOSE', choiceId });
    restored.send({ type: 'CHOOSE', choiceId });
    restored = roundTrip(restored, scenario);
    expectSame(straight, restored);
  }
}

describe('saving and restoring play-throughs', () => {
  let shipped: Scenario[] = [];
  beforeAll(async () => {
    shipped = await shippedScenarios();
  });

  test('every shipped scenario restores exactly at every step of random walks', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const scenario of shipped) {
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: MAX_STEPS }), (picks) => walk(scenario, picks)),
        { numRuns: 30 },
      );
    }
  });

  test('generated scenarios restore exactly at every step of random walks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: MAX_STEPS }), (seed, size, picks) =>
        walk(randomScenario(seed, size), picks),
      ),
      { numRuns: 150 },
    );
  });
});

describe('restoring what no longer fits', () => {
  const scenario = randomScenario(7, 12);

  test.each([
    ['nothing saved', undefined],
    ['not an object', 'garbage'],
    ['a node removed by an edit', { status: 'active', value: 'n999', context: { vars: {}, path: [] }, children: {} }],
    ['a value that is not a node id', { status: 'active', value: { nested: 'n1' }, context: { vars: {}, path: [] } }],
    ['a context without a path', { status: 'active', value: 'n1', context: { vars: {} } }],
    ['a path that is not a list of ids', { status: 'active', value: 'n1', context: { vars: {}, path: [1, 2] } }],
  ])('%s starts the story from the beginning', (_label, persisted) => {
    const actor = restoreScenarioActor(scenario, persisted);
    expect(actor.getSnapshot().value).toBe('n0');
    expect(actor.getSnapshot().context).toEqual({ vars: { control: 3, contact: 2, confidence: 3, trust: 0 }, path: [] });
  });

  test('values of variables an edit removed are dropped, new ones start at their initial value, all within range', () => {
    const actor = restoreScenarioActor(scenario, {
      status: 'active',
      value: 'n3',
      context: { vars: { control: 99, contact: 1, gone: 4 }, path: ['c0', 'c1'] },
      children: {},
    });
    expect(actor.getSnapshot().value).toBe('n3');
    expect(actor.getSnapshot().context).toEqual({ vars: { control: 10, contact: 1, confidence: 3, trust: 0 }, path: ['c0', 'c1'] });
  });
});
