import { useQuery } from '@tanstack/react-query';
import type { TAttackPathStatus } from '@aispm/contracts';
import { apiGet } from './client';
import { useKeysetPages } from './keyset-pages.hooks';

export interface AttackPathFilters {
  status: TAttackPathStatus;
  accountId: string | undefined;
}

/** Attack path query keys share one prefix, so one invalidation refreshes the list and every path. */
export const attackPathKeys = {
  all: ['attack-paths'] as const,
  list: (filters: AttackPathFilters) => ['attack-paths', 'list', filters] as const,
  one: (id: string) => ['attack-paths', 'one', id] as const,
};

export function useAttackPaths(filters: AttackPathFilters) {
  return useKeysetPages(attackPathKeys.list(filters), (page, signal) =>
    apiGet('listAttackPaths', { query: { ...filters, ...page }, signal }),
  );
}

export function useAttackPath(id: string) {
  return useQuery({
    queryKey: attackPathKeys.one(id),
    queryFn: ({ signal }) => apiGet('getAttackPath', { params: { id }, signal }),
    enabled: id !== '',
  });
}
