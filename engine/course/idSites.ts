// Where each id was written, so a duplicate can name both places.

import type { Diagnostic } from './diagnostics';
import type { Position } from './yamlSource';

/** What kind of item an id names. */
export type IdKind = 'module' | 'lesson' | 'quiz' | 'question' | 'reflection' | 'scenario';

/** One id as written in one file; its position is worked out only if it is reported. */
export interface IdSite {
  id: string;
  kind: IdKind;
  file: string;
  at: () => Position;
}

/** Reports every id used a second time (HCS008), at the second place, naming the first. */
export function duplicateIds(sites: readonly IdSite[]): Diagnostic[] {
  const first = new Map<string, IdSite>();
  const found: Diagnostic[] = [];
  for (const site of sites) {
    const earlier = first.get(site.id);
    if (!earlier) {
      first.set(site.id, site);
      continue;
    }
    found.push({
      file: site.file,
      ...site.at(),
      severity: 'error',
      code: 'HCS008',
      message: `duplicate id \`${site.id}\`: this ${site.kind} id is already used by the ${earlier.kind} at ${earlier.file}:${earlier.at().line}; ids must be unique across the course`,
    });
  }
  return found;
}
