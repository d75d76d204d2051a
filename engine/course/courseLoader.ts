// Loads a whole course pack through a PackReader into a validated Course, or reports
// why it cannot: every problem found in one pass, each at its file, line and column.
// A course is returned only when there is no error, so a broken pack never half-loads.
// A course.yaml or module.yaml with errors still leads to the modules, lessons and
// scenarios it names (as far as they can be read), so one broken file never hides the
// problems of the others; see recovery.ts.

import { didYouMean } from './didYouMean';
import { sortDiagnostics, type Diagnostic, type DiagnosticCode } from './diagnostics';
import { duplicateIds, type IdSite } from './idSites';
import { NO_CACHE, type LoadCache } from './loadCache';
import type { Course, Module, Reference } from './model';
import { loadModule, type ModuleLoad, type Site } from './moduleLoader';
import type { PackReader } from './packReader';
import { joinPackPath } from './packPath';
import { readPackText } from './packText';
import { findPrerequisiteCycles } from './prerequisites';
import { existingEntries, parsedWhole, recoverCourse, type KnownCourse, type ListEntry } from './recovery';
import { courseFileSchema, referencesFileSchema, type CourseFile } from './schema';
import { parseYaml, type YamlSource } from './yamlSource';
import { validateShape } from './zodFindings';

/** The loaded course (present iff there is no error) and every diagnostic found. */
export interface LoadResult {
  course?: Course;
  diagnostics: Diagnostic[];
}

const COURSE_FILE = 'course.yaml';
const REFERENCES_FILE = 'references.yaml';

/** Loads and validates the course pack that `reader` reads, reusing what `cache` kept. Never throws. */
export async function loadCourse(reader: PackReader, cache: LoadCache = NO_CACHE): Promise<LoadResult> {
  try {
    return await loadPack(rememberStats(reader), cache);
  } catch (error) {
    // Every expected problem is a diagnostic already; this keeps an unforeseen one
    // (a reader that fails oddly) a sentence rather than a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [{ file: COURSE_FILE, line: 1, column: 1, severity: 'error', code: 'HCS001', message: `the course pack could not be read: ${message}` }] };
  }
}

async function loadPack(reader: PackReader, cache: LoadCache): Promise<LoadResult> {
  const read = await cache.read(COURSE_FILE, () => readPackText(reader, COURSE_FILE));
  if (read.kind === 'missing') return finish([error({ file: COURSE_FILE, line: 1, column: 1 }, 'HCS001', 'course.yaml not found: every course pack has one at its root, naming the course and its modules')]);
  const diagnostics: Diagnostic[] = [];
  let source: YamlSource | undefined;
  let data: CourseFile | undefined;
  let known: KnownCourse = {};
  let whole = false;
  if (read.kind === 'problem') diagnostics.push(read.diagnostic);
  else {
    const text = read.text;
    source = cache.derive('yaml', COURSE_FILE, text, () => parseYaml(text));
    diagnostics.push(...source.findings.map((f) => ({ file: COURSE_FILE, ...f })));
    whole = parsedWhole(source);
    const value = whole ? source.value : source.partial;
    if (whole && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      diagnostics.push(error({ file: COURSE_FILE, line: 1, column: 1 }, 'HCS007', `${COURSE_FILE} should be a mapping of the course's fields`));
    } else if (whole) {
      const shaped = validateShape(courseFileSchema, value, source, 'course');
      diagnostics.push(...shaped.findings.map((f) => ({ file: COURSE_FILE, ...f })));
      data = shaped.data;
    }
    known = recoverCourse(value, whole);
  }
  const site = (path: (string | number)[]): Site => (source ? { file: COURSE_FILE, ...source.locate(path) } : { file: COURSE_FILE, line: 1, column: 1 });

  const references = await loadReferences(reader, data, source, diagnostics, cache);
  if (data && source) {
    diagnostics.push(...courseRules(data, source));
    const referenceIds = new Set(references.map((r) => r.id));
    (data.glossary ?? []).forEach((entry, i) => {
      if (entry.source !== undefined && !referenceIds.has(entry.source)) {
        diagnostics.push(error(site(['glossary', i, 'source']), 'HCS009', `glossary term "${entry.term}" cites \`${entry.source}\`, which is not a reference id: ${hintFor(entry.source, referenceIds)}expected one of ${listIds(referenceIds)}`));
      }
    });
  }

  // From a text with syntax errors, only the entries naming folders that exist (see existingEntries).
  const entries = !known.modules ? await moduleFolders(reader) : whole ? known.modules : await existingEntries(reader, '', known.modules, 'dir');
  if (!data && (!whole || !known.modules)) {
    const names = entries.length === 0 ? 'none' : entries.map((e) => e.entry).join(', ');
    const from = known.modules ? `the modules are those its \`modules\` list names${whole ? '' : ' as far as it could be read'}` : 'the modules are the folders of the pack that hold a module.yaml';
    diagnostics.push({ file: COURSE_FILE, ...(known.modules && source ? source.locateKey(['modules']) : { line: 1, column: 1 }), severity: 'warning', code: 'HCS027', message: `${COURSE_FILE} has errors that hide part of it, so ${from} (${names}); fix ${COURSE_FILE} so exactly what it lists is checked` });
  }
  const loads = await Promise.all(
    entries.map((entry): Promise<ModuleLoad> => {
      const listed = () => (entry.index < 0 ? { file: COURSE_FILE, line: 1, column: 1 } : site(['modules', entry.index]));
      const folder = joinPackPath('', entry.entry);
      if (folder === undefined || folder === '') {
        return Promise.resolve({ file: COURSE_FILE, known: { whole: false, courseOutcomes: [] }, idSites: [], diagnostics: [error(listed(), 'HCS021', `module folder \`${entry.entry}\` is not a folder inside the course pack: list it relative to the folder of course.yaml`)] });
      }
      return loadModule(reader, folder, listed, cache);
    }),
  );
  const idSites: IdSite[] = [];
  for (const load of loads) {
    diagnostics.push(...load.diagnostics);
    idSites.push(...load.idSites);
  }
  diagnostics.push(...duplicateIds(idSites));
  diagnostics.push(...moduleReferences(known.outcomeIds, loads));

  const sorted = finish(diagnostics).diagnostics;
  if (!data || sorted.some((d) => d.severity === 'error')) return { diagnostics: sorted };
  const course: Course = {
    id: data.id,
    title: data.title,
    version: data.version,
    summary: data.summary,
    level: data.level,
    ...(data.credits !== undefined ? { credits: data.credits } : {}),
    ...(data.studyHours !== undefined ? { studyHours: data.studyHours } : {}),
    language: data.language ?? 'en-GB',
    authors: data.authors ?? [],
    outcomes: data.outcomes,
    modules: loads.map((l) => l.module).filter((m): m is Module => m !== undefined),
    references,
    glossary: (data.glossary ?? []).map((g) => ({ ...g })),
    ...(data.listed === false ? { listed: false as const } : {}),
  };
  return { course, diagnostics: sorted };
}

/**
 * The module folders of a pack whose course.yaml cannot list them: folders at the root,
 * or one level below it (as in `modules/intro`), that hold a module.yaml, in name order.
 */
async function moduleFolders(reader: PackReader): Promise<ListEntry[]> {
  const found: ListEntry[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    for (const name of (await reader.list(dir).catch(() => [] as string[])).sort()) {
      if (name.startsWith('.')) continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      if ((await reader.stat(path).catch(() => undefined))?.kind !== 'dir') continue;
      if ((await reader.stat(`${path}/module.yaml`).catch(() => undefined))?.kind === 'file') found.push({ index: -1, entry: path });
      else if (depth === 0) await visit(path, 1);
    }
  };
  await visit('', 0);
  return found;
}

/** The same reader, asking about each path once: lessons of a module often share an image. */
function rememberStats(reader: PackReader): PackReader {
  const stats = new Map<string, ReturnType<PackReader['stat']>>();
  return {
    stat: (path) => {
      let entry = stats.get(path);
      if (!entry) stats.set(path, (entry = reader.stat(path)));
      return entry;
    },
    readFile: (path) => reader.readFile(path),
    list: (dir) => reader.list(dir),
  };
}

interface YamlFile {
  source?: YamlSource;
  missing: boolean;
  diagnostics: Diagnostic[];
}

async function readYamlFile(reader: PackReader, file: string, what: string, cache: LoadCache): Promise<YamlFile> {
  const read = await cache.read(file, () => readPackText(reader, file));
  if (read.kind === 'missing') return { missing: true, diagnostics: [] };
  if (read.kind === 'problem') return { missing: false, diagnostics: [read.diagnostic] };
  const text = read.text;
  const source = cache.derive('yaml', file, text, () => parseYaml(text));
  const diagnostics = source.findings.map((f) => ({ file, ...f }));
  if (source.value === undefined && diagnostics.length > 0) return { missing: false, diagnostics };
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    diagnostics.push(error({ file, line: 1, column: 1 }, 'HCS007', `${file} should be a mapping of the ${what}'s fields`));
    return { missing: false, diagnostics };
  }
  return { source, missing: false, diagnostics };
}

/** The references in course.yaml plus those in references.yaml, if the pack has one. */
async function loadReferences(reader: PackReader, data: CourseFile | undefined, source: YamlSource | undefined, diagnostics: Diagnostic[], cache: LoadCache): Promise<Reference[]> {
  const sites: Array<{ ref: Reference; site: () => Site }> = (data?.references ?? []).map((ref, i) => ({ ref, site: () => ({ file: COURSE_FILE, ...source!.locate(['references', i, 'id']) }) }));
  const file = await readYamlFile(reader, REFERENCES_FILE, 'references', cache);
  diagnostics.push(...file.diagnostics);
  if (file.source) {
    const refs = file.source;
    const shaped = validateShape(referencesFileSchema, refs.value, refs, 'references file');
    diagnostics.push(...shaped.findings.map((f) => ({ file: REFERENCES_FILE, ...f })));
    shaped.data?.references.forEach((ref, i) => sites.push({ ref, site: () => ({ file: REFERENCES_FILE, ...refs.locate(['references', i, 'id']) }) }));
  }
  const seen = new Map<string, () => Site>();
  const references: Reference[] = [];
  for (const { ref, site } of sites) {
    const first = seen.get(ref.id)?.();
    if (first) {
      diagnostics.push(error(site(), 'HCS008', `duplicate reference id \`${ref.id}\`: already used at ${first.file}:${first.line}`));
      continue;
    }
    seen.set(ref.id, site);
    references.push({ ...ref });
  }
  return references;
}

/** Rules on course.yaml that span fields: the award matches its FHEQ level; the size is stated; outcomes are unique. */
function courseRules(data: CourseFile, source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (path: (string | number)[]): Site => ({ file: COURSE_FILE, ...source.locate(path) });
  const undergraduate = data.level.fheq <= 6;
  if (undergraduate !== (data.level.award === 'undergraduate')) {
    found.push(error(at(['level', 'fheq']), 'HCS007', `FHEQ level ${data.level.fheq} does not match award \`${data.level.award}\`: levels 4-6 are undergraduate, 7-8 postgraduate`));
  }
  if (data.credits === undefined && data.studyHours === undefined) {
    found.push(error(at(['id']), 'HCS007', 'missing required field `credits` or `studyHours` in the course: state the size of the course with at least one of them'));
  }
  const seen = new Map<string, number>();
  data.outcomes.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first === undefined) return void seen.set(o.id, i);
    found.push(error(at(['outcomes', i, 'id']), 'HCS008', `duplicate outcome id \`${o.id}\`: already used at ${COURSE_FILE}:${at(['outcomes', first, 'id']).line}`));
  });
  return found;
}

/**
 * References from modules to the course: outcomes served, prerequisites, and cycles
 * among them. Judged only on what could be read: while any module's id is unknown
 * (its module.yaml or folder is broken), a prerequisite naming no module may name
 * that one, so it is not called missing; the broken module's own error says what to fix.
 */
function moduleReferences(courseOutcomeIds: readonly string[] | undefined, loads: readonly ModuleLoad[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const courseOutcomes = courseOutcomeIds ? new Set(courseOutcomeIds) : undefined;
  const moduleIds = new Set(loads.flatMap((l) => (l.known.id !== undefined ? [l.known.id] : [])));
  // An id read from a text with syntax errors may be a misreading, so it does not count as known.
  const everyIdKnown = loads.every((l) => l.known.id !== undefined && l.known.whole);
  const byId = new Map<string, ModuleLoad>();
  for (const load of loads) {
    const { known, source } = load;
    if (!source) continue;
    if (known.id !== undefined && !byId.has(known.id)) byId.set(known.id, load);
    const at = (path: (string | number)[]): Site => ({ file: load.file, ...source.locate(path) });
    if (courseOutcomes) {
      for (const outcome of known.courseOutcomes) {
        for (const { index, id } of outcome.ids) {
          if (!courseOutcomes.has(id)) found.push(error(at(['outcomes', outcome.index, 'courseOutcomes', index]), 'HCS009', `module outcome \`${outcome.outcomeId}\` serves \`${id}\`, which is not a course outcome: ${hintFor(id, courseOutcomes)}expected one of ${listIds(courseOutcomes)}`));
        }
      }
    }
    if (!everyIdKnown) continue;
    (known.prerequisites ?? []).forEach((id, i) => {
      if (id !== undefined && !moduleIds.has(id)) found.push(error(at(['prerequisites', i]), 'HCS009', `prerequisite \`${id}\` is not a module of this course: ${hintFor(id, moduleIds)}expected one of ${listIds(moduleIds)}`));
    });
  }
  const graph = [...byId.values()].flatMap((l) => (l.known.prerequisites ? [{ id: l.known.id!, prerequisites: l.known.prerequisites.map((p) => p ?? '') }] : []));
  for (const { cycle, closedBy } of findPrerequisiteCycles(graph)) {
    const load = byId.get(closedBy.moduleId)!;
    const position = load.source!.locate(['prerequisites', closedBy.index]);
    found.push(error({ file: load.file, ...position }, 'HCS010', `prerequisites form a cycle: ${cycle.join(' -> ')}; no learner could ever unlock these modules, so remove one of the links`));
  }
  return found;
}

/** `did you mean \`x\`? ` when one of `ids` is a likely typo of `id`. */
function hintFor(id: string, ids: ReadonlySet<string>): string {
  const guess = didYouMean(id, [...ids]);
  return guess ? `did you mean \`${guess}\`? ` : '';
}

function listIds(ids: ReadonlySet<string>): string {
  return ids.size === 0 ? 'none (none are declared)' : [...ids].map((id) => `\`${id}\``).join(', ');
}

function error(site: Site, code: DiagnosticCode, message: string): Diagnostic {
  return { ...site, severity: 'error', code, message };
}

/** Sorted, with exact repeats dropped (one cause reached by two checks is reported once). */
function finish(diagnostics: readonly Diagnostic[]): LoadResult {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { diagnostics: sortDiagnostics(unique) };
}

