import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'aispm.organization';

/**
 * The organization this tab acts for, sent as `x-org-id` on every request.
 * It is read from localStorage once, when the console loads, and kept in memory after that: switching in
 * another tab must not change what this tab's requests ask for while its screens show the other organization.
 */
let current: string | null = readStored();
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings); the console then falls back to the default organization.
    return null;
  }
}

export function selectedOrganization(): string | null {
  return current;
}

/** `null` forgets the choice, so the API falls back to the user's first organization. */
export function setSelectedOrganization(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Not persisted; this tab still uses the choice.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSelectedOrganization(): string | null {
  return useSyncExternalStore(subscribe, selectedOrganization);
}
