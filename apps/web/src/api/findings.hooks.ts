import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TFindingStatus, TSeverity } from '@aispm/contracts';
import { apiGet } from './client';
import { PAGE_SIZE } from './assets.hooks';
import { queryKeys } from './query-keys';

export interface FindingFilters {
  status: TFindingStatus[];
  severity: TSeverity[];
  checkId: string[];
  assetId: string | undefined;
}

export function useFindings(filters: FindingFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.findings(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet('listFindings', { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** The check catalogue changes only with a deploy, so it is fetched once per session. */
export function useChecks() {
  return useQuery({
    queryKey: queryKeys.checks,
    queryFn: ({ signal }) => apiGet('listChecks', { signal }),
    select: (list) => list.items,
    staleTime: Infinity,
  });
}
