// What an export needs to know about the LMS a package is for. Most LMSs play every
// SCO of a package and keep a record per SCO; Open edX's SCORM XBlock does not: it
// launches the first resource of the manifest only (openedxscorm/scormxblock.py,
// update_package_fields) and keeps one scorm_data for the whole block, so a package
// with one SCO per module would show one module and let the modules overwrite each
// other's saved progress.

import type { ScoMode } from './scope';

/** The LMSs a package can be exported for, by id. */
export const LMS_IDS = ['generic', 'moodle', 'canvas', 'blackboard', 'brightspace', 'openedx'] as const;

/** An LMS id: `hcs export --lms` and the export dialog name the same ones. */
export type LmsId = (typeof LMS_IDS)[number];

/** An LMS a package can be exported for. */
export interface LmsProfile {
  id: LmsId;
  name: string;
  /** How the package is cut when the exporter does not say. */
  defaultSco: ScoMode;
  /** Why one SCO per module will not work there, when it will not. */
  moduleScoProblem?: string;
}

/** The LMSs `hcs export --lms` and the export dialog know, in LMS_IDS order. */
export const LMS_PROFILES: readonly LmsProfile[] = [
  { id: 'generic', name: 'any SCORM LMS', defaultSco: 'module' },
  { id: 'moodle', name: 'Moodle', defaultSco: 'module' },
  { id: 'canvas', name: 'Canvas', defaultSco: 'module' },
  { id: 'blackboard', name: 'Blackboard Learn', defaultSco: 'module' },
  { id: 'brightspace', name: 'Brightspace', defaultSco: 'module' },
  {
    id: 'openedx',
    name: "Open edX (the SCORM XBlock)",
    defaultSco: 'course',
    moduleScoProblem:
      "Open edX's SCORM XBlock launches only the first SCO of a package and keeps one saved state for all of them, so learners would see only the first module and the modules would overwrite each other's progress",
  },
];

/** The profile with this id, or undefined. */
export function lmsProfile(id: string): LmsProfile | undefined {
  return LMS_PROFILES.find((p) => p.id === id);
}

/** The LMS that cannot play a package cut this way, with the reason, or undefined when it can. */
export function scoModeProblem(lms: LmsId, sco: ScoMode): { lms: LmsProfile; problem: string } | undefined {
  const profile = lmsProfile(lms);
  return sco === 'module' && profile?.moduleScoProblem ? { lms: profile, problem: profile.moduleScoProblem } : undefined;
}
