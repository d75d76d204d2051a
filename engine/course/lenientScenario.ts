// A scenario file with errors, read as far as it can be: its nodes, the choices whose
// target, condition and effects are readable, and its variables. The static checks
// run on this reading too, so a typo in one node does not hide a choice to a missing
// node in another, and the Scenario Graph can be drawn while the file is broken (when
// an author most needs it). What could not be read is noted as uncertain, and the
// checks that would depend on it are skipped (see ScenarioUncertainty), so the reading
// never makes up a problem. Such a reading is never loaded for learners.

import type { z } from 'zod';
import type { ScenarioUncertainty } from '../scenario/scenarioChecks';
import { didYouMean } from './didYouMean';
import { THREE_CS, type Choice, type Ending, type Scenario, type ScenarioNode, type VariableDef } from './model';
import { scenarioFileSchema } from './schema';

/** A lenient reading of a scenario file's value and what it could not read; undefined when not even its nodes are a mapping. */
export interface LenientScenario {
  scenario: Scenario;
  uncertainty: ScenarioUncertainty;
}

type Fields = Record<string, unknown>;

const fieldsOf = (value: unknown): Fields | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

// Fields whose errors cannot change the story's graph or its values.
const NEUTRAL_TOP = new Set(['id', 'title', 'summary', 'focus', 'outcomes']);
const NEUTRAL_CHOICE = new Set(['id', 'text', 'feedback']);
const NEUTRAL_NODE = new Set(['text']);

/** Reads a scenario file's (possibly broken) value leniently; `whole` is false when it came from a text with syntax errors. */
export function readScenarioLeniently(value: unknown, file: string, whole: boolean): LenientScenario | undefined {
  const fields = fieldsOf(value);
  const rawNodes = fieldsOf(fields?.['nodes']);
  if (!fields || !rawNodes) return undefined;
  const uncertainNodes = new Set<string>();
  const uncertainty = { nodes: uncertainNodes, variableNames: false, variableValues: false, start: typeof fields['start'] !== 'string' };

  const nodes: Record<string, ScenarioNode> = {};
  for (const [id, raw] of Object.entries(rawNodes)) {
    const node = fieldsOf(raw);
    if (!node) uncertainNodes.add(id);
    const choices: Choice[] = [];
    const rawChoices = node?.['choices'];
    if (rawChoices !== undefined && !Array.isArray(rawChoices)) uncertainNodes.add(id);
    (Array.isArray(rawChoices) ? rawChoices : []).forEach((rawChoice, i) => {
      const choice = readChoice(rawChoice, i);
      if (choice) choices.push(choice);
      else uncertainNodes.add(id);
    });
    const ending = node?.['ending'];
    const endingFields = fieldsOf(ending);
    nodes[id] = {
      id,
      text: typeof node?.['text'] === 'string' ? node['text'] : '',
      choices,
      // A node with an `ending` written ends the story, whatever else is wrong with it.
      ...(ending !== undefined && ending !== null ? { ending: readEnding(endingFields) } : {}),
    };
  }

  const rawVariables = fields['variables'];
  const declared = fieldsOf(rawVariables);
  if (rawVariables !== undefined && !declared) uncertainty.variableNames = true;
  const initial = fieldsOf(fields['initial']);
  const variables: VariableDef[] = THREE_CS.map((name) => {
    const start = initial?.[name];
    return { name, label: name[0]!.toUpperCase() + name.slice(1), initial: isNumber(start) && start >= 0 && start <= 10 ? start : 5, min: 0, max: 10 };
  });
  for (const [name, raw] of Object.entries(declared ?? {})) {
    if ((THREE_CS as readonly string[]).includes(name)) continue;
    const def = fieldsOf(raw);
    const min = isNumber(def?.['min']) ? def['min'] : 0;
    const max = isNumber(def?.['max']) ? def['max'] : 10;
    variables.push({ name, label: typeof def?.['label'] === 'string' ? def['label'] : name, initial: isNumber(def?.['initial']) ? def['initial'] : min, min, max });
  }

  noteSchemaIssues(value, uncertainty);
  if (!whole) {
    // A text with syntax errors may have lost any part of any node: nothing is certain.
    for (const id of Object.keys(nodes)) uncertainNodes.add(id);
    uncertainty.variableNames = true;
    uncertainty.variableValues = true;
  }
  const scenario: Scenario = {
    id: typeof fields['id'] === 'string' ? fields['id'] : '',
    title: typeof fields['title'] === 'string' ? fields['title'] : '',
    file,
    summary: typeof fields['summary'] === 'string' ? fields['summary'] : '',
    focus: typeof fields['focus'] === 'string' ? fields['focus'] : '',
    outcomes: Array.isArray(fields['outcomes']) ? fields['outcomes'].filter((o): o is string => typeof o === 'string') : [],
    variables,
    start: typeof fields['start'] === 'string' ? fields['start'] : '',
    nodes,
  };
  return { scenario, uncertainty };
}

/**
 * An ending as far as it can be read. Its kind is a placeholder (the graph shows the
 * kind written, if valid); features are left empty, so no feature is judged both at
 * play and missing on a guess; path notes are kept when every one's condition can be
 * read, so their conditions are still checked.
 */
function readEnding(fields: Fields | undefined): Ending {
  const notes = Array.isArray(fields?.['pathNotes']) ? fields['pathNotes'] : [];
  return {
    title: typeof fields?.['title'] === 'string' ? fields['title'] : '',
    kind: 'mixed',
    debrief: '',
    features: [],
    missing: [],
    // All or none: a finding names a note by its place in the list, so none may be skipped.
    pathNotes: notes.every((raw) => typeof fieldsOf(raw)?.['when'] === 'string')
      ? notes.map((raw) => ({ when: fieldsOf(raw)!['when'] as string, text: typeof fieldsOf(raw)!['text'] === 'string' ? (fieldsOf(raw)!['text'] as string) : '' }))
      : [],
  };
}

/** A choice whose target, condition and effects can all be read, else undefined (its node is then uncertain). */
function readChoice(raw: unknown, index: number): Choice | undefined {
  const choice = fieldsOf(raw);
  if (!choice || typeof choice['to'] !== 'string') return undefined;
  const when = choice['when'];
  if (when !== undefined && typeof when !== 'string') return undefined;
  const rawEffects = choice['effects'];
  const effects = rawEffects === undefined ? {} : fieldsOf(rawEffects);
  if (!effects || !Object.values(effects).every(isNumber)) return undefined;
  return {
    id: typeof choice['id'] === 'string' ? choice['id'] : `choice-${index + 1}`,
    text: typeof choice['text'] === 'string' ? choice['text'] : '',
    to: choice['to'],
    effects: effects as Record<string, number>,
    ...(when !== undefined ? { when } : {}),
    ...(typeof choice['feedback'] === 'string' ? { feedback: choice['feedback'] } : {}),
  };
}

/** Marks as uncertain whatever the schema's issues say may be wrong in a way that matters to the checks. */
function noteSchemaIssues(value: unknown, uncertainty: { nodes: Set<string>; variableNames: boolean; variableValues: boolean; start: boolean }): void {
  const result = scenarioFileSchema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues as z.core.$ZodIssue[]) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const [top, nodeId, part, index, field] = path;
    if (top === 'nodes' && typeof nodeId === 'string') {
      if (part === 'text' || part === 'ending' || issue.code === 'invalid_key') continue;
      // An error in a choice's id, text or feedback leaves its target, condition and effects intact.
      if (part === 'choices' && index !== undefined && typeof field === 'string' && NEUTRAL_CHOICE.has(field)) continue;
      // A misspelt field the author plainly meant as a node's text, or a choice's text,
      // id or feedback, hides nothing of the story's shape; any other may be a lost
      // `choices`, `ending`, `to`, `when` or `effects`.
      if (issue.code === 'unrecognized_keys') {
        const inChoice = part === 'choices';
        const fields = inChoice ? ['id', 'text', 'to', 'effects', 'when', 'feedback'] : ['text', 'choices', 'ending'];
        const neutral = inChoice ? NEUTRAL_CHOICE : NEUTRAL_NODE;
        if (issue.keys.every((key) => neutral.has(didYouMean(key, fields) ?? ''))) continue;
      }
      uncertainty.nodes.add(nodeId);
    } else if (top === 'variables' || top === 'initial') {
      uncertainty.variableValues = true;
      if (top === 'variables' && path.length === 1) uncertainty.variableNames = true;
    } else if (top === 'start') {
      uncertainty.start = true;
    } else if (top === undefined && issue.code === 'unrecognized_keys') {
      // A misspelt `variables:` or `initial:` hides declarations or starting values; a misspelt title does not.
      for (const key of issue.keys) {
        const meant = didYouMean(key, Object.keys(scenarioFileSchema.shape));
        if (meant === undefined || !NEUTRAL_TOP.has(meant)) {
          uncertainty.variableNames = true;
          uncertainty.variableValues = true;
        }
      }
    }
  }
}
