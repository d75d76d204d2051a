// A scenario file: YAML shaped by the schema, built into the Scenario model, then
// handed to the scenario engine's static checks with a way back to file positions.
// A file with errors is still read as far as it can be and checked (lenientScenario.ts),
// so every problem of a scenario shows at once and its graph can still be drawn.

import { CERTAIN, placeFindings, scenarioFindings, type Locate, type PathFinding, type ScenarioUncertainty } from '../scenario/scenarioChecks';
import { buildEnding } from './endingModel';
import type { Diagnostic } from './diagnostics';
import type { IdSite } from './idSites';
import { THREE_CS, type Scenario, type ScenarioNode, type VariableDef } from './model';
import { didYouMean } from './didYouMean';
import { readScenarioLeniently } from './lenientScenario';
import { isId, parsedWhole } from './recovery';
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
  /** The story as far as the file could be read, for the Scenario Graph; absent when not even its nodes could be read. */
  reading?: ScenarioReading;
}

/** A scenario file's story as far as it could be read, with the static checks' findings by path. */
export interface ScenarioReading {
  text: string;
  source: YamlSource;
  /** The file's value (as far as it could be parsed, when `whole` is false). */
  value: unknown;
  /** The loaded scenario, or a lenient reading of a file with errors. */
  model: Scenario;
  uncertainty: ScenarioUncertainty;
  /** False when the text has YAML syntax errors: then the reading may be cut short, and no check runs on it. */
  whole: boolean;
  checks: PathFinding[];
}

/** Parses, builds and checks the scenario text of pack file `file`. */
export function loadScenario(text: string, file: string): ScenarioLoad {
  const source = parseYaml(text);
  const locate = scenarioLocate(source);
  const withFile = (f: Finding | Omit<Diagnostic, 'file'>): Diagnostic => ({ file, ...f });
  const diagnostics = source.findings.map(withFile);
  const whole = parsedWhole(source);
  if (!whole) {
    // Checks on a text cut short by a syntax error would report nodes lost to the
    // error as missing; the reading is kept for the graph only.
    const lenient = readScenarioLeniently(source.partial, file, false);
    return { locate, diagnostics, ...(lenient ? { reading: { text, source, value: source.partial, model: lenient.scenario, uncertainty: lenient.uncertainty, whole, checks: [] } } : {}) };
  }
  const shaped = validateShape(scenarioFileSchema, source.value, source, 'scenario');
  diagnostics.push(...shaped.findings.map(withFile));
  const data = shaped.data;
  const lenient = data ? { scenario: buildScenario(data, file), uncertainty: CERTAIN } : readScenarioLeniently(source.value, file, true);
  const id = (source.value as { id?: unknown } | null)?.id;
  const idSite: IdSite | undefined = isId(id) ? { id, kind: 'scenario', file, at: () => source.locate(['id']) } : undefined;
  if (!lenient) return { locate, diagnostics, ...(idSite ? { idSite } : {}) };
  const checks = scenarioFindings(lenient.scenario, lenient.uncertainty);
  diagnostics.push(...shapeRules(source.value, source).map(withFile), ...placeFindings(checks, locate).map(withFile));
  const reading: ScenarioReading = { text, source, value: source.value, model: lenient.scenario, uncertainty: lenient.uncertainty, whole, checks };
  return { ...(data ? { scenario: lenient.scenario } : {}), ...(idSite ? { idSite } : {}), locate, diagnostics, reading };
}

/** Points at a scalar value (noting quotes, for columns inside conditions) or else at the key. */
function scenarioLocate(source: YamlSource): Locate {
  return (path) => {
    const scalar = source.scalarAt(path);
    if (scalar && path[path.length - 2] !== 'effects') return { ...source.positionOf(scalar.start), quoted: scalar.quoted };
    return source.locateKey(path);
  };
}

type Fields = Record<string, unknown>;
const NODE_FIELDS = ['text', 'choices', 'ending'];
const fieldsOf = (value: unknown): Fields | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined);

/**
 * Rules the schema cannot say: a node is an ending or goes on; choice ids unique in a
 * node; sane ranges. Read from the file's value with care for wrong types, so they
 * hold for a file with other errors too (wrong types themselves are the schema's).
 */
function shapeRules(value: unknown, source: YamlSource): Finding[] {
  const found: Finding[] = [];
  const add = (at: () => { line: number; column: number }, code: Finding['code'], message: string) => found.push({ ...at(), severity: 'error', code, message });
  const fields = fieldsOf(value);
  for (const [nodeId, raw] of Object.entries(fieldsOf(fields?.['nodes']) ?? {})) {
    const node = fieldsOf(raw);
    if (!node) continue;
    const at = () => source.locateKey(['nodes', nodeId]);
    const choices = Array.isArray(node['choices']) ? node['choices'] : [];
    const ending = node['ending'] !== undefined && node['ending'] !== null;
    if (ending && choices.length > 0) {
      add(at, 'HCS007', `node \`${nodeId}\` has both \`choices\` and an \`ending\`: a node either ends the story or offers choices`);
    }
    const text = node['text'];
    // A node with a misspelt field has that reported with the field meant (`txet`: did you mean `text`?).
    const misspelt = Object.keys(node).some((key) => !NODE_FIELDS.includes(key) && didYouMean(key, NODE_FIELDS) === 'text');
    if (!ending && !misspelt && (text === undefined || (typeof text === 'string' && text.trim() === ''))) {
      add(at, 'HCS007', `missing required field \`text\` in node \`${nodeId}\`: expected the Markdown text of this point in the story`);
    }
    const seen = new Map<string, number>();
    choices.forEach((choice, i) => {
      const id = fieldsOf(choice)?.['id'];
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) return void seen.set(id, i);
      const earlier = source.locate(['nodes', nodeId, 'choices', first, 'id']);
      add(() => source.locate(['nodes', nodeId, 'choices', i, 'id']), 'HCS008', `duplicate choice id \`${id}\` in node \`${nodeId}\`: already used at line ${earlier.line}`);
    });
  }
  for (const [name, raw] of Object.entries(fieldsOf(fields?.['variables']) ?? {})) {
    const def = fieldsOf(raw) ?? {};
    const at = () => source.locateKey(['variables', name]);
    if ((THREE_CS as readonly string[]).includes(name)) {
      add(at, 'HCS008', `variable \`${name}\` is one of the 3Cs every scenario has: set its starting value under \`initial\` instead`);
    }
    const number = (key: string, fallback: number) => (typeof def[key] === 'number' ? (def[key] as number) : fallback);
    const min = number('min', 0);
    const max = number('max', 10);
    const initial = number('initial', min);
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
