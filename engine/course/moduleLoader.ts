// One module folder: module.yaml, its lessons and scenarios, read in parallel, with
// the references that stay inside the module (lesson and scenario outcomes) checked.

import { answerPositionFinding } from './answerPositions';
import type { Diagnostic, DiagnosticCode } from './diagnostics';
import type { IdSite } from './idSites';
import { parseLesson, type ParsedLesson } from './lessonParser';
import { checkLessonMedia } from './mediaChecks';
import type { Lesson, Module, Scenario } from './model';
import type { PackReader } from './packReader';
import { joinPackPath } from './packPath';
import { readPackText } from './packText';
import { loadScenario, type ScenarioLoad } from './scenarioLoader';
import { moduleFileSchema, type ModuleFile } from './schema';
import { parseYaml, type Finding, type Position, type YamlSource } from './yamlSource';
import { validateShape } from './zodFindings';

/** A place in a file, where a finding about something it lists is reported. */
export interface Site extends Position {
  file: string;
}

/** What loading one module folder gave. */
export interface ModuleLoad {
  module?: Module;
  /** module.yaml parsed, for positions of the references checked across the course. */
  source?: YamlSource;
  data?: ModuleFile;
  file: string;
  idSites: IdSite[];
  diagnostics: Diagnostic[];
}

/** Loads the module in pack folder `folder`, listed in course.yaml at `listed`. */
export async function loadModule(reader: PackReader, folder: string, listed: () => Site): Promise<ModuleLoad> {
  const file = `${folder}/module.yaml`;
  const at = (site: Site, code: DiagnosticCode, message: string): Diagnostic => ({ ...site, severity: 'error', code, message });
  const result: ModuleLoad = { file, idSites: [], diagnostics: [] };
  const folderEntry = await reader.stat(folder).catch(() => undefined);
  if (!folderEntry || folderEntry.kind !== 'dir') {
    result.diagnostics.push(at(listed(), 'HCS021', `module folder \`${folder}\` does not exist: create it, or correct the path listed under \`modules\``));
    return result;
  }
  const read = await readPackText(reader, file);
  if (read.kind === 'missing') {
    result.diagnostics.push(at(listed(), 'HCS001', `\`${file}\` not found: every module folder needs a module.yaml`));
    return result;
  }
  if (read.kind === 'problem') {
    result.diagnostics.push(read.diagnostic);
    return result;
  }
  const source = parseYaml(read.text);
  result.source = source;
  result.diagnostics.push(...source.findings.map((f) => ({ file, ...f })));
  if (source.value === undefined && source.findings.length > 0) return result;
  const shaped = validateShape(moduleFileSchema, source.value, source, 'module');
  if (!shaped.data) {
    result.diagnostics.push(...shaped.findings.map((f) => ({ file, ...f })));
    return result;
  }
  const data = shaped.data;
  result.data = data;
  const site = (path: (string | number)[]): Site => ({ file, ...source.locate(path) });
  result.idSites.push({ id: data.id, kind: 'module', file, at: () => source.locate(['id']) });

  const [lessons, scenarios] = await Promise.all([
    Promise.all(data.lessons.map((entry, i) => loadLessonFile(reader, folder, entry, () => site(['lessons', i])))),
    Promise.all((data.scenarios ?? []).map((entry, i) => loadScenarioFile(reader, folder, entry, () => site(['scenarios', i])))),
  ]);
  const outcomeIds = new Set(data.outcomes.map((o) => o.id));
  const checkOutcomes = (outcomes: readonly string[], where: (i: number) => Site, owner: string) =>
    outcomes.forEach((id, i) => {
      if (!outcomeIds.has(id)) result.diagnostics.push(at(where(i), 'HCS009', `${owner} serves outcome \`${id}\`, which is not an outcome of module \`${data.id}\`: expected one of ${[...outcomeIds].map((o) => `\`${o}\``).join(', ')}`));
    });

  const built: Lesson[] = [];
  for (const lesson of lessons) {
    result.diagnostics.push(...lesson.diagnostics);
    result.idSites.push(...lesson.idSites);
    if (lesson.lesson) {
      checkOutcomes(lesson.lesson.outcomes, (i) => ({ file: lesson.lesson!.file, ...lesson.locateFront(['outcomes', i]) }), `lesson \`${lesson.lesson.id}\``);
      built.push(lesson.lesson);
    }
  }
  const builtScenarios: Scenario[] = [];
  for (const loaded of scenarios) {
    result.diagnostics.push(...loaded.diagnostics);
    if (loaded.idSite) result.idSites.push(loaded.idSite);
    if (loaded.scenario) {
      const { scenario, locate } = loaded;
      checkOutcomes(scenario.outcomes, (i) => ({ file: scenario.file, ...locate(['outcomes', i]) }), `scenario \`${scenario.id}\``);
      builtScenarios.push(scenario);
    }
  }
  result.module = {
    id: data.id,
    title: data.title,
    summary: data.summary,
    folder,
    outcomes: data.outcomes.map((o) => ({ id: o.id, text: o.text, courseOutcomes: o.courseOutcomes ?? [] })),
    prerequisites: data.prerequisites ?? [],
    estimatedMinutes: data.estimatedMinutes,
    masteryScore: data.masteryScore,
    lessons: built,
    scenarios: builtScenarios,
  };
  const habit = answerPositionFinding(result.module, file, () => source.locateKey(['lessons']));
  if (habit) result.diagnostics.push(habit);
  return result;
}

interface LessonLoad {
  lesson?: Lesson;
  locateFront: ParsedLesson['locateFront'];
  idSites: IdSite[];
  diagnostics: Diagnostic[];
}

async function loadLessonFile(reader: PackReader, folder: string, entry: string, listed: () => Site): Promise<LessonLoad> {
  const none = { locateFront: () => ({ line: 1, column: 1 }), idSites: [] };
  const file = joinPackPath(folder, entry);
  if (file === undefined) return { ...none, diagnostics: [{ ...listed(), severity: 'error', code: 'HCS011', message: `lesson \`${entry}\` is outside the course pack: list a file inside the module folder` }] };
  const read = await readPackText(reader, file);
  if (read.kind === 'missing') return { ...none, diagnostics: [{ ...listed(), severity: 'error', code: 'HCS011', message: `lesson file \`${file}\` not found: create it, or correct its name under \`lessons\`` }] };
  if (read.kind === 'problem') return { ...none, diagnostics: [read.diagnostic] };
  const parsed = parseLesson(read.text, file);
  const withFile = (f: Finding): Diagnostic => ({ file, ...f });
  const diagnostics = parsed.findings.map(withFile);
  const media: string[] = [];
  await Promise.all(
    parsed.images.map(async (image) => {
      const entryAt = { file, line: image.line, column: image.column };
      if (image.path === undefined) {
        diagnostics.push({ ...entryAt, severity: 'error', code: 'HCS012', message: `image \`${image.src}\` is not a file inside the course pack: learners study offline, so copy it into the module's media folder and link it relatively` });
        return;
      }
      const stat = await reader.stat(image.path).catch(() => undefined);
      if (!stat || stat.kind !== 'file') {
        diagnostics.push({ ...entryAt, severity: 'error', code: 'HCS012', message: `image \`${image.src}\` not found: expected a file at \`${image.path}\`` });
      } else if (!media.includes(image.path)) media.push(image.path);
    }),
  );
  diagnostics.push(...(await checkLessonMedia(reader, file, parsed.images)));
  if (!parsed.front) return { locateFront: parsed.locateFront, idSites: parsed.idSites, diagnostics };
  const front = parsed.front;
  const lesson: Lesson = {
    id: front.id,
    title: front.title,
    file,
    minutes: front.minutes,
    outcomes: front.outcomes ?? [],
    blocks: parsed.blocks,
    media: media.sort(),
    words: parsed.words,
  };
  const idSites: IdSite[] = [{ id: front.id, kind: 'lesson', file, at: () => parsed.locateFront(['id']) }, ...parsed.idSites];
  return { lesson, locateFront: parsed.locateFront, idSites, diagnostics };
}

async function loadScenarioFile(reader: PackReader, folder: string, entry: string, listed: () => Site): Promise<ScenarioLoad> {
  const file = joinPackPath(folder, entry);
  const missing = (message: string): ScenarioLoad => ({ locate: () => ({ line: 1, column: 1 }), diagnostics: [{ ...listed(), severity: 'error' as const, code: 'HCS001' as const, message }] });
  if (file === undefined) return missing(`scenario \`${entry}\` is outside the course pack: list a file inside the module folder`);
  const read = await readPackText(reader, file);
  if (read.kind === 'missing') return missing(`scenario file \`${file}\` not found: create it, or correct its name under \`scenarios\``);
  if (read.kind === 'problem') return { locate: () => ({ line: 1, column: 1 }), diagnostics: [read.diagnostic] };
  return loadScenario(read.text, file);
}
