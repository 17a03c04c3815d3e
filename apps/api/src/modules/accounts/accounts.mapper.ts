import type { TCloudAccount } from '@aispm/contracts';
import type { CloudAccount } from '@aispm/db';

/** The API view of an account: never the ciphertext, only the fingerprint. */
export function toAccountDto(a: CloudAccount): TCloudAccount {
  return {
    id: a.id,
    provider: a.provider,
    name: a.name,
    scopeIds: a.scopeIds,
    regions: a.regions,
    endpoint: a.endpointOverride,
    credentialsFingerprint: a.credentialsFingerprint,
    status: a.status,
    statusMessage: a.statusMessage,
    lastScanId: a.lastScanId,
    lastScanAt: a.lastScanAt?.toISOString() ?? null,
    scanIntervalHours: a.scanIntervalHours,
    createdAt: a.createdAt.toISOString(),
  };
}
