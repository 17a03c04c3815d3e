import { useQuery } from '@tanstack/react-query';
import { routes } from '@aispm/contracts';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/** Whether this instance offers single sign-on; it changes only when the API restarts with other settings. */
export function useSsoEnabled() {
  return useQuery({
    queryKey: queryKeys.ssoStatus,
    queryFn: ({ signal }) => apiGet('ssoStatus', { signal }),
    staleTime: Infinity,
    select: (status) => status.enabled,
  });
}

/** A full-page navigation, not a fetch: the API answers with a redirect to the identity provider. */
export function ssoStartUrl(next: string): string {
  return `${routes.ssoStart.path}?${new URLSearchParams({ next }).toString()}`;
}
