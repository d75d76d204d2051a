// Diagnostics are the educators' compiler errors: each names the file, line and
// column (1-based) and says what was expected there.

/** How serious a diagnostic is: errors stop a pack loading, warnings do not. */
export type Severity = 'error' | 'warning';

/** One finding about a course pack. `file` is relative to the pack root. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

/** Every diagnostic code the engine can emit; each has a test with a broken fixture. */
export const DIAGNOSTIC_CODES = {
  'HCS001': 'file not found',
  'HCS002': 'file is not valid UTF-8',
  'HCS003': 'file too large',
  'HCS004': 'YAML syntax error',
  'HCS005': 'duplicate YAML key',
  'HCS006': 'unknown field',
  'HCS007': 'wrong type or missing field',
  'HCS008': 'duplicate id',
  'HCS009': 'reference to an unknown id',
  'HCS010': 'cycle in prerequisites',
  'HCS011': 'missing lesson file',
  'HCS012': 'missing media file',
  'HCS013': 'front matter missing or malformed',
  'HCS014': 'image without alt text',
  'HCS015': 'invalid condition expression',
  'HCS016': 'unknown variable',
  'HCS017': 'choice to an unknown node',
  'HCS018': 'unreachable node',
  'HCS019': 'dead end (node with no choices and no ending)',
  'HCS020': 'ending no path reaches',
  'HCS021': 'module folder missing',
  'HCS022': 'headings out of order',
  'HCS023': 'lesson block not closed',
  'HCS024': 'quiz answer key inconsistent',
  'HCS025': 'right answer in the same position in most questions of a module',
  'HCS026': 'attempts set on a practice quiz',
  'HCS027': 'lessons, scenarios or modules found without a readable list',
  'HCS028': 'nesting too deep',
  'HCS029': 'key that is a list or mapping',
  'HCS030': 'control character in text',
  'HCS031': 'media name that breaks on other systems',
  'HCS032': 'link that leads outside the pack',
  'HCS033': 'SVG that can run script',
} as const;

/** A diagnostic code such as HCS012. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Formats a diagnostic the way tsc does: `file:line:col: severity CODE: message`. */
export function formatDiagnostic(d: Diagnostic, prefix = ''): string {
  const file = prefix ? `${prefix.replace(/\/+$/, '')}/${d.file}` : d.file;
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Orders diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
