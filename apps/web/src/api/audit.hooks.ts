import { apiGet } from './client';
import { useKeysetPages } from './keyset-pages.hooks';
import { queryKeys } from './query-keys';

/** Newest first, one page at a time. */
export function useAuditEvents() {
  return useKeysetPages(queryKeys.auditEvents, (page, signal) =>
    apiGet('listAuditEvents', { query: page, signal }),
  );
}
