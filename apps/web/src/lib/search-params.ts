import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Lists live in the URL comma-separated, the same form the API accepts. */
export function readList<T extends string = string>(
  params: URLSearchParams,
  key: string,
  allowed?: readonly T[],
): T[] {
  const values = (params.get(key) ?? '').split(',').filter(Boolean);
  return (allowed ? values.filter((v): v is T => (allowed as readonly string[]).includes(v)) : values) as T[];
}

/**
 * Filters are kept in the URL so a filtered view can be bookmarked or pasted into a ticket.
 * Updates replace the history entry: typing in a filter should not add one back-button step per key.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | readonly string[] | null | undefined>) => {
      setParams(
        () => {
          // From the address bar, not the router's `previous`: that is the value of the last render, so a second
          // change made before the page re-rendered (clear the filters, then pick one) would bring back what the
          // first one removed. The router writes the address synchronously, so it always holds the latest.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(changes)) {
            const text = Array.isArray(value) ? value.join(',') : value;
            if (text) next.set(key, text as string);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params, update] as const;
}
