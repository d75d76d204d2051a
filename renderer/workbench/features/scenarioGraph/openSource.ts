// Jumping from the Scenario Graph to the place in the scenario file. The Author
// activity owns source editors and registers the command `author.openSource`; the graph
// asks for it through the command registry, so it stays a separate feature that says
// where the place is if no editor is registered.

import { getCommand } from '../../commands/commandRegistry';
import type { WorkbenchServices } from '../../services';

/** The command that opens a pack file in a source editor at a place. */
export const OPEN_SOURCE_COMMAND = 'author.openSource' as const;

/** A place in a course pack's file, 1-based. */
export interface SourcePlace {
  courseId: string;
  path: string;
  line?: number;
  column?: number;
}

/** Opens `place` in the source editor, or says where it is when no editor is registered. */
export async function openSource(services: WorkbenchServices, place: SourcePlace): Promise<void> {
  const command = getCommand(OPEN_SOURCE_COMMAND);
  if (command) {
    await command.run(services, place);
    return;
  }
  const where = place.line === undefined ? place.path : `${place.path}, line ${place.line}${place.column === undefined ? '' : `, column ${place.column}`}`;
  services.announce(`This build has no source editor: the place is ${where}.`);
}
