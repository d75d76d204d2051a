// One face for both standards' API objects, so the session code speaks of
// initialise / get / set / commit / terminate and never of LMSCommit vs Commit.

import type { Standard } from '../../engine/scorm/cmiMapping';
import type { Scorm12Api, Scorm2004Api } from './apiDiscovery';

/** The calls the runtime makes on an LMS; each says whether the LMS accepted it. */
export interface LmsConnection {
  readonly standard: Standard;
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** The LMS's last error as "code: text", for messages and logs. */
  lastError(): string;
}

// LMSs answer "true"/"false" as strings, and some as booleans.
const yes = (r: unknown) => r === 'true' || r === true;

/** Wraps a SCORM 1.2 or 2004 API object. */
export function connect(standard: 'scorm12', api: Scorm12Api): LmsConnection;
export function connect(standard: 'scorm2004', api: Scorm2004Api): LmsConnection;
export function connect(standard: Standard, api: Scorm12Api | Scorm2004Api): LmsConnection;
export function connect(standard: Standard, api: Scorm12Api | Scorm2004Api): LmsConnection {
  if (standard === 'scorm12') {
    const a = api as Scorm12Api;
    return {
      standard,
      initialize: () => yes(a.LMSInitialize('')),
      get: (el) => String(a.LMSGetValue(el) ?? ''),
      set: (el, v) => yes(a.LMSSetValue(el, v)),
      commit: () => yes(a.LMSCommit('')),
      terminate: () => yes(a.LMSFinish('')),
      lastError: () => {
        const code = a.LMSGetLastError();
        return `${code}: ${a.LMSGetErrorString(code)}`;
      },
    };
  }
  const a = api as Scorm2004Api;
  return {
    standard,
    initialize: () => yes(a.Initialize('')),
    get: (el) => String(a.GetValue(el) ?? ''),
    set: (el, v) => yes(a.SetValue(el, v)),
    commit: () => yes(a.Commit('')),
    terminate: () => yes(a.Terminate('')),
    lastError: () => {
      const code = a.GetLastError();
      return `${code}: ${a.GetErrorString(code)}`;
    },
  };
}
