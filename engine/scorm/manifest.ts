// imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2) and SCORM 2004 4th
// Edition (IMS CP 1.1.4 + ADL CP 1.3), built from the course so the same course
// always gives the same bytes. The organisation mirrors the modules; each SCO is a
// resource listing exactly the files it launches and shows, and the runtime and
// course data sit in one shared asset resource the SCOs depend on. No sequencing
// rules are written: Moodle plays SCORM 2004 without sequencing, so nothing may
// rely on it.

import type { Course } from '../course/model';
import type { Standard } from './cmiMapping';
import { iso8601Duration } from './duration';
import type { ScoScope } from './scope';
import { scopeModules, scopeQuestions } from './scope';
import type { XmlNode } from './xml';
import { el, renderXml } from './xml';

/** One SCO in the package: its scope, launch file and every file it uses. */
export interface ScoFiles {
  scope: ScoScope;
  launch: string;
  /** Files of this SCO alone (launch page, its media), as zipped. */
  files: string[];
}

/** What the package holds, by path inside the zip ('/' separators, exact case). */
export interface PackageLayout {
  /** Runtime and course data every SCO loads. */
  sharedFiles: string[];
  scos: ScoFiles[];
}

/** The schema files each standard's manifest names and the package carries at its root. */
export const SCHEMA_LOCATIONS: Record<Standard, [namespace: string, file: string][]> = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
    ['http://ltsc.ieee.org/xsd/LOM', 'lom.xsd'],
  ],
};

const SHARED_ID = 'RES-shared-runtime';
const resId = (scope: ScoScope) => `RES-${scope.id}`;
const itemId = (scope: ScoScope) => `ITEM-${scope.id}`;

/** Builds imsmanifest.xml for a course packaged as `layout`. */
export function buildManifest(course: Course, standard: Standard, layout: PackageLayout): string {
  const root = standard === 'scorm12' ? manifest12(course, layout) : manifest2004(course, layout);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}

function schemaLocation(standard: Standard): string {
  return SCHEMA_LOCATIONS[standard].map(([ns, file]) => `${ns} ${file}`).join(' ');
}

function manifest12(course: Course, layout: PackageLayout): XmlNode {
  const lang = { 'xml:lang': course.language };
  const langstring = (text: string) => el('imsmd:langstring', lang, text);
  const lom = el(
    'imsmd:lom',
    {},
    el(
      'imsmd:general',
      {},
      el('imsmd:title', {}, langstring(course.title)),
      el('imsmd:language', {}, course.language),
      el('imsmd:description', {}, langstring(course.summary)),
    ),
    el('imsmd:lifecycle', {}, el('imsmd:version', {}, langstring(course.version))),
  );
  const items = layout.scos.map(({ scope }) => {
    const children: XmlNode[] = [el('title', {}, scope.title)];
    const [only] = scopeModules(course, scope);
    // The LMS may judge passed/failed from the score itself, so it gets the same bar.
    if (scope.moduleIds.length === 1 && only && scopeQuestions(course, scope).length > 0) {
      children.push(el('adlcp:masteryscore', {}, String(only.masteryScore)));
    }
    return el('item', { identifier: itemId(scope), identifierref: resId(scope), isvisible: 'true' }, ...children);
  });
  return el(
    'manifest',
    {
      identifier: `MANIFEST-${course.id}`,
      version: course.version,
      xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
      'xmlns:imsmd': 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': schemaLocation('scorm12'),
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2'), lom),
    el('organizations', { default: 'ORG-course' }, el('organization', { identifier: 'ORG-course' }, el('title', {}, course.title), ...items)),
    el('resources', {}, ...resources(layout, 'adlcp:scormtype')),
  );
}

function manifest2004(course: Course, layout: PackageLayout): XmlNode {
  const str = (text: string) => el('string', { language: course.language }, text);
  const minutes = course.modules.reduce((n, m) => n + m.estimatedMinutes, 0);
  const lom = el(
    'lom',
    { xmlns: 'http://ltsc.ieee.org/xsd/LOM' },
    el('general', {}, el('title', {}, str(course.title)), el('language', {}, course.language), el('description', {}, str(course.summary))),
    el('lifeCycle', {}, el('version', {}, str(course.version))),
    el('educational', {}, el('typicalLearningTime', {}, el('duration', {}, iso8601Duration(minutes * 60)))),
  );
  const items = layout.scos.map(({ scope }) =>
    el('item', { identifier: itemId(scope), identifierref: resId(scope), isvisible: 'true' }, el('title', {}, scope.title)),
  );
  return el(
    'manifest',
    {
      identifier: `MANIFEST-${course.id}`,
      version: course.version,
      xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
      'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
      'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
      'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': schemaLocation('scorm2004'),
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '2004 4th Edition'), lom),
    el('organizations', { default: 'ORG-course' }, el('organization', { identifier: 'ORG-course' }, el('title', {}, course.title), ...items)),
    el('resources', {}, ...resources(layout, 'adlcp:scormType')),
  );
}

function resources(layout: PackageLayout, typeAttr: string): XmlNode[] {
  const file = (href: string) => el('file', { href });
  const scos = layout.scos.map((sco) =>
    el(
      'resource',
      { identifier: resId(sco.scope), type: 'webcontent', [typeAttr]: 'sco', href: sco.launch },
      ...sco.files.map(file),
      el('dependency', { identifierref: SHARED_ID }),
    ),
  );
  const shared = el('resource', { identifier: SHARED_ID, type: 'webcontent', [typeAttr]: 'asset' }, ...layout.sharedFiles.map(file));
  return [...scos, shared];
}
