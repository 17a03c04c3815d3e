import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

export const PAGE_SIZE = 50;

/** One page of a keyset-paged list route, as the contracts' `ZPage` describes it. */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A keyset-paged list read one page at a time ("Load more"), exposed as the flat list of items loaded so far.
 * `fetchPage` is handed the page size and the cursor the previous page returned.
 */
export function useKeysetPages<T>(
  queryKey: QueryKey,
  fetchPage: (page: { limit: number; cursor: string | undefined }, signal: AbortSignal) => Promise<Page<T>>,
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage({ limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}
