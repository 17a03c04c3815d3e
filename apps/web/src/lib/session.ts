import { createContext, useContext } from 'react';
import type { TMe, TPermission } from '@aispm/contracts';

/** The signed-in user as `GET /auth/me` described them; provided by the session gate around the app shell. */
export const SessionContext = createContext<TMe | null>(null);

export function useSession(): TMe {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() is only available inside the session gate');
  return me;
}

/**
 * Whether the user's role in the selected organization grants `permission`. The API enforces the same rule;
 * this only keeps the console from offering what would be refused.
 */
export function useCan(permission: TPermission): boolean {
  return useSession().permissions.includes(permission);
}
