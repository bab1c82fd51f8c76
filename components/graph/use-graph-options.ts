'use client';

import { useCallback, useMemo } from 'react';
import { useQueryString, useViewState } from '@/components/layout/use-view-state';
import { readGraphOptions, writeGraphOptions, type GraphOptions } from './graph-options';

/**
 * The graph page's options, read from and written to the URL beside the shell's view state. A change rewrites the
 * query the way the shell does (no navigation, no history entry), then asks the shell's writer to re-read the
 * address: it keeps parameters it does not own and tells every reader of the query string at once, so that a
 * checkbox does not flicker back while a router transition catches up.
 */
export function useGraphOptions(): {
  options: GraphOptions;
  setOptions: (change: Partial<GraphOptions>) => void;
} {
  const query = useQueryString();
  const { setView } = useViewState();
  const options = useMemo(() => readGraphOptions(new URLSearchParams(query)), [query]);
  const setOptions = useCallback(
    (change: Partial<GraphOptions>) => {
      const current = new URLSearchParams(window.location.search);
      const next = writeGraphOptions(current, { ...readGraphOptions(current), ...change }).toString();
      const state: unknown = window.history.state;
      window.history.replaceState(
        { ...(typeof state === 'object' ? state : {}), __NA: true },
        '',
        `${window.location.pathname}${next === '' ? '' : `?${next}`}`,
      );
      setView({});
    },
    [setView],
  );
  return { options, setOptions };
}
