import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken, TCreateApiToken, TCreatedApiToken } from '@aispm/contracts';
import { apiDelete, apiGet, apiPost } from './client';
import { queryKeys } from './query-keys';

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens,
    queryFn: ({ signal }) => apiGet('listTokens', { signal }),
    select: (list) => list.items,
  });
}

/**
 * The created token is the only copy of its secret. It is handed to the caller and never written to the query
 * cache: the list is fetched again instead, and it never carries the secret.
 */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<TCreatedApiToken, Error, TCreateApiToken>({
    mutationFn: (body) => apiPost('createToken', body),
    // Dropped from the mutation cache as soon as nothing observes it, so the secret does not linger there.
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<TApiToken, Error, { id: string }>({
    mutationFn: ({ id }) => apiDelete('revokeToken', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
