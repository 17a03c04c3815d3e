import { armDiscoverer } from './arm-listing';
import { LIST } from './listings';

export const STORAGE_ACCOUNT_ASSET_TYPE = 'azure.storage.account';

/**
 * Storage accounts of the subscription, with their access settings exactly as ARM returned them
 * (allowBlobPublicAccess, publicNetworkAccess, minimumTlsVersion, allowSharedKeyAccess, encryption): older
 * accounts leave some out, and they stay absent. Account keys are never listed.
 */
export const azureStorageAccountsDiscoverer = armDiscoverer({
  service: 'azure.storage.accounts',
  assetTypes: [STORAGE_ACCOUNT_ASSET_TYPE],
  actions: [LIST.storageAccounts.action],
  async *discover(run) {
    for await (const page of run.pages(LIST.storageAccounts)) {
      yield page.filter((a) => run.keeps(a)).map((a) => run.record(STORAGE_ACCOUNT_ASSET_TYPE, a, {}));
    }
  },
});
