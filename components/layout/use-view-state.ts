'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { REFRESH_INTERVALS, readViewState, writeViewState, type ViewState } from '@/lib/view-state';

/** The shell's view state (namespaces, window, refresh), read from and written to the URL. */
export function useViewState(): {
  view: ViewState;
  refreshMs: number;
  setView: (change: Partial<ViewState>) => void;
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => readViewState(new URLSearchParams(params.toString())), [params]);
  const setView = useCallback(
    (change: Partial<ViewState>) => {
      const next = writeViewState(new URLSearchParams(params.toString()), { ...view, ...change }).toString();
      router.replace(next === '' ? pathname : `${pathname}?${next}`, { scroll: false });
    },
    [params, pathname, router, view],
  );
  return { view, refreshMs: REFRESH_INTERVALS[view.refresh], setView };
}
