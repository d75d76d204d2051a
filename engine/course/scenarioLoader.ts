// A scenario file: YAML shaped by the schema, built into the Scenario model, then
// handed to the scenario engine's static checks with a way back to file positions.

import { checkScenario, type Locate } from '../scenario/scenarioChecks';
import { buildEnding } from './endingModel';
import type { Diagnostic } from './diagnostics';
import type { IdSite } from './idSites';
import { THREE_CS, type Scenario, type ScenarioNode, type VariableDef } from './model';
import { scenarioFileSchema, type ScenarioFile } from './schema';
import { parseYaml, type Finding, type YamlSource } from './yamlSource';
import { validateShape } from './zodFindings';

/** A loaded scenario, or the diagnostics that stopped it. */
export interface ScenarioLoad {
  scenario?: Scenario;
  idSite?: IdSite;
  /** Where the scenario's `outcomes` are, for checking them against its module. */
  locate: Locate;
  diagnostics: Diagnostic[];
}

/** Parses, builds and checks the scenario text of pack file `file`. */
export function loadScenario(text: string, file: string): ScenarioLoad {
  const source = parseYaml(text);
  const locate = scenarioLocate(source);
  const withFile = (f: Finding | Omit<Diagnostic, 'file'>): Diagnostic => ({ file, ...f });
  const diagnostics = source.findings.map(withFile);
  if (source.value === undefined && diagnostics.length > 0) return { locate, diagnostics };
  const shaped = validateShape(scenarioFileSchema, source.value, source, 'scenario');
  if (!shaped.data) return { locate, diagnostics: [...diagnostics, ...shaped.findings.map(withFile)] };
  const data = shaped.data;
  const own = shapeRules(data, source);
  const scenario = buildScenario(data, file);
  diagnostics.push(...own.map(withFile), ...checkScenario(scenario, locate).map(withFile));
  return { scenario, idSite: { id: data.id, kind: 'scenario', file, at: () => source.locate(['id']) }, locate, diagnostics };
}

/** Points at a scalar value (noting quotes, for columns inside conditions) or else at the key. */
function scenarioLocate(source: YamlSource): Locate {
  return (path) => {
    const scalar = source.scalarAt(path);
    if (scalar && path[path.length - 2] !== 'effects') return { ...source.positionOf(scalar.start), quoted: scalar.quoted };
    return source.locateKey(path);
  };
}

/** Rules the schema cannot say: a node is an ending or goes on; choice ids unique in a node; sane ranges. */
function shapeRules(data: ScenarioFile, source: YamlSource): Finding[] {
  const found: Finding[] = [];
  const add = (at: () => { line: number; column: number }, code: Finding['code'], message: string) => found.push({ ...at(), severity: 'error', code, message });
  for (const [nodeId, node] of Object.entries(data.nodes)) {
    const at = () => source.locateKey(['nodes', nodeId]);
    if (node.ending && node.choices && node.choices.length > 0) {
      add(at, 'HCS007', `node \`${nodeId}\` has both \`choices\` and an \`ending\`: a node either ends the story or offers choices`);
    }
    if (!node.ending && (node.text === undefined || node.text.trim() === '')) {
      add(at, 'HCS007', `missing required field \`text\` in node \`${nodeId}\`: expected the Markdown text of this point in the story`);
    }
    const seen = new Map<string, number>();
    for (const [i, choice] of (node.choices ?? []).entries()) {
      const first = seen.get(choice.id);
      if (first === undefined) {
        seen.set(choice.id, i);
        continue;
      }
      const earlier = source.locate(['nodes', nodeId, 'choices', first, 'id']);
      add(() => source.locate(['nodes', nodeId, 'choices', i, 'id']), 'HCS008', `duplicate choice id \`${choice.id}\` in node \`${nodeId}\`: already used at line ${earlier.line}`);
    }
  }
  for (const [name, def] of Object.entries(data.variables ?? {})) {
    const at = () => source.locateKey(['variables', name]);
    if ((THREE_CS as readonly string[]).includes(name)) {
      add(at, 'HCS008', `variable \`${name}\` is one of the 3Cs every scenario has: set its starting value under \`initial\` instead`);
    }
    const min = def.min ?? 0;
    const max = def.max ?? 10;
    const initial = def.initial ?? min;
    if (min > max || initial < min || initial > max) {
      add(at, 'HCS007', `variable \`${name}\` should have min <= initial <= max, but it has min ${min}, initial ${initial}, max ${max}`);
    }
  }
  return found;
}

/** The Scenario model of a shape-checked file; the 3Cs always come first among its variables. */
function buildScenario(data: ScenarioFile, file: string): Scenario {
  const variables: VariableDef[] = THREE_CS.map((name) => ({
    name,
    label: name[0]!.toUpperCase() + name.slice(1),
    initial: data.initial?.[name] ?? 5,
    min: 0,
    max: 10,
  }));
  for (const [name, def] of Object.entries(data.variables ?? {})) {
    if ((THREE_CS as readonly string[]).includes(name)) continue;
    const min = def.min ?? 0;
    variables.push({ name, label: def.label, initial: def.initial ?? min, min, max: def.max ?? 10 });
  }
  const nodes: Record<string, ScenarioNode> = {};
  for (const [id, node] of Object.entries(data.nodes)) {
    nodes[id] = {
      id,
      text: node.text ?? '',
      choices: (node.choices ?? []).map((c) => ({
        id: c.id,
        text: c.text,
        to: c.to,
        effects: c.effects ?? {},
        ...(c.when !== undefined ? { when: c.when } : {}),
        ...(c.feedback !== undefined ? { feedback: c.feedback } : {}),
      })),
      ...(node.ending ? { ending: buildEnding(node.ending) } : {}),
    };
  }
  return {
    id: data.id,
    title: data.title,
    file,
    summary: data.summary,
    focus: data.focus,
    outcomes: data.outcomes ?? [],
    variables,
    start: data.start,
    nodes,
  };
}
