// Adapts the course library to the catalog the Studio service, search, export and the
// file servers read from.

import type { CourseCatalog } from './courseCatalog';
import type { Library } from './library';

/** The library seen as a CourseCatalog. */
export function libraryCatalog(library: Library): CourseCatalog {
  return {
    list: () => library.list(),
    refresh: () => library.refresh(),
    load: (courseId) => library.getCourse(courseId),
    rootOf: async (courseId) => (await library.getPack(courseId))?.folder,
  };
}
