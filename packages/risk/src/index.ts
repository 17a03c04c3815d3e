export type {
  CheckAsset,
  CheckContext,
  CheckDefinition,
  CheckResult,
  ControlMapping,
  Evidence,
} from './check';
export {
  CHECKS_DIGEST,
  checks,
  checksFor,
  evaluateAsset,
  findCheck,
  riskContextOf,
  type Evaluation,
} from './registry';
export {
  EXPOSURE_CHECKS,
  PRIVILEGE_CHECKS,
  SCORE_WEIGHTS,
  criticalityOf,
  runningOf,
  scoreFinding,
  sensitivityFromTags,
  withAttackPaths,
  type Criticality,
  type RiskContext,
  type RiskFactors,
  type Sensitivity,
} from './scoring';
export * from './attack-paths';
export * from './shadow-ai';
export {
  InventoryGraph,
  ReadLog,
  isolatedContext,
  peerKey,
  type GraphMisses,
  type GraphRelation,
  type InventoryGraphOptions,
} from './check-context';
