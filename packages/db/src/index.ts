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
  type FailedCheck,
  type FindingScope,
} from './findings.writer';
export {
  evaluateShadowAi,
  loadRegister,
  writeShadowReasons,
  type SanctionedAiRule,
  type ShadowDetector,
  type ShadowInventoryRow,
  type ShadowScope,
} from './shadow-ai.writer';
export { liveAssetsById, liveAssetsOfType, relationsTouching, type RelationRow } from './evaluation-graph';
export { checkPostgres } from './preflight';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/client';
