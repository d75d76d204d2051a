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
import { reachableEndings } from './scenarioWalk';

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

  it('names in every debrief the features of practice the ending lists', () => {
    for (const scenario of course.modules.flatMap((m) => m.scenarios)) {
      for (const node of Object.values(scenario.nodes)) {
        if (!node.ending) continue;
        const where = `${scenario.file}#${node.id}`;
        expect(node.ending.features.length, `${where}: features`).toBeGreaterThan(0);
        const debrief = node.ending.debrief.toLowerCase().replace(/[-\s]+/g, ' ');
        for (const feature of node.ending.features) {
          expect(PRACTICE_FEATURES).toContain(feature);
          expect(debrief, `${where}: debrief names ${feature}`).toContain(featureWords(feature));
        }
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
