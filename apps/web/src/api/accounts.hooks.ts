import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCloudAccount, TCreateCloudAccount, TProvider } from '@aispm/contracts';
import { apiGet, apiPost } from './client';
import { queryKeys } from './query-keys';

/** `poll`: ask again every 10 s, so a scan started by the schedule (or by someone else) shows up while watched. */
export function useAccounts({ enabled = true, poll = false }: { enabled?: boolean; poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: ({ signal }) => apiGet('listAccounts', { signal }),
    select: (list) => list.items,
    enabled,
    refetchInterval: poll ? 10_000 : false,
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation<TCloudAccount, Error, TCreateCloudAccount>({
    mutationFn: (body) => apiPost('createAccount', body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.posture }),
      ]);
    },
  });
}

/**
 * The least-privilege, read-only grant a provider needs, composed by the API from the permissions its connectors
 * call. It changes only with a deploy, so it is fetched once per provider per session.
 */
export function useAccountSetup(provider: TProvider) {
  return useQuery({
    queryKey: queryKeys.accountSetup(provider),
    queryFn: ({ signal }) => apiGet('accountSetup', { params: { provider }, signal }),
    staleTime: Infinity,
  });
}
