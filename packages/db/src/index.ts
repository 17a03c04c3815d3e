export { createDatabase, type Database, type TenantTx } from './client';
export { newId } from './ids';
export {
  upsertAssetPage,
  touchUnchangedAssets,
  knownChangeTokens,
  markUnseenAssetsDeleted,
  rebuildRelations,
  type AssetPageContext,
  type UpsertedAsset,
} from './inventory.writer';
export {
  upsertFailedChecks,
  resolvePassedChecks,
  resolveFindingsOfDeletedAssets,
  expireSuppressions,
  suppressFindings,
  unsuppressFindings,
  type ChangedFinding,
  type ExceptionMatch,
  type FailedCheck,
  type FindingScope,
} from './findings.writer';
export {
  activeExceptions,
  applyException,
  exceptionCovers,
  removeException,
  type ExceptionRule,
} from './exceptions.writer';
export {
  assetsDueForEvaluation,
  changedSince,
  lastEvaluation,
  pruneVerdicts,
  recordPostureSnapshot,
  recountFindings,
  refreshAccountSummaries,
  refreshAssetRiskScores,
  replaceAttackPaths,
  writeVerdicts,
  type AssetVerdictRow,
  type FoundPath,
  type Verdict,
} from './posture.writer';
export {
  evaluateShadowAi,
  loadRegister,
  writeShadowReasons,
  type SanctionedAiRule,
  type ShadowDetector,
  type ShadowInventoryRow,
  type ShadowScope,
} from './shadow-ai.writer';
export {
  assetHeads,
  liveAssetsById,
  liveAssetsOfType,
  openFindingsOfChecks,
  relationsTouching,
  type EvaluationAsset,
  type RelationRow,
} from './evaluation-graph';
export { checkPostgres } from './preflight';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/client';
