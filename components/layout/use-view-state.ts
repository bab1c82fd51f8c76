'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { REFRESH_INTERVALS, readViewState, writeViewState, type ViewState } from '@/lib/view-state';

/**
 * Changing the view only rewrites the query string: no navigation, no server round trip, no history entry. The
 * address bar is the store; these listeners are told when the shell rewrites it (and on back/forward).
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function replaceQuery(query: string): void {
  const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}`;
  // Keep Next.js's own history state so back/forward keep working, and mark the write as the router's own
  // (`__NA`) so that Next.js does not start a navigation of its own for a query-string change.
  const state: unknown = window.history.state;
  window.history.replaceState({ ...(typeof state === 'object' ? state : {}), __NA: true }, '', url);
  listeners.forEach((listener) => listener());
}

/** The current query string without `?`, kept in step with both the shell's rewrites and Next.js navigations. */
export function useQueryString(): string {
  // Next.js navigations (section links) change the query too; reading it here re-renders on them.
  const routerQuery = useSearchParams().toString();
  return useSyncExternalStore(
    subscribe,
    () => window.location.search.replace(/^\?/, ''),
    () => routerQuery,
  );
}

/** The shell's view state (namespaces, window, refresh), read from and written to the URL. */
export function useViewState(): {
  view: ViewState;
  refreshMs: number;
  setView: (change: Partial<ViewState>) => void;
} {
  const query = useQueryString();
  const view = useMemo(() => readViewState(new URLSearchParams(query)), [query]);
  const setView = useCallback((change: Partial<ViewState>) => {
    const current = new URLSearchParams(window.location.search);
    replaceQuery(writeViewState(current, { ...readViewState(current), ...change }).toString());
  }, []);
  return { view, refreshMs: REFRESH_INTERVALS[view.refresh], setView };
}
