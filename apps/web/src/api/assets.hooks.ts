import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TProvider } from '@aispm/contracts';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export const PAGE_SIZE = 50;

export interface AssetFilters {
  provider: TProvider[];
  assetType: string[];
  region: string[];
  q: string;
}

export function useAssets(filters: AssetFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.assets(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet('listAssets', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** One asset, for a drawer opened from a link rather than from a loaded table row. */
export function useAsset(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.asset(id ?? ''),
    queryFn: ({ signal }) => apiGet('getAsset', { params: { id: id ?? '' }, signal }),
    enabled: enabled && Boolean(id),
  });
}
