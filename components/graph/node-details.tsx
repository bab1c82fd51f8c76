import type { ReactNode } from 'react';
import { nodeTraceQueries } from '@/lib/graph/trace-queries';
import type { GraphNode } from '@/lib/graph/types';
import { formatPercent, formatRps } from '@/lib/graph/view';
import { Facts, HealthBadge, PanelHeading, PanelLinks, pageLink } from './detail-parts';
import { Sparkline } from './sparkline';
import { NodeChanges } from './change-links';
import { TraceLinks } from './trace-links';
import type { SeriesPoint } from './series-history';

const KIND_TEXT: Record<GraphNode['kind'], string> = {
  workload: 'Workload',
  app: 'App',
  service: 'Service',
  waypoint: 'Waypoint',
  gateway: 'Gateway',
  external: 'Outside the cluster',
  unknown: 'Unknown caller',
};

const DATAPLANE_TEXT: Record<GraphNode['dataplane'], string> = {
  ambient: 'Ambient (ztunnel)',
  sidecar: 'Sidecar',
  none: 'Out of mesh',
};

/** The side panel for a node: what it is, how it is in the mesh, its traffic, and where to look next. */
export function NodeDetails(props: {
  node: GraphNode;
  inboundErrorRate: number;
  series: readonly SeriesPoint[];
  /** The p95 of its slowest incoming L7 edge in ms, where "slow traces" start; null when none has one. */
  inboundP95: number | null;
}): ReactNode {
  const { node, inboundErrorRate, series, inboundP95 } = props;
  const named = node.kind !== 'unknown' && node.kind !== 'external';
  const badges = [
    node.badges.virtualService && 'A VirtualService routes to it',
    node.badges.l7Policy && 'An L7 AuthorizationPolicy applies',
  ].filter((b): b is string => typeof b === 'string');
  return (
    <div data-testid="graph-node-details">
      <p className="text-xs text-slate-500">{KIND_TEXT[node.kind]}</p>
      <h2 data-testid="graph-panel-title" className="text-lg font-semibold break-all">
        {node.kind === 'unknown' ? 'Unknown caller' : node.name}
      </h2>
      <div className="mt-1 mb-3">
        <HealthBadge health={node.health} />
      </div>
      <Facts
        rows={[
          ...(node.namespace !== '' ? [['Namespace', node.namespace] as [string, ReactNode]] : []),
          [
            'Data plane',
            node.kind === 'waypoint' ? 'Waypoint proxy (Envoy)' : DATAPLANE_TEXT[node.dataplane],
          ],
          ['Waypoint', node.waypoint ? `${node.waypoint.namespace}/${node.waypoint.name}` : 'none'],
          ...(node.app !== null ? [['App', node.app] as [string, ReactNode]] : []),
          ...(node.version !== null ? [['Version', node.version] as [string, ReactNode]] : []),
          ['In', formatRps(node.inboundRps)],
          ['Out', formatRps(node.outboundRps)],
          ['Errors in', formatPercent(inboundErrorRate)],
        ]}
      />
      {badges.length > 0 && (
        <>
          <PanelHeading>Configuration</PanelHeading>
          <ul className="list-disc pl-5 text-sm">
            {badges.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </>
      )}
      <PanelHeading>Requests in</PanelHeading>
      <Sparkline
        points={series}
        caption={`In: rps over the ${series.length} refresh${series.length === 1 ? '' : 'es'} seen since this page opened`}
      />
      <TraceLinks queries={nodeTraceQueries(node, inboundP95)} />
      <NodeChanges node={node} />
      {named && (
        <PanelLinks
          links={[
            {
              href: pageLink('config', { ns: node.namespace, name: node.app ?? node.name }),
              text: 'Configuration',
              testId: 'graph-link-config',
            },
          ]}
        />
      )}
    </div>
  );
}
