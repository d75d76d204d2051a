// The text files an exported package is made of, besides the runtime and media:
// one launch page per SCO and the course data script. The course travels as a
// script that sets a global, not as JSON, because an LMS preview opened from
// file:// cannot fetch() a JSON file beside it.

import type { Course } from '../course/model';
import type { Standard } from './cmiMapping';
import type { ScoScope } from './scope';
import { scopeLessons } from './scope';
import { escapeXml } from './xml';

/** Global the course data script sets and the runtime reads. */
export const PACKAGE_GLOBAL = 'hcsScormPackage';

/** Paths inside the zip of the files every SCO shares. */
export const PACKAGE_PATHS = {
  script: 'runtime/scorm.js',
  style: 'runtime/scorm.css',
  data: 'content/course-data.js',
  /** Folder the course's media sit under, keeping their pack-relative paths. */
  content: 'content/',
} as const;

/** What the data script carries: the course, the standard and the SCOs. */
export interface PackageData {
  standard: Standard;
  course: Course;
  scos: ScoScope[];
}

/** The launch page's path for a SCO. */
export function launchFile(scope: ScoScope): string {
  return `sco-${scope.id}.html`;
}

/** A SCO's launch page: loads the course data and the runtime, names its SCO on <body>. */
export function launchPage(course: Course, standard: Standard, scope: ScoScope): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(course.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(scope.title)}</title>`,
    `<link rel="stylesheet" href="${PACKAGE_PATHS.style}">`,
    `<script src="${PACKAGE_PATHS.data}"></script>`,
    `<script src="${PACKAGE_PATHS.script}" defer></script>`,
    '</head>',
    `<body data-sco="${escapeXml(scope.id)}" data-standard="${standard}">`,
    '<div id="root"></div>',
    '<noscript>This course needs JavaScript. Please enable it in your browser and reopen the module.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The course data script. */
export function courseDataScript(data: PackageData): string {
  // U+2028/9 are legal in JSON but broke older script parsers; escaping costs nothing.
  const json = JSON.stringify(data).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.${PACKAGE_GLOBAL} = ${json};\n`;
}

/** Media files (pack-relative) that a SCO's lessons use, sorted and without repeats. */
export function scopeMedia(course: Course, scope: ScoScope): string[] {
  return [...new Set(scopeLessons(course, scope).flatMap((l) => l.media))].sort();
}
