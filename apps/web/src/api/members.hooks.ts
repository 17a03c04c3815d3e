import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAcceptInvitation,
  TCreatedInvitation,
  TCreateInvitation,
  TInvitation,
  TMe,
  TMember,
  TRole,
} from '@aispm/contracts';
import { apiDelete, apiGet, apiPatch, apiPost } from './client';
import { queryKeys } from './query-keys';
import { setSelectedOrganization } from './selected-organization';

export function useMembers() {
  return useQuery({
    queryKey: queryKeys.members,
    queryFn: ({ signal }) => apiGet('listMembers', { signal }),
    select: (list) => list.items,
  });
}

/** A role change or removal may be the user's own: `me` (permissions, navigation) is asked for again. */
function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.members }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meAll }),
    ]);
}

export function useUpdateMemberRole() {
  const invalidate = useInvalidateMembers();
  return useMutation<TMember, Error, { userId: string; role: TRole }>({
    mutationFn: ({ userId, role }) => apiPatch('updateMember', { role }, { params: { id: userId } }),
    onSettled: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateMembers();
  return useMutation<TMember, Error, { userId: string }>({
    mutationFn: ({ userId }) => apiDelete('removeMember', { params: { id: userId } }),
    onSuccess: invalidate,
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: queryKeys.invitations,
    queryFn: ({ signal }) => apiGet('listInvitations', { signal }),
    select: (list) => list.items,
  });
}

/**
 * The created invitation carries the only copy of its link. It is handed to the caller and never written to
 * the query cache: the list is fetched again instead, and it never carries the link.
 */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation<TCreatedInvitation, Error, TCreateInvitation>({
    mutationFn: (body) => apiPost('createInvitation', body),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation<TInvitation, Error, { id: string }>({
    mutationFn: ({ id }) => apiDelete('revokeInvitation', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
}

/** Accepting signs the invitee in: like signing in, it starts from an empty cache, acting for the new organization. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation<TMe, Error, TAcceptInvitation>({
    mutationFn: (body) => apiPost('acceptInvitation', body),
    gcTime: 0,
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me(me.organization.id), me);
      setSelectedOrganization(me.organization.id);
    },
  });
}
