// The scenario engine's public face: the condition language, the XState machine a
// scenario compiles to, and the static checks run when a pack loads.

export {
  parseCondition,
  evaluateCondition,
  conditionVariables,
  conditionVariableRefs,
  printCondition,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LENGTH,
  type ConditionAst,
  type ComparisonOp,
  type ParseConditionResult,
} from './conditions';
export { availableChoices, choiceAllowed } from './choices';
export { scenarioVariables, initialVars, applyEffects, clampToRange, THREE_CS_DEFAULT } from './variables';
export {
  createScenarioMachine,
  restoreScenarioActor,
  currentNodeId,
  type ScenarioContext,
  type ChooseEvent,
  type ScenarioMachine,
  type ScenarioActor,
  type ScenarioSnapshot,
} from './scenarioMachine';
export { checkScenario, type Locate, type ScenarioFinding, type SourcePosition } from './scenarioChecks';
export { exploreScenario, DEFAULT_STATE_CAP, type Reachability, type NodeReach } from './reachability';
