// The Studio service, the protocol and browser mode need only three things from the
// course library, named here so each can be tested with a small fake catalog.

import type { CourseEntry } from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';

/** Read access to the course packs on this machine. */
export interface CourseCatalog {
  /** Every course pack found, loaded or broken, in display order. */
  list(): Promise<CourseEntry[]>;
  /** Looks on disk again (an author may have edited a pack) and lists the result. */
  refresh?(): Promise<CourseEntry[]>;
  /** The loaded course with this id, or undefined when there is none or it is broken. */
  load(courseId: string): Promise<Course | undefined>;
  /** The pack folder of a course, from which its media are served. */
  rootOf(courseId: string): Promise<string | undefined>;
}
