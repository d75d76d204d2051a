// The Studio API is one contract, and the compiler holds every place to it. These
// tests change the contract the way a developer would (a method added to StudioApi, a
// field added to WorkbenchState, a variant added to LearningEvent, a schema narrowed)
// in memory, type-check the files that implement and carry it, and check that each
// place that must change fails to compile, with the unchanged contract compiling clean.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile, readdir } from 'node:fs/promises';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The files that implement, carry or check the Studio API. */
const CONTRACT_FILES = [
  'engine/api/studioApi.ts',
  'engine/api/validators.ts',
  'engine/api/forwardingApi.ts',
  'main/preload.ts',
  'main/ipc.ts',
  'main/web/server.ts',
  'main/services/studioService.ts',
  'renderer/api/httpApi.ts',
  'renderer/api/scormApi.ts',
];

/** An in-memory edit of one source file. */
interface Edit {
  file: string;
  find: string;
  replace: string;
}

let options: ts.CompilerOptions;
/** Parsed files shared by every program, so each case parses only the file it edits. */
const parsed = new Map<string, ts.SourceFile>();

beforeAll(() => {
  const base = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), (f) => ts.sys.readFile(f)).config as { compilerOptions: object };
  // One program over main's and the renderer's files needs both their libraries.
  const compilerOptions = { ...base.compilerOptions, composite: false, declaration: false, emitDeclarationOnly: false, noEmit: true };
  options = ts.parseJsonConfigFileContent(
    { compilerOptions: { ...compilerOptions, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'], jsx: 'react-jsx' } },
    ts.sys,
    root,
  ).options;
});

const relativeName = (fileName: string) => path.relative(root, fileName).split(path.sep).join('/');

/** A compile error: the file, the top-level declaration it falls in, and the message. */
interface CompileError {
  file: string;
  declaration: string;
  message: string;
}

/** Type-checks the contract files with `edits` applied and returns their errors. */
function compileErrors(edits: Edit[]): CompileError[] {
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) => {
    const mine = edits.filter((e) => e.file === relativeName(fileName));
    if (mine.length === 0) {
      const cached = parsed.get(fileName);
      if (cached) return cached;
    }
    let text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    for (const edit of mine) {
      if (!text.includes(edit.find)) throw new Error(`${edit.file} no longer contains ${JSON.stringify(edit.find)}; update this test's edit.`);
      text = text.replace(edit.find, edit.replace);
    }
    const source = ts.createSourceFile(fileName, text, languageVersion);
    if (mine.length === 0) parsed.set(fileName, source);
    return source;
  };
  const program = ts.createProgram(CONTRACT_FILES.map((f) => path.join(root, f)), options, host);
  // Only the contract files are checked (the checker then looks at no more of what they
  // import than their own types need): every place the contract must change is one of them.
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...CONTRACT_FILES.flatMap((f) => {
      const source = program.getSourceFile(path.join(root, f));
      return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    }),
  ];
  return diagnostics.map((d) => ({
    file: d.file ? relativeName(d.file.fileName) : '(options)',
    declaration: d.file && d.start !== undefined ? declarationAt(d.file, d.start) : '',
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

/** The name of the top-level declaration that contains `position`. */
function declarationAt(source: ts.SourceFile, position: number): string {
  const statement = source.statements.find((s) => s.pos <= position && position < s.end);
  if (!statement) return '';
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText(source)).join(',');
  if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return statement.name?.text ?? '';
  return '';
}

const filesWithErrors = (errors: CompileError[]) => [...new Set(errors.map((e) => e.file))].sort();

// Each case builds a TypeScript program over a good part of the project: allow a loaded CI machine its time.
describe('the Studio API contract', { timeout: 120_000 }, () => {
  it('compiles clean as it stands (so each failure below is caused by its edit)', () => {
    expect(compileErrors([])).toEqual([]);
  });

  it('fails to compile when a method is added to StudioApi and listed nowhere else', () => {
    const find = '  exportStatus(jobId: string): Promise<ApiResult<ExportJob>>;\n';
    const errors = compileErrors([
      { file: 'engine/api/studioApi.ts', find, replace: `${find}  renameLearner(learnerId: string, name: string): Promise<ApiResult<Learner>>;\n` },
    ]);
    // The channel table, the argument checks, the forwarding object behind the preload
    // and the HTTP adapter, the SCORM adapter and the service that implements the API.
    expect(filesWithErrors(errors)).toEqual([
      'engine/api/forwardingApi.ts',
      'engine/api/studioApi.ts',
      'engine/api/validators.ts',
      'main/services/studioService.ts',
      'renderer/api/scormApi.ts',
    ]);
    for (const error of errors) expect(error.message).toContain('renameLearner');
    expect(errors.find((e) => e.file === 'engine/api/studioApi.ts')?.declaration).toBe('STUDIO_API_CHANNELS');
    expect(errors.find((e) => e.file === 'engine/api/validators.ts')?.declaration).toBe('TYPED_ARGS');
  });

  it('fails to compile when a type the API carries changes and its schema does not', () => {
    const errors = compileErrors([
      // A field added to WorkbenchState, a variant added to LearningEvent, and a
      // schema narrowed below its type (an export standard missing from the enum).
      { file: 'engine/api/studioApi.ts', find: '  zoom: number;\n}', replace: '  zoom: number;\n  fontSize: number;\n}' },
      {
        file: 'engine/progress/model.ts',
        find: "  | { type: 'location.changed'; location: Location };",
        replace: "  | { type: 'location.changed'; location: Location }\n  | { type: 'bookmark.added'; lessonId: string };",
      },
      { file: 'engine/api/validators.ts', find: "standard: z.enum(['scorm12', 'scorm2004'])", replace: "standard: z.enum(['scorm12'])" },
    ]);
    const inValidators = errors.filter((e) => e.file === 'engine/api/validators.ts');
    expect([...new Set(inValidators.map((e) => e.declaration))].sort()).toEqual(['exportRequestSchema', 'learningEventSchema', 'workbenchStateSchema']);
    // Elsewhere only the default workbench, which must now say what the new field starts as.
    expect(errors.filter((e) => e.file !== 'engine/api/validators.ts').map((e) => `${e.file} ${e.declaration}`)).toEqual([
      'engine/api/studioApi.ts defaultWorkbenchState',
    ]);
  });
});

describe('no cast stands in for the contract', () => {
  it('has no "as unknown as StudioApi" (or "as StudioApi") in engine/, main/ or renderer/', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.tsx?$/.test(entry.name) && /\bas (unknown as )?StudioApi\b/.test(await readFile(full, 'utf8'))) offenders.push(path.relative(root, full));
      }
    };
    for (const part of ['engine', 'main', 'renderer']) await walk(path.join(root, part));
    expect(offenders).toEqual([]);
  });
});
