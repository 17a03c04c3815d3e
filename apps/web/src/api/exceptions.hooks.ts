import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreatedFindingException,
  TCreateFindingException,
  TDeletedFindingException,
} from '@aispm/contracts';
import { apiDelete, apiGet, apiPost } from './client';
import { invalidateFindingFigures } from './findings.hooks';

const exceptionsKey = ['finding-exceptions'] as const;

export function useFindingExceptions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: exceptionsKey,
    queryFn: ({ signal }) => apiGet('listFindingExceptions', { signal }),
    select: (list) => list.items,
    enabled: options.enabled,
  });
}

/** Creating a rule suppresses the open findings it covers at once; deleting it reopens them. */
export function useCreateFindingException() {
  const queryClient = useQueryClient();
  return useMutation<TCreatedFindingException, Error, TCreateFindingException>({
    mutationFn: (body) => apiPost('createFindingException', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: exceptionsKey }),
        invalidateFindingFigures(queryClient),
      ]),
  });
}

export function useDeleteFindingException() {
  const queryClient = useQueryClient();
  return useMutation<TDeletedFindingException, Error, { id: string }>({
    mutationFn: ({ id }) => apiDelete('deleteFindingException', { params: { id } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: exceptionsKey }),
        invalidateFindingFigures(queryClient),
      ]),
  });
}
