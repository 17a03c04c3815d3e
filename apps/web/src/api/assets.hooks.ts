import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAsset, TProvider, TUpdateAsset } from '@aispm/contracts';
import { apiGet, apiPatch } from './client';
import { useKeysetPages } from './keyset-pages.hooks';
import { queryKeys } from './query-keys';

export interface AssetFilters {
  provider: TProvider[];
  assetType: string[];
  region: string[];
  accountId: string | undefined;
  /** `true`: only shadow AI; `false`: only assets not flagged; absent: both. */
  shadow: 'true' | 'false' | undefined;
  q: string;
}

export function useAssets(filters: AssetFilters) {
  return useKeysetPages(queryKeys.assets(filters), (page, signal) =>
    apiGet('listAssets', { query: { ...filters, ...page }, signal }),
  );
}

/** One asset with its relations (the list leaves them out). */
export function useAsset(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.asset(id ?? ''),
    queryFn: ({ signal }) => apiGet('getAsset', { params: { id: id ?? '' }, signal }),
    enabled: enabled && Boolean(id),
  });
}

/**
 * Sets an asset's criticality and owner. The answer is the asset as the API now holds it, so the page shows it at
 * once; lists that show the asset are refreshed.
 */
export function useUpdateAsset(id: string) {
  const queryClient = useQueryClient();
  return useMutation<TAsset, Error, TUpdateAsset>({
    mutationFn: (body) => apiPatch('updateAsset', body, { params: { id } }),
    onSuccess: (asset) => {
      queryClient.setQueryData(queryKeys.asset(id), asset);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assetsAll });
    },
  });
}
