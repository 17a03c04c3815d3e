import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { queryKeys } from './query-keys';
import { isScanActive } from './scans.hooks';

export function usePosture() {
  return useQuery({
    queryKey: queryKeys.posture,
    queryFn: ({ signal }) => apiGet('postureSummary', { signal }),
    // While a scan runs the figures move, so keep them fresh without the user reloading.
    refetchInterval: (query) => (isScanActive(query.state.data?.lastScan?.status) ? 3000 : false),
  });
}

/** One point per day; under the posture prefix, so a finished scan refreshes it with the summary. */
export function usePostureTrend(days: number) {
  return useQuery({
    queryKey: [...queryKeys.posture, 'trend', days],
    queryFn: ({ signal }) => apiGet('postureTrend', { query: { days }, signal }),
  });
}
