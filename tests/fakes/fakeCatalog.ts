// An in-memory course catalog for tests of the service, search, protocol and browser
// mode: loaded courses, broken entries, and the folders their media come from.

import type { CourseEntry } from '../../engine/api/studioApi';
import type { Diagnostic } from '../../engine/course/diagnostics';
import type { Course } from '../../engine/course/model';
import type { CourseCatalog } from '../../main/services/courseCatalog';

/** A broken course as the library reports it. */
export interface FakeBrokenCourse {
  id: string;
  title: string;
  diagnostics: Diagnostic[];
}

/** Builds a catalog of `courses` (loaded), `broken` entries and media `roots` by course id. */
export function fakeCatalog(
  courses: Course[],
  options: { broken?: FakeBrokenCourse[]; roots?: Record<string, string> } = {},
): CourseCatalog & { loads: number } {
  const catalog = {
    loads: 0,
    async list(): Promise<CourseEntry[]> {
      return [
        ...courses.map((c) => ({ id: c.id, title: c.title, summary: c.summary, level: c.level, status: 'ok' as const, diagnostics: [] })),
        ...(options.broken ?? []).map((b) => ({ id: b.id, title: b.title, summary: '', status: 'broken' as const, diagnostics: b.diagnostics })),
      ];
    },
    async load(courseId: string): Promise<Course | undefined> {
      catalog.loads++;
      return courses.find((c) => c.id === courseId);
    },
    async rootOf(courseId: string): Promise<string | undefined> {
      return options.roots?.[courseId];
    },
  };
  return catalog;
}
