import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TLogin, TMe } from '@aispm/contracts';
import { ApiError, apiGet, apiPost } from './client';
import { queryKeys } from './query-keys';
import {
  selectedOrganization,
  setSelectedOrganization,
  useSelectedOrganization,
} from './selected-organization';

/** The signed-in user, their organizations and what they may do in the selected one. */
export function useMe() {
  const queryClient = useQueryClient();
  const organizationId = useSelectedOrganization();
  return useQuery({
    queryKey: queryKeys.me(organizationId),
    queryFn: ({ signal }) => fetchMe(queryClient, organizationId, signal),
  });
}

async function fetchMe(
  queryClient: QueryClient,
  organizationId: string | null,
  signal: AbortSignal,
): Promise<TMe> {
  let me: TMe;
  try {
    me = await apiGet('me', { signal });
  } catch (error) {
    // The remembered organization is one this user no longer belongs to (or another user's, on a shared
    // browser): forget it, which asks again for the user's default organization.
    if (organizationId !== null && error instanceof ApiError && error.status === 403) {
      switchOrganization(queryClient, null);
    }
    throw error;
  }
  if (selectedOrganization() === null) {
    // Pin the organization the API defaulted to, so every later request names it explicitly. The answer is
    // cached under its new key first, so the console does not ask twice.
    queryClient.setQueryData(queryKeys.me(me.organization.id), me);
    setSelectedOrganization(me.organization.id);
  }
  return me;
}

/**
 * Acts for another organization from now on. Everything cached belonged to the previous one, so the cache is
 * emptied; the session gate then shows its skeleton until the new organization's `me` arrives, and every page
 * mounts afresh and reloads.
 */
export function switchOrganization(queryClient: QueryClient, organizationId: string | null): void {
  setSelectedOrganization(organizationId);
  queryClient.clear();
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<TMe, Error, TLogin>({
    mutationFn: (body) => apiPost('login', body),
    onSuccess: (me) => {
      // Nothing from an earlier session may show in this one.
      queryClient.clear();
      // The answer describes the user's default organization: it saves the session gate a request when that
      // is the one this browser acts for. A remembered other organization is asked for by the gate.
      const remembered = selectedOrganization();
      if (remembered === null || remembered === me.organization.id) {
        queryClient.setQueryData(queryKeys.me(me.organization.id), me);
        setSelectedOrganization(me.organization.id);
      }
    },
  });
}

/** Ends this browser's session, or with `everywhere` every session of the user; resolves to how many ended. */
export function useSignOut() {
  return useMutation<number, Error, { everywhere: boolean }>({
    mutationFn: async ({ everywhere }) =>
      (await apiPost(everywhere ? 'logoutEverywhere' : 'logout', undefined)).sessionsEnded,
  });
}
