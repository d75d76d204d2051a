// Walks every scenario of each shipped course through the scenario machine, the
// way a learner would, and checks the courses carry the figures the curriculum
// promises: enough lessons, quizzes that teach, reflections and branching stories.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../engine/course/courseLoader';
import { formatDiagnostic } from '../../engine/course/diagnostics';
import { PRACTICE_FEATURES, THREE_CS, type Course, type Scenario } from '../../engine/course/model';
import { conditionVariables, parseCondition } from '../../engine/scenario/conditions';
import { createNodePackReader } from '../../main/services/nodePackReader';
import { fakeChoice, fakeEnding, fakeScenario, threeCs } from '../fakes/fakeCourse';
import { claimHolds, threeCsClaims } from './debriefClaims';
import { reachableEndings } from './scenarioWalk';
import { pathNotesFor } from '../../engine/scenario/pathNotes';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shippedCourses = ['courses/health-creation-ug', 'courses/health-creation-pg'];
const MIN_SCENARIOS_PER_COURSE = 6;

/** The words a debrief uses for a feature, e.g. "power shifting" for power-shifting. */
function featureWords(feature: string): string {
  return feature.replace(/-/g, ' ');
}

function threeCsMoved(scenario: Scenario): string[] {
  const moved = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices) {
      for (const [name, change] of Object.entries(choice.effects)) if (change !== 0) moved.add(name);
    }
  }
  return THREE_CS.filter((c) => moved.has(c));
}

function conditionsUsingThreeCs(scenario: Scenario): string[] {
  return Object.values(scenario.nodes).flatMap((node) =>
    node.choices.flatMap((choice) => {
      if (!choice.when) return [];
      const parsed = parseCondition(choice.when);
      if (!parsed.ok) return [];
      return conditionVariables(parsed.ast).some((v) => (THREE_CS as readonly string[]).includes(v)) ? [choice.when] : [];
    }),
  );
}

describe('scenario walk', () => {
  const gated = (needed: number) =>
    fakeScenario({
      variables: threeCs({ control: 5 }),
      nodes: {
        start: { choices: [fakeChoice({ id: 'take-charge', to: 'gate', effects: { control: 3 } })] },
        gate: {
          choices: [
            fakeChoice({ id: 'lead', to: 'win', when: `control >= ${needed}` }),
            fakeChoice({ id: 'follow', to: 'lose' }),
          ],
        },
        win: { ending: fakeEnding({ kind: 'positive' }) },
        lose: { ending: fakeEnding({ kind: 'negative' }) },
      },
    });

  it('reaches an ending that needs a 3C raised along the way', () => {
    expect([...reachableEndings(gated(8)).endings].sort()).toEqual(['lose', 'win']);
  });

  it('misses an ending whose condition no sequence of choices can meet', () => {
    expect([...reachableEndings(gated(9)).endings]).toEqual(['lose']);
  });
});

describe('reading what a debrief says about the 3Cs', () => {
  it('reads each C a sentence names and the way it says it moved', () => {
    const { claims, unreadable } = threeCsClaims(
      "Her **control**, contact and confidence rose together. Lee's contact rose, but his control did not change; confidence did not rise.",
    );
    expect(claims.map((c) => `${c.c} ${c.direction}`)).toEqual(['control up', 'contact up', 'confidence up', 'contact up', 'control same', 'confidence not-up']);
    expect(unreadable).toEqual([]);
  });

  it('flags a sentence that speaks of a C moving in words it cannot check', () => {
    expect(threeCsClaims('Control over her own care stayed with the team, and her confidence is high.').unreadable).toHaveLength(1);
    expect(threeCsClaims('Confidence grows from doing things that matter.').unreadable).toEqual([]);
  });

  it('holds a claim to the change the play-through made', () => {
    expect([claimHolds('up', 1), claimHolds('up', 0), claimHolds('same', 0), claimHolds('not-up', -1), claimHolds('not-down', -1)]).toEqual([true, false, true, true, false]);
  });

  it('finds a choice that leads back to an earlier point of the story', () => {
    const looping = fakeScenario({
      nodes: {
        start: { choices: [fakeChoice({ id: 'on', to: 'middle' })] },
        middle: { choices: [fakeChoice({ id: 'back', to: 'start' }), fakeChoice({ id: 'end', to: 'end' })] },
        end: { ending: fakeEnding() },
      },
    });
    expect(storyLoops(looping)).toEqual(['middle -> back -> start']);
    expect(storyLoops(fakeScenario())).toEqual([]);
  });

  it('finds a fixed debrief that claims a rise some path to its ending did not make', () => {
    const scenario = fakeScenario({
      variables: threeCs({ control: 3 }),
      nodes: {
        start: {
          choices: [
            fakeChoice({ id: 'with', to: 'end', effects: { control: 1 } }),
            fakeChoice({ id: 'for', to: 'end', effects: { contact: 1 } }),
          ],
        },
        end: { ending: fakeEnding({ debrief: 'Her control rose.' }) },
      },
    });
    expect(falseClaims(scenario)).toEqual(['end (control 3, contact 6, confidence 5): "Her control rose." says control up, but it changed by 0']);
  });
});

/** Choices that close a loop in the story's graph, as "node -> choice -> node". */
function storyLoops(scenario: Scenario): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const loops: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const choice of scenario.nodes[id]?.choices ?? []) {
      const next = state.get(choice.to);
      if (next === 'open') loops.push(`${id} -> ${choice.id} -> ${choice.to}`);
      else if (next === undefined) visit(choice.to);
    }
    state.set(id, 'done');
  };
  visit(scenario.start);
  return loops;
}

/** Every debrief statement about the 3Cs that the variables at its ending contradict. */
function falseClaims(scenario: Scenario): string[] {
  const initial = Object.fromEntries(scenario.variables.map((v) => [v.name, v.initial]));
  const problems: string[] = [];
  for (const { nodeId, vars } of reachableEndings(scenario).arrivals) {
    const ending = scenario.nodes[nodeId]!.ending!;
    const text = [ending.debrief, ...pathNotesFor(ending, vars).map((n) => n.text)].join('\n\n');
    const where = `${nodeId} (${THREE_CS.map((c) => `${c} ${vars[c]}`).join(', ')})`;
    const { claims, unreadable } = threeCsClaims(text);
    for (const claim of claims) {
      const change = vars[claim.c]! - initial[claim.c]!;
      if (!claimHolds(claim.direction, change)) problems.push(`${where}: "${claim.said}" says ${claim.c} ${claim.direction}, but it changed by ${change}`);
    }
    for (const sentence of unreadable) problems.push(`${where}: "${sentence}" speaks of the 3Cs moving in words the check cannot read`);
  }
  return [...new Set(problems)];
}

describe.each(shippedCourses)('%s', (dir) => {
  let course: Course;

  beforeAll(async () => {
    const result = await loadCourse(createNodePackReader(path.join(repoRoot, dir)));
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, dir));
    expect(errors, errors.join('\n')).toEqual([]);
    expect(result.course, `${dir} did not load`).toBeDefined();
    course = result.course!;
  });

  it('reaches every ending of every scenario by some path of choices', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      const declared = Object.values(scenario.nodes).filter((n) => n.ending).map((n) => n.id);
      const { endings, unfinished } = reachableEndings(scenario);
      expect([...endings].sort(), `${scenario.file}: endings reached`).toEqual([...declared].sort());
      expect(unfinished, `${scenario.file}: endings that do not finish the scenario`).toEqual([]);
    }
  });

  it(`has at least ${MIN_SCENARIOS_PER_COURSE} scenarios, each with 12 or more nodes and 3 or more endings`, () => {
    const scenarios = course.modules.flatMap((m) => m.scenarios);
    expect(scenarios.length).toBeGreaterThanOrEqual(MIN_SCENARIOS_PER_COURSE);
    for (const scenario of scenarios) {
      const nodes = Object.values(scenario.nodes);
      expect(nodes.length, `${scenario.file}: nodes`).toBeGreaterThanOrEqual(12);
      expect(nodes.filter((n) => n.ending).length, `${scenario.file}: endings`).toBeGreaterThanOrEqual(3);
    }
  });

  it('has choices that move each of the 3Cs and a condition on a 3C in every scenario', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      expect(threeCsMoved(scenario), `${scenario.file}: 3Cs moved by choices`).toEqual([...THREE_CS]);
      expect(conditionsUsingThreeCs(scenario).length, `${scenario.file}: conditions on a 3C`).toBeGreaterThan(0);
    }
  });

  it('names in every debrief the features of practice the ending lists as at play and as missing', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      for (const node of Object.values(scenario.nodes)) {
        if (!node.ending) continue;
        const where = `${scenario.file}#${node.id}`;
        const { features, missing, kind } = node.ending;
        expect(features.length + missing.length, `${where}: features at play or missing`).toBeGreaterThan(0);
        if (kind !== 'positive') expect(missing.length, `${where}: a ${kind} ending names what was missing`).toBeGreaterThan(0);
        const debrief = node.ending.debrief.toLowerCase().replace(/[-\s]+/g, ' ');
        for (const feature of [...features, ...missing]) {
          expect(PRACTICE_FEATURES).toContain(feature);
          expect(debrief, `${where}: debrief names ${feature}`).toContain(featureWords(feature));
        }
      }
    }
  });

  it('says nothing in any debrief about the 3Cs that the path reaching it contradicts', () => {
    const problems = course.modules.flatMap((m) => m.scenarios.flatMap((s) => falseClaims(s).map((p) => `${s.file}: ${p}`)));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('never brings a learner back to a point of the story already passed, so no loop can pump the 3Cs', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      expect(storyLoops(scenario), `${scenario.file}: choices that lead back to an earlier point`).toEqual([]);
    }
  });

  it('shows every path note on some path, so none is dead text', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      const shown = new Set<string>();
      for (const { nodeId, vars } of reachableEndings(scenario).arrivals) {
        for (const note of pathNotesFor(scenario.nodes[nodeId]!.ending!, vars)) shown.add(`${nodeId} ${note.when}`);
      }
      for (const node of Object.values(scenario.nodes)) {
        for (const note of node.ending?.pathNotes ?? []) expect(shown.has(`${node.id} ${note.when}`), `${scenario.file}#${node.id}: path note "${note.when}" is never shown`).toBe(true);
      }
    }
  });

  it('gives every module three lessons, a quiz whose options all teach, a reflection and a scenario', () => {
    for (const module of course.modules) {
      const blocks = module.lessons.flatMap((l) => l.blocks);
      const questions = blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : []));
      expect(module.lessons.length, `${module.id}: lessons`).toBeGreaterThanOrEqual(3);
      expect(questions.length, `${module.id}: quiz questions`).toBeGreaterThan(0);
      for (const option of questions.flatMap((q) => q.options.map((o) => ({ q, o })))) {
        expect(option.o.feedback.trim(), `${module.id}/${option.q.id}/${option.o.id}: feedback`).not.toBe('');
      }
      expect(blocks.some((b) => b.kind === 'reflection'), `${module.id}: reflection`).toBe(true);
      expect(module.scenarios.length, `${module.id}: scenarios`).toBeGreaterThanOrEqual(1);
    }
  });

  it('maps every module outcome to a course outcome, and serves every course outcome', () => {
    const courseOutcomes = new Set(course.outcomes.map((o) => o.id));
    const served = new Set<string>();
    for (const outcome of course.modules.flatMap((m) => m.outcomes)) {
      expect(outcome.courseOutcomes.length, `${outcome.id}: course outcomes`).toBeGreaterThan(0);
      for (const id of outcome.courseOutcomes) {
        expect(courseOutcomes.has(id), `${outcome.id} maps to unknown course outcome ${id}`).toBe(true);
        served.add(id);
      }
    }
    expect([...courseOutcomes].filter((id) => !served.has(id)), 'course outcomes no module serves').toEqual([]);
  });
});
