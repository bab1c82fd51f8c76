'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { REFRESH_INTERVALS, readViewState, writeViewState, type ViewState } from '@/lib/view-state';

/**
 * The shell's view state (namespaces, window, refresh), read from and written to the URL. Writes use
 * `history.replaceState`, which Next.js folds into `useSearchParams` at once: a checkbox ticks when clicked, with
 * no router round trip, and the view does not add history entries.
 */
export function useViewState(): {
  view: ViewState;
  refreshMs: number;
  setView: (change: Partial<ViewState>) => void;
} {
  const params = useSearchParams();
  const view = useMemo(() => readViewState(new URLSearchParams(params.toString())), [params]);
  const setView = useCallback(
    (change: Partial<ViewState>) => {
      const next = writeViewState(new URLSearchParams(window.location.search), {
        ...view,
        ...change,
      }).toString();
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${next === '' ? '' : `?${next}`}`,
      );
    },
    [view],
  );
  return { view, refreshMs: REFRESH_INTERVALS[view.refresh], setView };
}
