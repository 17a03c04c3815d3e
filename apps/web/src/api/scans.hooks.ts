import {
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { TCloudAccount, TScan, TScanStatus } from '@aispm/contracts';
import { apiGet, apiPost } from './client';
import { queryKeys } from './query-keys';

const ACTIVE: readonly TScanStatus[] = ['queued', 'running', 'evaluating'];

export function isScanActive(status: TScanStatus | undefined): boolean {
  return status !== undefined && ACTIVE.includes(status);
}

export function useStartScan() {
  const queryClient = useQueryClient();
  return useMutation<TScan, Error, { accountId: string }>({
    mutationFn: ({ accountId }) => apiPost('startScan', undefined, { params: { id: accountId } }),
    onSuccess: (scan) => {
      // Seeding the cache lets useScan see the queued -> completed transition even for a very fast scan.
      queryClient.setQueryData(queryKeys.scan(scan.id), scan);
      return queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
    },
  });
}

/**
 * One scan; polls every second while it is queued, running or evaluating, then stops.
 * The finish (notification, refreshed posture/inventory/findings) is handled in the query function rather than
 * in a component effect, so it happens once per scan however many components watch it.
 */
function scanQuery(queryClient: QueryClient, scanId: string | null | undefined) {
  const queryKey = queryKeys.scan(scanId ?? '');
  return queryOptions({
    queryKey,
    enabled: Boolean(scanId),
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<TScan>(queryKey);
      const scan = await apiGet('getScan', { params: { id: scanId ?? '' }, signal });
      if (previous && isScanActive(previous.status) && !isScanActive(scan.status)) {
        onScanFinished(queryClient, scan);
      }
      return scan;
    },
    refetchInterval: (query) => (isScanActive(query.state.data?.status) ? 1000 : false),
    // A finished scan never changes again.
    staleTime: (query) => (isScanActive(query.state.data?.status) ? 0 : Infinity),
  });
}

export function useScan(scanId: string | null | undefined) {
  const queryClient = useQueryClient();
  return useQuery(scanQuery(queryClient, scanId));
}

/** Watches every account's latest scan, so a scan started on one page still reports when it ends on another. */
export function useWatchLatestScans(accounts: TCloudAccount[] | undefined) {
  const queryClient = useQueryClient();
  const ids = (accounts ?? []).map((account) => account.lastScanId).filter((id): id is string => id !== null);
  useQueries({ queries: ids.map((id) => scanQuery(queryClient, id)) });
}

function onScanFinished(queryClient: QueryClient, scan: TScan): void {
  const account = queryClient
    .getQueryData<{ items: TCloudAccount[] }>(queryKeys.accounts)
    ?.items.find((a) => a.id === scan.accountId);
  const label = account?.name ?? 'Cloud account';
  if (scan.status === 'completed') {
    notifications.show({
      color: scan.partial ? 'yellow' : 'teal',
      title: `Scan of ${label} completed${scan.partial ? ' (partial)' : ''}`,
      message: `${scan.findingsOpen} open finding${scan.findingsOpen === 1 ? '' : 's'} across ${scan.assetsSeen} asset${scan.assetsSeen === 1 ? '' : 's'}`,
    });
  } else {
    notifications.show({
      color: 'red',
      title: `Scan of ${label} failed`,
      message: scan.errors[0]?.message ?? 'See the account for details.',
    });
  }
  // Not awaited: the scan's own status should not wait for the pages it refreshes.
  for (const queryKey of [
    queryKeys.posture,
    queryKeys.assetsAll,
    queryKeys.findingsAll,
    queryKeys.accounts,
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
