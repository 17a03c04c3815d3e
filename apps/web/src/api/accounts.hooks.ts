import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCloudAccount, TCreateCloudAccount } from '@aispm/contracts';
import { apiGet, apiPost } from './client';
import { queryKeys } from './query-keys';

export function useAccounts({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: ({ signal }) => apiGet('listAccounts', { signal }),
    select: (list) => list.items,
    enabled,
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
