// The shape of the scenario snapshot a `scenario.chose` event carries. The store keeps
// it and the player restores the play-through from it, so it is checked here rather
// than taken as any value: the node it is at, the values of the story's variables and
// the choices made, each bounded. Whatever else XState puts in a persisted snapshot
// (children, history, output) is dropped: restoring rebuilds those from the node, the
// values and the path alone (engine/scenario/scenarioMachine.ts, restoreScenarioActor).

import { z } from 'zod';
import { ID_PATTERN, MAX_ID_LENGTH, VARIABLE_PATTERN } from '../course/schema';

/** Most choices one play-through can record; a story of 50 nodes rarely passes 30. */
export const MAX_SNAPSHOT_PATH = 500;
/** Most variables a snapshot can carry: the 3Cs and those a story declares. */
export const MAX_SNAPSHOT_VARIABLES = 64;

const id = z.string().max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`).regex(ID_PATTERN, 'must be an id of the scenario');

/**
 * A persisted play-through: its node, variables and path. Typed as `unknown` because
 * LearningEvent keeps the snapshot opaque to everything but the scenario engine.
 */
export const scenarioSnapshotSchema: z.ZodType<unknown> = z.object({
  status: z.enum(['active', 'done']),
  value: id,
  context: z.object({
    vars: z
      .record(z.string().max(64).regex(VARIABLE_PATTERN, 'must be a variable name'), z.number().finite())
      .refine((vars) => Object.keys(vars).length <= MAX_SNAPSHOT_VARIABLES, `must hold at most ${MAX_SNAPSHOT_VARIABLES} variables`),
    path: z.array(id).max(MAX_SNAPSHOT_PATH, `must hold at most ${MAX_SNAPSHOT_PATH} choices`),
  }),
});
