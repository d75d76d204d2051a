// Loads a whole course pack through a PackReader into a validated Course, or reports
// why it cannot: every problem found in one pass, each at its file, line and column.
// A course is returned only when there is no error, so a broken pack never half-loads.

import { sortDiagnostics, type Diagnostic, type DiagnosticCode } from './diagnostics';
import { duplicateIds, type IdSite } from './idSites';
import type { Course, Module, Reference } from './model';
import { loadModule, type ModuleLoad, type Site } from './moduleLoader';
import type { PackReader } from './packReader';
import { joinPackPath } from './packPath';
import { readPackText } from './packText';
import { findPrerequisiteCycles } from './prerequisites';
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

/** Loads and validates the course pack that `reader` reads. Never throws. */
export async function loadCourse(reader: PackReader): Promise<LoadResult> {
  try {
    return await loadPack(rememberStats(reader));
  } catch (error) {
    // Every expected problem is a diagnostic already; this keeps an unforeseen one
    // (a reader that fails oddly) a sentence rather than a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [{ file: COURSE_FILE, line: 1, column: 1, severity: 'error', code: 'HCS001', message: `the course pack could not be read: ${message}` }] };
  }
}

async function loadPack(reader: PackReader): Promise<LoadResult> {
  const header = await readYamlFile(reader, COURSE_FILE, 'course');
  if (!header.source) {
    if (header.missing) header.diagnostics.push(error({ file: COURSE_FILE, line: 1, column: 1 }, 'HCS001', 'course.yaml not found: every course pack has one at its root, naming the course and its modules'));
    return finish(header.diagnostics);
  }
  const { source } = header;
  const diagnostics = header.diagnostics;
  const shaped = validateShape(courseFileSchema, source.value, source, 'course');
  if (!shaped.data) return finish([...diagnostics, ...shaped.findings.map((f) => ({ file: COURSE_FILE, ...f }))]);
  const data = shaped.data;
  const site = (path: (string | number)[]): Site => ({ file: COURSE_FILE, ...source.locate(path) });

  const references = await loadReferences(reader, data, source, diagnostics);
  diagnostics.push(...courseRules(data, source));
  const referenceIds = new Set(references.map((r) => r.id));
  (data.glossary ?? []).forEach((entry, i) => {
    if (entry.source !== undefined && !referenceIds.has(entry.source)) {
      diagnostics.push(error(site(['glossary', i, 'source']), 'HCS009', `glossary term "${entry.term}" cites \`${entry.source}\`, which is not a reference id: expected one of ${listIds(referenceIds)}`));
    }
  });

  const loads = await Promise.all(
    data.modules.map((entry, i): Promise<ModuleLoad> => {
      const folder = joinPackPath('', entry);
      if (folder === undefined || folder === '') {
        return Promise.resolve({ file: COURSE_FILE, idSites: [], diagnostics: [error(site(['modules', i]), 'HCS021', `module folder \`${entry}\` is not a folder inside the course pack: list it relative to the folder of course.yaml`)] });
      }
      return loadModule(reader, folder, () => site(['modules', i]));
    }),
  );
  const idSites: IdSite[] = [];
  for (const load of loads) {
    diagnostics.push(...load.diagnostics);
    idSites.push(...load.idSites);
  }
  diagnostics.push(...duplicateIds(idSites));
  diagnostics.push(...moduleReferences(data, loads));

  const sorted = finish(diagnostics).diagnostics;
  if (sorted.some((d) => d.severity === 'error')) return { diagnostics: sorted };
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
  };
  return { course, diagnostics: sorted };
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

async function readYamlFile(reader: PackReader, file: string, what: string): Promise<YamlFile> {
  const read = await readPackText(reader, file);
  if (read.kind === 'missing') return { missing: true, diagnostics: [] };
  if (read.kind === 'problem') return { missing: false, diagnostics: [read.diagnostic] };
  const source = parseYaml(read.text);
  const diagnostics = source.findings.map((f) => ({ file, ...f }));
  if (source.value === undefined && diagnostics.length > 0) return { missing: false, diagnostics };
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    diagnostics.push(error({ file, line: 1, column: 1 }, 'HCS007', `${file} should be a mapping of the ${what}'s fields`));
    return { missing: false, diagnostics };
  }
  return { source, missing: false, diagnostics };
}

/** The references in course.yaml plus those in references.yaml, if the pack has one. */
async function loadReferences(reader: PackReader, data: CourseFile, source: YamlSource, diagnostics: Diagnostic[]): Promise<Reference[]> {
  const sites: Array<{ ref: Reference; site: () => Site }> = (data.references ?? []).map((ref, i) => ({ ref, site: () => ({ file: COURSE_FILE, ...source.locate(['references', i, 'id']) }) }));
  const file = await readYamlFile(reader, REFERENCES_FILE, 'references');
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

/** References from modules to the course: outcomes served, prerequisites, and cycles among them. */
function moduleReferences(data: CourseFile, loads: readonly ModuleLoad[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const courseOutcomes = new Set(data.outcomes.map((o) => o.id));
  const moduleIds = new Set(loads.flatMap((l) => (l.data ? [l.data.id] : [])));
  const byId = new Map<string, ModuleLoad>();
  for (const load of loads) {
    const { data: mod, source } = load;
    if (!mod || !source) continue;
    if (!byId.has(mod.id)) byId.set(mod.id, load);
    const at = (path: (string | number)[]): Site => ({ file: load.file, ...source.locate(path) });
    mod.outcomes.forEach((o, i) =>
      (o.courseOutcomes ?? []).forEach((id, j) => {
        if (!courseOutcomes.has(id)) found.push(error(at(['outcomes', i, 'courseOutcomes', j]), 'HCS009', `module outcome \`${o.id}\` serves \`${id}\`, which is not a course outcome: expected one of ${listIds(courseOutcomes)}`));
      }),
    );
    (mod.prerequisites ?? []).forEach((id, i) => {
      if (!moduleIds.has(id)) found.push(error(at(['prerequisites', i]), 'HCS009', `prerequisite \`${id}\` is not a module of this course: expected one of ${listIds(moduleIds)}`));
    });
  }
  const graph = [...byId.values()].map((l) => ({ id: l.data!.id, prerequisites: l.data!.prerequisites ?? [] }));
  for (const { cycle, closedBy } of findPrerequisiteCycles(graph)) {
    const load = byId.get(closedBy.moduleId)!;
    const position = load.source!.locate(['prerequisites', closedBy.index]);
    found.push(error({ file: load.file, ...position }, 'HCS010', `prerequisites form a cycle: ${cycle.join(' -> ')}; no learner could ever unlock these modules, so remove one of the links`));
  }
  return found;
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

