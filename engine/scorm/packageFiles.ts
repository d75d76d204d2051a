// The text files an exported package is made of, besides the runtime and media:
// for each SCO a launch page and a data script holding the course cut down to the
// SCO's modules, so a learner's browser loads one module, not the whole course.
// The data travels as a script that sets a global, not as JSON, because an LMS
// preview opened from file:// cannot fetch() a JSON file beside it.

import type { Course } from '../course/model';
import type { Standard } from './cmiMapping';
import type { ScoScope } from './scope';
import { scopeLessons, scopeModules } from './scope';
import { escapeXml } from './xml';

/** Global the course data script sets and the runtime reads. */
export const PACKAGE_GLOBAL = 'hcsScormPackage';

/** Paths inside the zip of the files every SCO shares. */
export const PACKAGE_PATHS = {
  script: 'runtime/scorm.js',
  style: 'runtime/scorm.css',
  /** Folder the course's media sit under, keeping their pack-relative paths. */
  content: 'content/',
} as const;

/** What a SCO's data script carries: its standard, its scope and the course cut to that scope. */
export interface PackageData {
  standard: Standard;
  sco: ScoScope;
  course: Course;
}

/** The launch page's path for a SCO. */
export function launchFile(scope: ScoScope): string {
  return `sco-${scope.id}.html`;
}

/** The data script's path for a SCO. */
export function dataFile(scope: ScoScope): string {
  return `${PACKAGE_PATHS.content}sco-${scope.id}.js`;
}

/** The course with only the SCO's modules, which is all its player shows. */
export function scopedCourse(course: Course, scope: ScoScope): Course {
  return { ...course, modules: scopeModules(course, scope) };
}

/**
 * The Content-Security-Policy of a package's pages: the player's own script and styles,
 * the package's media, and nothing else. No inline or evaluated script, no network (the
 * LMS is reached through its JavaScript API in the frame above, not by fetching), no
 * plugins, forms or base URL. Inline styles stay: sanitised lesson Markdown and the
 * player's charts carry them, and they cannot run code. The LMS's own pages are not
 * affected; a meta policy binds only the page that carries it.
 */
export const PACKAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A SCO's launch page: loads its data script, then the runtime. */
export function launchPage(course: Course, scope: ScoScope): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(course.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(scope.title)}</title>`,
    `<link rel="stylesheet" href="${PACKAGE_PATHS.style}">`,
    `<script src="${dataFile(scope)}"></script>`,
    `<script src="${PACKAGE_PATHS.script}" defer></script>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '<noscript>This course needs JavaScript. Please enable it in your browser and reopen the module.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A SCO's data script. */
export function courseDataScript(data: PackageData): string {
  // U+2028/9 are legal in JSON but broke older script parsers; escaping costs nothing.
  // The script runs as a classic script in the SCO's page, so globalThis is that page's global object.
  const json = JSON.stringify(data).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `globalThis.${PACKAGE_GLOBAL} = ${json};\n`;
}

/** Media files (pack-relative) that a SCO's lessons use, sorted and without repeats. */
export function scopeMedia(course: Course, scope: ScoScope): string[] {
  return [...new Set(scopeLessons(course, scope).flatMap((l) => l.media))].sort();
}
