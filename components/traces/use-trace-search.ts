'use client';

import { useCallback, useMemo } from 'react';
import { useQueryString, useViewState } from '@/components/layout/use-view-state';
import type { TraceSearchInput } from '@/lib/queries/traces';
import type { ViewState } from '@/lib/view-state';
import {
  readTraceSearch,
  searchInput,
  searchKey,
  writeTraceSearch,
  type TraceSearchState,
} from './search-state';

/** The traces page's search as the URL holds it, and how to run another one. */
export interface TraceSearchHandle {
  /** The search in the URL. */
  search: TraceSearchState;
  /** The search's own part of the query string: changes exactly when the search does. */
  key: string;
  /** What the API is asked: the search over the shell's window, with the shell's namespace filled in. */
  input: TraceSearchInput;
  /** The shell's view (window and namespaces), for links and for the form's namespace. */
  view: ViewState;
  /**
   * Writes a search into the URL as a new history entry (so back returns to the previous search) and tells every
   * reader of the query string. Returns false when the URL already holds this search: the caller runs it again.
   */
  submit: (next: TraceSearchState) => boolean;
}

/**
 * The traces page's search, read from and written to the URL beside the shell's view state (after
 * `use-graph-options`). Unlike the graph's options, a search is a step a person may want to go back from, so it
 * pushes a history entry; Next.js's router follows `history.pushState` and keeps `useSearchParams` in step.
 */
export function useTraceSearch(): TraceSearchHandle {
  const query = useQueryString();
  const { view, setView } = useViewState();
  const search = useMemo(() => readTraceSearch(new URLSearchParams(query)), [query]);
  const input = useMemo(() => searchInput(search, view), [search, view]);
  const submit = useCallback(
    (next: TraceSearchState): boolean => {
      const current = new URLSearchParams(window.location.search);
      if (searchKey(readTraceSearch(current)) === searchKey(next)) return false;
      const written = writeTraceSearch(current, next).toString();
      window.history.pushState(null, '', `${window.location.pathname}${written === '' ? '' : `?${written}`}`);
      // The shell's writer re-reads the address and tells every reader of the query string at once.
      setView({});
      return true;
    },
    [setView],
  );
  return { search, key: searchKey(search), input, view, submit };
}
