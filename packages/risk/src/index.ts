export type { CheckAsset, CheckDefinition, CheckResult, ControlMapping, Evidence } from './check';
export { checks, checksFor, evaluateAsset, findCheck, type Evaluation } from './registry';
export { riskContext, riskScore, type RiskContext } from './scoring';
export * from './shadow-ai';
