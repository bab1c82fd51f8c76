'use client';

import type { ReactNode } from 'react';
import { REFRESH_INTERVALS, WINDOWS, type RefreshKey, type WindowKey } from '@/lib/view-state';
import { useViewState } from './use-view-state';

/** A labelled select over a fixed set of keys. */
function KeySelect<K extends string>(props: {
  label: string;
  testId: string;
  value: K;
  keys: K[];
  text: (key: K) => string;
  onChange: (key: K) => void;
}): ReactNode {
  return (
    <label className="flex items-center gap-1">
      <span className="text-slate-500 dark:text-slate-400">{props.label}</span>
      <select
        data-testid={props.testId}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as K)}
      >
        {props.keys.map((key) => (
          <option key={key} value={key}>
            {props.text(key)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The time window (1m to 24h) and the refresh interval (off to 1m), both kept in the URL. */
export function TimeControls(): ReactNode {
  const { view, setView } = useViewState();
  return (
    <div className="flex items-center gap-2 text-sm">
      <KeySelect
        label="Window"
        testId="window-select"
        value={view.window}
        keys={Object.keys(WINDOWS) as WindowKey[]}
        text={(key) => `Last ${key}`}
        onChange={(window) => setView({ window })}
      />
      <KeySelect
        label="Refresh"
        testId="refresh-select"
        value={view.refresh}
        keys={Object.keys(REFRESH_INTERVALS) as RefreshKey[]}
        text={(key) => (key === 'off' ? 'Off' : `Every ${key}`)}
        onChange={(refresh) => setView({ refresh })}
      />
    </div>
  );
}
