'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseExpression } from '@/lib/graph/expression';
import { recentForRefresh } from '@/lib/graph/recent';
import { PALETTES } from '@/lib/graph/stylesheet';
import { buildView } from '@/lib/graph/view';
import { graphQuery } from '@/lib/queries/graph';
import { WINDOWS } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { download, exportName } from './export';
import { GraphCanvas } from './graph-canvas';
import { GraphStatus } from './graph-status';
import { GraphToolbar } from './graph-toolbar';
import { recordGraph } from './series-history';
import { SidePanel } from './side-panel';
import { TraceBanner } from './trace-banner';
import { useGraphOptions } from './use-graph-options';
import { useTracePath } from './use-trace-path';
import { useTheme } from './use-theme';

/** The graph and its panel fill the screen under the toolbar (a banner may push them down a little). */
const FRAME = 'h-[calc(100vh-18rem)] min-h-[28rem]';

/** The graph page's client part: options, data, the canvas, the legend and the side panel. */
export function GraphView(): ReactNode {
  const { view: shell, refreshMs } = useViewState();
  const { options, setOptions } = useGraphOptions();
  const theme = useTheme();
  const params = {
    namespaces: shell.namespaces,
    window: shell.window,
    // Edges are judged over the last two refreshes too, so that a change shows at once (docs/graph-api.md).
    recent: recentForRefresh(refreshMs, WINDOWS[shell.window]),
    graphType: options.graphType,
    layers: options.layers,
  };
  // A changed window or graph type keeps the current picture until the new one is there.
  const query = useQuery({ ...graphQuery(params, refreshMs), placeholderData: keepPreviousData });
  const find = useMemo(() => parseExpression(options.find), [options.find]);
  const hide = useMemo(() => parseExpression(options.hide), [options.hide]);
  const { data } = query;
  // Each answer also feeds the side panel's sparklines (a store outside React).
  useEffect(() => {
    if (data) recordGraph(data);
  }, [data]);
  const traced = useTracePath(options.trace, data);
  const view = useMemo(
    () =>
      data
        ? buildView(data, {
            showWaypoints: options.showWaypoints,
            labelMode: options.labelMode,
            find: find.ok ? find.expr : null,
            hide: hide.ok ? hide.expr : null,
            trace: traced.path,
          })
        : null,
    [data, options.showWaypoints, options.labelMode, find, hide, traced.path],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [relayoutToken, setRelayoutToken] = useState(0);
  const [fitToken, setFitToken] = useState(0);
  const cyRef = useRef<cytoscape.Core | null>(null);

  const exportPng = (): void => {
    const cy = cyRef.current;
    if (!cy || !data) return;
    const blob = cy.png({ full: true, scale: 2, bg: PALETTES[theme].textBackground, output: 'blob' });
    download(blob, exportName(data, 'png'));
  };
  const exportJson = (): void => {
    if (!data) return;
    download(
      new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      exportName(data, 'json'),
    );
  };

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div
        data-testid="graph-loading"
        className={`${FRAME} flex animate-pulse items-center justify-center rounded border border-slate-200 bg-slate-100 text-sm text-slate-500 dark:border-slate-700 dark:bg-slate-900`}
      >
        Reading traffic…
      </div>
    );
  } else if (!data || !view) {
    body = (
      <EmptyState testId="graph-error" title="The graph could not be read">
        {query.error?.message ?? 'No answer.'}{' '}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </EmptyState>
    );
  } else if (data.nodes.length === 0) {
    body = (
      <EmptyState testId="graph-empty" title="No traffic in the window">
        No requests or connections were seen
        {shell.namespaces.length > 0 ? ` in ${shell.namespaces.join(', ')}` : ''} in the last {shell.window}.
        Try a longer window or other namespaces, and check that Prometheus scrapes ztunnel and the waypoints.
      </EmptyState>
    );
  } else {
    body = (
      <div className="flex gap-2">
        <div
          className={`${FRAME} relative min-w-0 flex-1 overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950`}
        >
          <GraphCanvas
            view={view}
            theme={theme}
            selectedId={selectedId}
            onSelect={setSelectedId}
            animate={options.animate}
            relayoutToken={relayoutToken}
            fitToken={fitToken}
            onReady={(cy) => {
              cyRef.current = cy;
            }}
          />
        </div>
        <div className={`${FRAME} flex`}>
          <SidePanel view={view} selectedId={selectedId} onSelect={setSelectedId} theme={theme} />
        </div>
      </div>
    );
  }

  return (
    <div data-testid="graph-view">
      <GraphToolbar
        options={options}
        onChange={setOptions}
        findError={find.ok ? null : find.error}
        hideError={hide.ok ? null : hide.error}
        found={view?.found ?? 0}
        hidden={view?.hidden ?? { nodes: 0, edges: 0 }}
        canExport={view !== null && data !== undefined && data.nodes.length > 0}
        onFit={() => setFitToken((t) => t + 1)}
        onRelayout={() => setRelayoutToken((t) => t + 1)}
        onExportPng={exportPng}
        onExportJson={exportJson}
      />
      {options.trace !== '' && (
        <TraceBanner traceId={options.trace} traced={traced} onClear={() => setOptions({ trace: '' })} />
      )}
      <GraphStatus
        data={data}
        view={view}
        refreshError={query.isError && data !== undefined ? query.error.message : null}
        updating={query.isFetching}
      />
      {body}
    </div>
  );
}
