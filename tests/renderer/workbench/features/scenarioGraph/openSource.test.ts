import { describe, expect, it, vi } from 'vitest';
import { registerCommand, type CommandId } from '../../../../../renderer/workbench/commands/commandRegistry';
import { OPEN_SOURCE_COMMAND, openSource } from '../../../../../renderer/workbench/features/scenarioGraph/openSource';
import type { WorkbenchServices } from '../../../../../renderer/workbench/services';

const place = { courseId: 'my-course', path: 'modules/care/kitchen-table.scenario.yaml', line: 28, column: 3 };

describe('jumping from the graph to the source', () => {
  it('says where the place is when no source editor is registered', async () => {
    const announce = vi.fn();
    await openSource({ announce } as unknown as WorkbenchServices, place);
    expect(announce).toHaveBeenCalledWith('This build has no source editor: the place is modules/care/kitchen-table.scenario.yaml, line 28, column 3.');
  });

  it('asks author.openSource for the course, the file, the line and the column', async () => {
    const run = vi.fn();
    registerCommand({ id: OPEN_SOURCE_COMMAND as CommandId, title: 'Open Source', category: 'Author', internal: true, run });
    const services = { announce: vi.fn() } as unknown as WorkbenchServices;
    await openSource(services, place);
    expect(run).toHaveBeenCalledWith(services, place);
    expect(services.announce).not.toHaveBeenCalled();
  });
});
