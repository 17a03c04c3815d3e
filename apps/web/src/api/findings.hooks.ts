import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  TFindingSort,
  TFindingStatus,
  TFindingsChanged,
  TSeverity,
  TSuppressFindings,
  TUnsuppressFindings,
} from '@aispm/contracts';
import { apiGet, apiPost } from './client';
import { complianceKeys } from './compliance.hooks';
import { useKeysetPages } from './keyset-pages.hooks';
import { queryKeys } from './query-keys';

export interface FindingFilters {
  /** Absent: the API's default, highest risk first. */
  sort?: TFindingSort;
  status: TFindingStatus[];
  severity: TSeverity[];
  checkId: string[];
  assetId: string | undefined;
}

/** One finding's page; under the findings prefix, so whatever refreshes the list refreshes it too. */
const findingKey = (id: string) => [...queryKeys.findingsAll, 'one', id] as const;

export function useFindings(filters: FindingFilters) {
  return useKeysetPages(queryKeys.findings(filters), (page, signal) =>
    apiGet('listFindings', { query: { ...filters, ...page }, signal }),
  );
}

export function useFinding(id: string) {
  return useQuery({
    queryKey: findingKey(id),
    queryFn: ({ signal }) => apiGet('getFinding', { params: { id }, signal }),
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

/**
 * A suppression (or an exception rule) changes findings' statuses and with them every figure counted from
 * open findings: the lists, the dashboard, asset risk scores and compliance.
 */
export function invalidateFindingFigures(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.findingsAll }),
    queryClient.invalidateQueries({ queryKey: queryKeys.posture }),
    queryClient.invalidateQueries({ queryKey: queryKeys.assetsAll }),
    queryClient.invalidateQueries({ queryKey: complianceKeys.all }),
  ]);
}

export function useSuppressFindings() {
  const queryClient = useQueryClient();
  return useMutation<TFindingsChanged, Error, TSuppressFindings>({
    mutationFn: (body) => apiPost('suppressFindings', body),
    onSuccess: () => invalidateFindingFigures(queryClient),
  });
}

export function useUnsuppressFindings() {
  const queryClient = useQueryClient();
  return useMutation<TFindingsChanged, Error, TUnsuppressFindings>({
    mutationFn: (body) => apiPost('unsuppressFindings', body),
    onSuccess: () => invalidateFindingFigures(queryClient),
  });
}
