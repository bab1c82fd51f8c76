'use client';

import type { ReactNode } from 'react';
import { REFRESH_INTERVALS, WINDOWS, type RefreshKey, type WindowKey } from '@/lib/view-state';
import { LabeledSelect } from '@/components/ui/labeled-select';
import { useViewState } from './use-view-state';

/** The time window (1m to 24h) and the refresh interval (off to 1m), both kept in the URL. */
export function TimeControls(): ReactNode {
  const { view, setView } = useViewState();
  return (
    <div className="flex items-center gap-2 text-sm">
      <LabeledSelect
        label="Window"
        testId="window-select"
        value={view.window}
        keys={Object.keys(WINDOWS) as WindowKey[]}
        text={(key) => `Last ${key}`}
        onChange={(window) => setView({ window })}
      />
      <LabeledSelect
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
