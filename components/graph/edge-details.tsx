'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useViewState } from '@/components/layout/use-view-state';
import type { GraphNode } from '@/lib/graph/types';
import { graphSeriesQuery, parseSeriesEdgeId } from '@/lib/queries/graph';
import { drawnEdgeTraceQueries } from '@/lib/graph/trace-queries';
import { formatBytes, formatMs, formatPercent, formatRps, type DrawnEdge } from '@/lib/graph/view';
import { Facts, HealthBadge, PanelHeading, PanelLinks, Principal, pageLink } from './detail-parts';
import { Sparkline } from './sparkline';
import { EdgeChanges } from './change-links';
import { TraceLinks } from './trace-links';
import type { SeriesPoint } from './series-history';

function CodesTable({ codes, total }: { codes: Record<string, number>; total: number }): ReactNode {
  const rows = Object.entries(codes).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0)
    return <p className="text-sm text-slate-500">No response codes (L4 traffic only).</p>;
  return (
    <table data-testid="graph-codes" className="w-full text-left text-sm tabular-nums">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="font-medium">Code</th>
          <th className="text-right font-medium">rps</th>
          <th className="text-right font-medium">share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([code, rps]) => (
          <tr key={code} className={/^[5]|^0$/.test(code) ? 'text-red-700 dark:text-red-400' : undefined}>
            <td>{code === '0' ? '0 (refused)' : code}</td>
            <td className="text-right">{formatRps(rps).replace(' rps', '')}</td>
            <td className="text-right">{total > 0 ? formatPercent(rps / total) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The sparkline of an edge: for an L7 workload edge drawn directly, its request rate over the whole window from
 * `GET /api/graph/series` (the refreshes seen so far until that answers); for any other, the refreshes seen since
 * the page opened.
 */
function EdgeSparkline(props: { edge: DrawnEdge; history: readonly SeriesPoint[] }): ReactNode {
  const { edge, history } = props;
  const { view, refreshMs } = useViewState();
  const ranged = !edge.segment && parseSeriesEdgeId(edge.id) !== undefined;
  const query = useQuery({
    ...graphSeriesQuery({ edge: edge.id, window: view.window }, refreshMs),
    enabled: ranged,
  });
  if (ranged && query.data) {
    const points = query.data.data.points.map((p) => ({ t: p.t * 1000, rps: p.rps, failed: p.errorRps }));
    const problem = query.data.errors[0]?.message;
    return (
      <>
        <Sparkline
          points={points}
          caption={`requests/s over the last ${view.window} (red: errors)`}
          empty="no requests in the window"
        />
        {problem !== undefined && (
          <p data-testid="graph-sparkline-error" className="text-[11px] text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </>
    );
  }
  return (
    <Sparkline
      points={history}
      caption={`rps (red: failed) over the ${history.length} refresh${history.length === 1 ? '' : 'es'} seen since this page opened`}
    />
  );
}

/** The side panel for an edge or a waypoint segment: rates, codes, latency, security, and what it carries. */
export function EdgeDetails(props: {
  edge: DrawnEdge;
  nodes: ReadonlyMap<string, GraphNode>;
  series: readonly SeriesPoint[];
  onSelect: (id: string) => void;
}): ReactNode {
  const { edge, nodes, series, onSelect } = props;
  const via = edge.segment ? null : (edge.carries[0]?.via ?? null);
  const name = (id: string): string => {
    const node = nodes.get(id);
    return node ? (node.kind === 'unknown' ? 'unknown caller' : node.name) : id;
  };
  const target = nodes.get(edge.target);
  // The call the shortcuts are about: the edge itself, or the one call a waypoint segment carries.
  const logical = !edge.segment || edge.carries.length === 1 ? edge.carries[0] : undefined;
  const latency = edge.latencyMs;
  const recent = edge.recent ?? null;
  return (
    <div data-testid="graph-edge-details">
      <p className="text-xs text-slate-500">
        {edge.segment ? 'Waypoint hop' : 'Traffic'} · {edge.layer} · {edge.protocols.join(', ')}
      </p>
      <h2 data-testid="graph-panel-title" className="text-lg font-semibold break-all">
        {name(edge.source)} → {name(edge.target)}
      </h2>
      <div className="mt-1 mb-3">
        <HealthBadge health={edge.health} />
      </div>
      <Facts
        rows={[
          ['Requests', edge.layer === 'L7' ? formatRps(edge.requestsPerSecond) : 'none seen (L4 only)'],
          ['Errors', edge.layer === 'L7' ? formatPercent(edge.errorRate) : '–'],
          [
            'p50 / p95 / p99',
            latency ? `${formatMs(latency.p50)} / ${formatMs(latency.p95)} / ${formatMs(latency.p99)}` : '–',
          ],
          ['Bytes', edge.bytesPerSecond === null ? '–' : formatBytes(edge.bytesPerSecond)],
          ...(via !== null ? [['Through', `waypoint ${name(via)}`] as [string, ReactNode]] : []),
          ...(recent && edge.layer === 'L7'
            ? [
                [
                  `Last ${recent.seconds} s`,
                  `${formatRps(recent.requestsPerSecond)}, ${formatPercent(recent.errorRate)} errors`,
                ] as [string, ReactNode],
              ]
            : []),
          [
            'mTLS',
            // The share shown: over the recent sub-window when the edge had traffic in it (lib/graph/recent.ts).
            <span
              key="mtls"
              className={edge.mtls < 1 ? 'font-semibold text-red-700 dark:text-red-400' : undefined}
            >
              {edge.mtls >= 1 ? '✓ all of it' : `${formatPercent(edge.mtls)} (⚠ some plaintext)`}
              {recent ? ` · last ${recent.seconds} s` : ''}
            </span>,
          ],
        ]}
      />
      <PanelHeading>Over time</PanelHeading>
      <EdgeSparkline edge={edge} history={series} />
      <PanelHeading>Response codes</PanelHeading>
      <CodesTable codes={edge.responseCodes} total={edge.requestsPerSecond} />
      <PanelHeading>Identities</PanelHeading>
      <p className="text-xs text-slate-500">From</p>
      <ul>
        {edge.sourcePrincipals.length === 0 ? (
          <li className="text-xs">none (plaintext or unknown)</li>
        ) : (
          edge.sourcePrincipals.map((p) => <Principal key={p} spiffe={p} />)
        )}
      </ul>
      <p className="mt-1 text-xs text-slate-500">To</p>
      <ul>
        {edge.destinationPrincipals.length === 0 ? (
          <li className="text-xs">none</li>
        ) : (
          edge.destinationPrincipals.map((p) => <Principal key={p} spiffe={p} />)
        )}
      </ul>
      {edge.segment && (
        <>
          <PanelHeading>Carries {edge.carries.length} calls</PanelHeading>
          <table data-testid="graph-carried" className="w-full text-left text-xs tabular-nums">
            <tbody>
              {edge.carries.map((c) => (
                <tr key={c.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-0.5 pr-2 break-all">
                    <button
                      type="button"
                      className="text-left hover:underline"
                      onClick={() => onSelect(c.id)}
                    >
                      {name(c.source)} → {name(c.target)}
                    </button>
                  </td>
                  <td className="text-right whitespace-nowrap">{formatRps(c.requestsPerSecond)}</td>
                  <td className="pl-2 text-right">{formatPercent(c.errorRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <TraceLinks queries={drawnEdgeTraceQueries(edge, nodes)} />
      {logical && (
        <EdgeChanges
          edge={logical}
          source={nodes.get(logical.source)}
          target={nodes.get(logical.target)}
          nodes={[...nodes.values()]}
        />
      )}
      {target && target.kind !== 'unknown' && target.kind !== 'external' && (
        <PanelLinks
          links={[
            {
              href: pageLink('config', { ns: target.namespace, name: target.app ?? target.name }),
              text: `Configuration of ${target.app ?? target.name}`,
              testId: 'graph-link-config',
            },
          ]}
        />
      )}
    </div>
  );
}
