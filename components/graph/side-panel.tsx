'use client';

import { useMemo, type ReactNode } from 'react';
import { shownMtls } from '@/lib/graph/recent';
import type { Theme } from '@/lib/graph/stylesheet';
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { aggregate, formatPercent, formatRps, type DrawnEdge, type GraphView } from '@/lib/graph/view';
import { HealthBadge, PanelHeading } from './detail-parts';
import { EdgeDetails } from './edge-details';
import { GraphLegend } from './graph-legend';
import { NodeDetails } from './node-details';
import { sumSeries, useSeriesHistory } from './series-history';

/** How many problems the summary lists before "and N more". */
const PROBLEMS_SHOWN = 8;

function Summary(props: {
  view: GraphView;
  name: (id: string) => string;
  onSelect: (id: string) => void;
}): ReactNode {
  const { view, name, onSelect } = props;
  const leaves = view.nodes.filter((n) => n.node !== null);
  // The calls themselves (not the waypoint hops that carry them), worst first.
  const calls = new Map(view.edges.flatMap((e) => e.edge.carries).map((c) => [c.id, c]));
  // An edge is judged over the recent sub-window too: its worse error share there is what may have flagged it.
  const worstErrors = (c: GraphEdge): number => Math.max(c.errorRate, c.recent?.errorRate ?? 0);
  const problems = [...calls.values()]
    .filter((c) => c.health === 'failing' || c.health === 'degraded')
    .sort(
      (a, b) =>
        Number(b.health === 'failing') - Number(a.health === 'failing') || worstErrors(b) - worstErrors(a),
    );
  const plaintext = [...calls.values()].filter((c) => shownMtls(c) < 1).length;
  return (
    <div data-testid="graph-summary">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Click a node or an edge for its traffic{leaves.length > 0 ? '' : ' (nothing is drawn now)'}.
      </p>
      <PanelHeading>Needs attention</PanelHeading>
      {problems.length === 0 ? (
        <p className="text-sm text-slate-500">No failing or degraded traffic.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {problems.slice(0, PROBLEMS_SHOWN).map((edge) => (
            <li key={edge.id}>
              <button
                type="button"
                data-testid="graph-problem"
                onClick={() => onSelect(edge.id)}
                className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <HealthBadge health={edge.health} />{' '}
                <span className="break-all">
                  {name(edge.source)} → {name(edge.target)}
                </span>{' '}
                <span className="whitespace-nowrap text-slate-500">
                  {formatPercent(edge.errorRate)} of {formatRps(edge.requestsPerSecond)}
                </span>
                {edge.recent && edge.recent.errorRate > edge.errorRate && (
                  <span className="text-slate-500">
                    , {formatPercent(edge.recent.errorRate)} in the last {edge.recent.seconds} s
                  </span>
                )}
              </button>
            </li>
          ))}
          {problems.length > PROBLEMS_SHOWN && (
            <li className="text-slate-500">and {problems.length - PROBLEMS_SHOWN} more</li>
          )}
        </ul>
      )}
      {plaintext > 0 && (
        <p className="mt-3 text-sm text-amber-700 dark:text-amber-400">
          ⚠ {plaintext} call{plaintext === 1 ? '' : 's'} with plaintext traffic: set Edge labels to mTLS, or
          Find <code>!mtls</code>.
        </p>
      )}
    </div>
  );
}

/** A drawn edge by id, or a call carried by a waypoint hop, as an edge of its own. */
function findEdge(view: GraphView, id: string): DrawnEdge | undefined {
  const drawn = view.edges.find((e) => e.data.id === id)?.edge;
  if (drawn) return drawn;
  const call = view.edges.flatMap((e) => e.edge.carries).find((c) => c.id === id);
  return call && aggregate(call.id, call.source, call.target, [call]);
}

/** The panel beside the graph: a summary when nothing is selected, else the selected node's or edge's details. */
export function SidePanel(props: {
  view: GraphView;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  theme: Theme;
}): ReactNode {
  const { view, selectedId, onSelect, theme } = props;
  const history = useSeriesHistory();
  const nodes = useMemo(
    () => new Map(view.nodes.flatMap((n) => (n.node ? [[n.node.id, n.node] as [string, GraphNode]] : []))),
    [view],
  );
  const name = (id: string): string => {
    const node = nodes.get(id);
    return node ? (node.kind === 'unknown' ? 'unknown caller' : node.name) : id;
  };
  const node = selectedId === null ? undefined : nodes.get(selectedId);
  const edge = selectedId === null ? undefined : findEdge(view, selectedId);
  let body: ReactNode;
  if (node) {
    const inbound = view.edges.filter((e) => e.edge.target === node.id).map((e) => e.edge);
    const rps = inbound.reduce((sum, e) => sum + e.requestsPerSecond, 0);
    const failed = inbound.reduce((sum, e) => sum + e.requestsPerSecond * e.errorRate, 0);
    const p95s = inbound.flatMap((e) => (e.latencyMs ? [e.latencyMs.p95] : []));
    body = (
      <NodeDetails
        node={node}
        inboundP95={p95s.length > 0 ? Math.max(...p95s) : null}
        inboundErrorRate={rps > 0 ? failed / rps : 0}
        series={sumSeries(history, [node.id])}
      />
    );
  } else if (edge) {
    const series = sumSeries(
      history,
      edge.carries.map((c) => c.id),
    );
    body = <EdgeDetails edge={edge} nodes={nodes} series={series} onSelect={onSelect} />;
  } else {
    body = (
      <>
        {selectedId !== null && (
          <p data-testid="graph-selection-gone" className="mb-2 text-sm text-slate-500">
            What you selected is not drawn any more (hidden, or no traffic in the window).
          </p>
        )}
        <Summary view={view} name={name} onSelect={onSelect} />
        <GraphLegend theme={theme} />
      </>
    );
  }
  return (
    <aside
      data-testid="graph-side-panel"
      aria-label="Details"
      className="w-80 shrink-0 overflow-y-auto rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      {selectedId !== null && (
        <button
          type="button"
          data-testid="graph-panel-close"
          onClick={() => onSelect(null)}
          className="float-right rounded px-2 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label="Close details"
        >
          ×
        </button>
      )}
      {body}
    </aside>
  );
}
