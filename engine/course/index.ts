// The public course API: load a pack, read its diagnostics, describe it.

export { loadCourse, type LoadResult } from './courseLoader';
export { readCourseHeader, type CourseHeader } from './courseHeader';
export { courseStats, type CourseStats } from './courseStats';
export { generateJsonSchemas } from './jsonSchemas';
export { DIAGNOSTIC_CODES, formatDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics';
export { MAX_LESSON_BYTES, type PackEntry, type PackReader } from './packReader';
export { ID_PATTERN, MAX_ID_LENGTH } from './schema';
export type * from './model';
export { THREE_CS, PRACTICE_FEATURES } from './model';
