export type {
  CheckAsset,
  CheckContext,
  CheckDefinition,
  CheckResult,
  ControlMapping,
  Evidence,
} from './check';
export { checks, checksFor, evaluateAsset, findCheck, type Evaluation } from './registry';
export { riskContext, riskScore, type RiskContext } from './scoring';
export * from './shadow-ai';
export {
  InventoryGraph,
  isolatedContext,
  peerKey,
  type GraphMisses,
  type GraphRelation,
  type InventoryGraphOptions,
} from './check-context';
