import { useQuery } from '@tanstack/react-query';
import type { TFindingStatus, TSeverity } from '@aispm/contracts';
import { apiGet } from './client';
import { useKeysetPages } from './keyset-pages.hooks';
import { queryKeys } from './query-keys';

export interface FindingFilters {
  status: TFindingStatus[];
  severity: TSeverity[];
  checkId: string[];
  assetId: string | undefined;
}

export function useFindings(filters: FindingFilters) {
  return useKeysetPages(queryKeys.findings(filters), (page, signal) =>
    apiGet('listFindings', { query: { ...filters, ...page }, signal }),
  );
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
