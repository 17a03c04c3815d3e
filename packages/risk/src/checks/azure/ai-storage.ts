import type { CheckAsset, CheckContext, CheckResult } from '../../check';
import { armProperties, propertyVerdict, unknown } from './arm';
import { lookup } from './inventory-index';

const DATASTORE_ASSET_TYPE = 'azure.ml.datastore';

const byAccountName = (datastore: CheckAsset) => {
  const name = armProperties(datastore)?.accountName;
  return typeof name === 'string' && name !== '' ? [name.toLowerCase()] : [];
};

/**
 * The AI resources that keep data in a storage account: workspaces (default storage) and Cognitive Services
 * accounts (user-owned storage) through `uses_storage`, and Machine Learning datastores naming the account.
 */
export function aiUsersOf(storage: CheckAsset, ctx: CheckContext): string[] {
  const datastores = lookup(ctx.inAccount(DATASTORE_ASSET_TYPE), byAccountName, storage.name.toLowerCase());
  return [...ctx.incoming('uses_storage'), ...datastores].map((a) => a.nativeId);
}

/**
 * The verdict of a storage check on a boolean `properties` member that is risky when true, for storage
 * accounts that hold AI data; other storage accounts are not this check's concern.
 */
export function aiStorageVerdict(storage: CheckAsset, ctx: CheckContext, member: string): CheckResult {
  const usedBy = aiUsersOf(storage, ctx);
  if (usedBy.length === 0) {
    return {
      status: 'not_applicable',
      reason: 'no inventoried Machine Learning workspace, datastore or AI Services account uses this storage',
    };
  }
  // null is how ARM says "never set" here: the service then applies a default, which is not an answer.
  if (armProperties(storage)?.[member] === null) return unknown(`properties.${member}`);
  return propertyVerdict(storage, [member], (v) => v !== false, { usedBy });
}
