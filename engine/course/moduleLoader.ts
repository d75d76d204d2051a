// One module folder: module.yaml, its lessons and scenarios, read in parallel, with
// the references that stay inside the module (lesson and scenario outcomes) checked.
// A module.yaml with errors still leads to its lessons and scenarios: from its lists
// as far as they can be read, else from the files in the folder (see recovery.ts), so
// an author sees every problem of the module in one run.

import { answerPositionFinding } from './answerPositions';
import type { Diagnostic, DiagnosticCode } from './diagnostics';
import type { IdSite } from './idSites';
import { NO_CACHE, type LoadCache } from './loadCache';
import { parseLesson, type ParsedLesson } from './lessonParser';
import { checkLessonMedia } from './mediaChecks';
import type { Lesson, Module, Scenario } from './model';
import { didYouMeanFile } from './nearbyNames';
import type { PackReader } from './packReader';
import { joinPackPath } from './packPath';
import { readPackText } from './packText';
import { existingEntries, LESSON_FILE, parsedWhole, recoverModule, SCENARIO_FILE, type KnownModule, type ListEntry } from './recovery';
import { loadScenario, type ScenarioLoad } from './scenarioLoader';
import { moduleFileSchema, type ModuleFile } from './schema';
import { didYouMean } from './didYouMean';
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
  /** What module.yaml says that could be read, even when the file has errors. */
  known: KnownModule;
  file: string;
  idSites: IdSite[];
  diagnostics: Diagnostic[];
}

const at = (site: Site, code: DiagnosticCode, message: string): Diagnostic => ({ ...site, severity: 'error', code, message });

/** Loads the module in pack folder `folder`, listed in course.yaml at `listed`. */
export async function loadModule(reader: PackReader, folder: string, listed: () => Site, cache: LoadCache = NO_CACHE): Promise<ModuleLoad> {
  const file = `${folder}/module.yaml`;
  const result: ModuleLoad = { file, known: { whole: false, courseOutcomes: [] }, idSites: [], diagnostics: [] };
  const folderEntry = await reader.stat(folder).catch(() => undefined);
  if (!folderEntry || folderEntry.kind !== 'dir') {
    const hint = await didYouMeanFile(reader, folder, folder, 'dir');
    result.diagnostics.push(at(listed(), 'HCS021', `module folder \`${folder}\` does not exist: ${hint}create it, or correct the path listed under \`modules\``));
    return result;
  }
  const read = await cache.read(file, () => readPackText(reader, file));
  let source: YamlSource | undefined;
  let data: ModuleFile | undefined;
  let whole = false;
  if (read.kind === 'missing') result.diagnostics.push(at(listed(), 'HCS001', `\`${file}\` not found: every module folder needs a module.yaml`));
  else if (read.kind === 'problem') result.diagnostics.push(read.diagnostic);
  else {
    source = cache.derive('yaml', file, read.text, () => parseYaml(read.text));
    result.source = source;
    result.diagnostics.push(...source.findings.map((f) => ({ file, ...f })));
    whole = parsedWhole(source);
    if (whole) {
      const shaped = validateShape(moduleFileSchema, source.value, source, 'module');
      result.diagnostics.push(...shaped.findings.map((f) => ({ file, ...f })));
      data = shaped.data;
    }
    result.known = recoverModule(whole ? source.value : source.partial, whole);
  }
  const known = result.known;
  const site = (path: (string | number)[]): Site => (source ? { file, ...source.locate(path) } : { file, line: 1, column: 1 });
  if (known.id !== undefined && source) {
    const yaml = source;
    result.idSites.push({ id: known.id, kind: 'module', file, at: () => yaml.locate(['id']) });
  }

  // From a text with syntax errors, only the entries naming files that exist (see existingEntries).
  const entriesOf = async (list: ListEntry[] | undefined, kind: 'lesson' | 'scenario') =>
    !list ? filesInFolder(reader, folder, kind, cache) : whole ? list : existingEntries(reader, folder, list, 'file');
  const lessonEntries = await entriesOf(known.lessons, 'lesson');
  const scenarioEntries = await entriesOf(known.scenarios, 'scenario');
  if (!data) {
    // A missing module.yaml has no line to point at: the note goes where course.yaml lists the folder.
    const missing = read.kind === 'missing';
    const note = recoveryNote(file, folder, missing ? 'is missing' : 'has errors that hide part of it', whole, known, lessonEntries, scenarioEntries);
    const where = missing ? listed() : { file, ...(source && known.lessons ? source.locateKey(['lessons']) : { line: 1, column: 1 }) };
    if (note) result.diagnostics.push({ ...where, severity: 'warning', code: 'HCS027', message: note });
  }
  const listedAt = (list: 'lessons' | 'scenarios', entry: ListEntry) => (entry.index < 0 ? () => ({ file, line: 1, column: 1 }) : () => site([list, entry.index]));
  const [lessons, scenarios] = await Promise.all([
    Promise.all(lessonEntries.map((entry) => loadLessonFile(reader, folder, entry.entry, listedAt('lessons', entry), cache))),
    Promise.all(scenarioEntries.map((entry) => loadScenarioFile(reader, folder, entry.entry, listedAt('scenarios', entry), cache))),
  ]);
  const outcomeIds = known.outcomeIds ? new Set(known.outcomeIds) : undefined;
  const moduleName = known.id !== undefined ? `module \`${known.id}\`` : `the module in \`${folder}\``;
  const checkOutcomes = (outcomes: readonly string[], where: (i: number) => Site, owner: string) => {
    // When module.yaml's outcomes cannot be read, no outcome is known to be wrong.
    if (!outcomeIds) return;
    outcomes.forEach((id, i) => {
      if (outcomeIds.has(id)) return;
      const guess = didYouMean(id, [...outcomeIds]);
      result.diagnostics.push(at(where(i), 'HCS009', `${owner} serves outcome \`${id}\`, which is not an outcome of ${moduleName}: ${guess ? `did you mean \`${guess}\`? ` : ''}expected one of ${[...outcomeIds].map((o) => `\`${o}\``).join(', ')}`));
    });
  };

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
  if (!data || !source) return result;
  const yaml = source;
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
  const habit = answerPositionFinding(result.module, file, () => yaml.locateKey(['lessons']));
  if (habit) result.diagnostics.push(habit);
  return result;
}

/**
 * The lesson or scenario files of a module folder, for a module.yaml whose list cannot
 * be read: scenarios by their `.scenario.yaml` name; lessons as the Markdown files
 * that open with front matter, so a README or notes file beside them is not taken
 * for a broken lesson.
 */
async function filesInFolder(reader: PackReader, folder: string, kind: 'lesson' | 'scenario', cache: LoadCache): Promise<ListEntry[]> {
  const names = (await reader.list(folder).catch(() => [] as string[])).sort();
  const found: ListEntry[] = [];
  for (const name of names) {
    if (kind === 'scenario' ? !SCENARIO_FILE.test(name) : !LESSON_FILE.test(name) || SCENARIO_FILE.test(name)) continue;
    if (kind === 'lesson') {
      const path = `${folder}/${name}`;
      const read = await cache.read(path, () => readPackText(reader, path));
      if (read.kind !== 'text' || !/^---\r?\n/.test(read.text)) continue;
    }
    found.push({ index: -1, entry: name });
  }
  return found;
}

/** Says where the lessons and scenarios checked came from when module.yaml could not say it plainly (HCS027), or undefined when it could. */
function recoveryNote(file: string, folder: string, why: string, whole: boolean, known: KnownModule, lessons: ListEntry[], scenarios: ListEntry[]): string | undefined {
  if (whole && known.lessons && known.scenarios) return undefined;
  const names = (entries: ListEntry[]) => (entries.length === 0 ? 'none' : entries.map((e) => e.entry).join(', '));
  const from = (kind: 'lessons' | 'scenarios', list: ListEntry[] | undefined, found: ListEntry[]) =>
    list
      ? `the ${kind} are those its \`${kind}\` list names${whole ? '' : ' as far as it could be read'} (${names(found)})`
      : `the ${kind} are the ${kind === 'lessons' ? 'Markdown files with front matter' : '*.scenario.yaml files'} in ${folder} (${names(found)})`;
  return `${file} ${why}, so ${from('lessons', known.lessons, lessons)} and ${from('scenarios', known.scenarios, scenarios)}; fix ${file} so exactly what it lists is checked`;
}

interface LessonLoad {
  lesson?: Lesson;
  locateFront: ParsedLesson['locateFront'];
  idSites: IdSite[];
  diagnostics: Diagnostic[];
}

async function loadLessonFile(reader: PackReader, folder: string, entry: string, listed: () => Site, cache: LoadCache): Promise<LessonLoad> {
  const none = { locateFront: () => ({ line: 1, column: 1 }), idSites: [] };
  const file = joinPackPath(folder, entry);
  if (file === undefined) return { ...none, diagnostics: [{ ...listed(), severity: 'error', code: 'HCS011', message: `lesson \`${entry}\` is outside the course pack: list a file inside the module folder` }] };
  const read = await cache.read(file, () => readPackText(reader, file));
  if (read.kind === 'missing') {
    const hint = await didYouMeanFile(reader, entry, file, 'file');
    return { ...none, diagnostics: [{ ...listed(), severity: 'error', code: 'HCS011', message: `lesson file \`${file}\` not found: ${hint}create it, or correct its name under \`lessons\`` }] };
  }
  if (read.kind === 'problem') return { ...none, diagnostics: [read.diagnostic] };
  const parsed = cache.derive('lesson', file, read.text, () => parseLesson(read.text, file));
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
        const hint = await didYouMeanFile(reader, image.src, image.path, 'file');
        diagnostics.push({ ...entryAt, severity: 'error', code: 'HCS012', message: `image \`${image.src}\` not found: ${hint}expected a file at \`${image.path}\`` });
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

async function loadScenarioFile(reader: PackReader, folder: string, entry: string, listed: () => Site, cache: LoadCache): Promise<ScenarioLoad> {
  const file = joinPackPath(folder, entry);
  const missing = (message: string): ScenarioLoad => ({ locate: () => ({ line: 1, column: 1 }), diagnostics: [{ ...listed(), severity: 'error' as const, code: 'HCS001' as const, message }] });
  if (file === undefined) return missing(`scenario \`${entry}\` is outside the course pack: list a file inside the module folder`);
  const read = await cache.read(file, () => readPackText(reader, file));
  if (read.kind === 'missing') return missing(`scenario file \`${file}\` not found: ${await didYouMeanFile(reader, entry, file, 'file')}create it, or correct its name under \`scenarios\``);
  if (read.kind === 'problem') return { locate: () => ({ line: 1, column: 1 }), diagnostics: [read.diagnostic] };
  return cache.derive('scenario', file, read.text, () => loadScenario(read.text, file));
}
