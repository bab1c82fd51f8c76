'use client';

import type { ReactNode } from 'react';
import { REFRESH_INTERVALS, WINDOWS, type RefreshKey, type WindowKey } from '@/lib/view-state';
import { useViewState } from './use-view-state';

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** The time window (1m to 24h) and the refresh interval (off to 1m), both kept in the URL. */
export function TimeControls(): ReactNode {
  const { view, setView } = useViewState();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        <span className="text-slate-500 dark:text-slate-400">Window</span>
        <select
          data-testid="window-select"
          className={selectClass}
          value={view.window}
          onChange={(e) => setView({ window: e.target.value as WindowKey })}
        >
          {Object.keys(WINDOWS).map((key) => (
            <option key={key} value={key}>
              Last {key}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className="text-slate-500 dark:text-slate-400">Refresh</span>
        <select
          data-testid="refresh-select"
          className={selectClass}
          value={view.refresh}
          onChange={(e) => setView({ refresh: e.target.value as RefreshKey })}
        >
          {Object.keys(REFRESH_INTERVALS).map((key) => (
            <option key={key} value={key}>
              {key === 'off' ? 'Off' : `Every ${key}`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
