import type { ReactNode } from 'react';
import { PALETTES, edgeColour, type Theme } from '@/lib/graph/stylesheet';
import { DEFAULT_THRESHOLDS, type FailureClass, type HealthThreshold } from '@/lib/graph/health';
import type { Health, NodeKind } from '@/lib/graph/types';

/** `any 5xx or ≥10% 4xx`, from the thresholds the server uses by default. */
function rule(level: keyof HealthThreshold): string {
  return (Object.entries(DEFAULT_THRESHOLDS) as [FailureClass, HealthThreshold][])
    .map(([failure, t]) => (t[level] === 0 ? `any ${failure}` : `≥${Math.round(t[level] * 100)}% ${failure}`))
    .join(' or ');
}

/** SVG outlines of the node shapes the stylesheet uses (`NODE_SHAPES`), in a 20×20 box. */
const SHAPE_PATHS: Record<NodeKind, string> = {
  workload: 'M5 3h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  app: 'M10 3a7 7 0 1 1 0 14a7 7 0 1 1 0-14z',
  service: 'M10 3l7.5 13.5h-15z',
  waypoint: 'M6 3.5h8l4 6.5-4 6.5H6l-4-6.5z',
  gateway: 'M10 2l8 8-8 8-8-8z',
  external: 'M3 4h10l4 6-4 6H3z',
  unknown: 'M10 3a7 7 0 1 1 0 14a7 7 0 1 1 0-14z',
};

const KINDS: [NodeKind, string][] = [
  ['workload', 'Workload'],
  ['app', 'App'],
  ['service', 'Service'],
  ['waypoint', 'Waypoint'],
  ['gateway', 'Gateway'],
  ['external', 'External'],
  ['unknown', 'Unknown caller'],
];

const HEALTHS: [Health, string][] = [
  ['healthy', 'Healthy'],
  ['degraded', 'Degraded'],
  ['failing', 'Failing'],
  ['idle', 'No traffic'],
];

function Shape(props: {
  kind: NodeKind;
  theme: Theme;
  stroke?: string;
  dash?: string;
  width?: number;
}): ReactNode {
  const p = PALETTES[props.theme];
  const fill =
    props.kind === 'waypoint' ? p.waypointFill : props.kind === 'gateway' ? p.gatewayFill : p.nodeFill;
  return (
    <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden className="shrink-0">
      <path
        d={SHAPE_PATHS[props.kind]}
        fill={fill}
        stroke={props.stroke ?? p.health.unknown}
        strokeWidth={props.width ?? 1.5}
        strokeDasharray={props.dash}
      />
    </svg>
  );
}

function Line(props: { colour: string; dashed?: boolean; width?: number }): ReactNode {
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden className="shrink-0">
      <line
        x1="1"
        y1="5"
        x2="22"
        y2="5"
        stroke={props.colour}
        strokeWidth={props.width ?? 2}
        strokeDasharray={props.dashed ? '4 3' : undefined}
      />
      <path d="M21 1.5l6 3.5-6 3.5z" fill={props.colour} />
    </svg>
  );
}

function Row(props: { icon: ReactNode; children: ReactNode }): ReactNode {
  return (
    <li className="flex items-center gap-2">
      {props.icon}
      <span>{props.children}</span>
    </li>
  );
}

/** What the shapes, colours, borders and lines of the graph mean. Drawn from the stylesheet's own tables. */
export function GraphLegend({ theme }: { theme: Theme }): ReactNode {
  const p = PALETTES[theme];
  const heading = 'mt-2 mb-0.5 font-semibold text-slate-700 first:mt-0 dark:text-slate-200';
  return (
    <details
      open
      data-testid="graph-legend"
      className="mt-4 border-t border-slate-200 pt-2 text-[11px] leading-tight text-slate-600 dark:border-slate-700 dark:text-slate-300"
    >
      <summary className="cursor-pointer text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Legend
      </summary>
      <div className="mt-1 grid grid-cols-2 gap-x-3">
        <div>
          <p className={heading}>Nodes</p>
          <ul className="space-y-0.5">
            {KINDS.map(([kind, text]) => (
              <Row key={kind} icon={<Shape kind={kind} theme={theme} />}>
                {text}
              </Row>
            ))}
          </ul>
          <p className={heading}>Data plane (border)</p>
          <ul className="space-y-0.5">
            <Row icon={<Shape kind="workload" theme={theme} stroke={p.text} />}>Ambient (ztunnel)</Row>
            <Row icon={<Shape kind="workload" theme={theme} stroke={p.text} width={3.5} />}>
              Sidecar (double)
            </Row>
            <Row icon={<Shape kind="workload" theme={theme} stroke={p.text} dash="3 2" />}>Out of mesh</Row>
          </ul>
        </div>
        <div>
          <p className={heading}>Health (border, line)</p>
          <ul className="space-y-0.5">
            {HEALTHS.map(([health, text]) => (
              <Row key={health} icon={<Line colour={edgeColour(health, theme)} />}>
                <span className="inline-flex items-center gap-1">
                  <span
                    className="inline-block size-2.5 rounded-full"
                    style={{ background: p.health[health] }}
                  />
                  {text}
                </span>
              </Row>
            ))}
          </ul>
          <p className="mt-0.5 text-[10px] text-slate-500">
            Degraded: {rule('degraded')}. Failing: {rule('failing')} (server defaults).
          </p>
          <p className={heading}>Edges</p>
          <ul className="space-y-0.5">
            <Row icon={<Line colour={p.text} />}>L7: requests</Row>
            <Row icon={<Line colour={p.text} dashed />}>L4 only (ztunnel)</Row>
            <Row icon={<Line colour={p.text} width={5} />}>more traffic</Row>
          </ul>
          <p className={heading}>Tags</p>
          <ul className="space-y-0.5">
            <li>
              <b>VS</b> VirtualService
            </li>
            <li>
              <b>L7 authz</b> L7 policy
            </li>
            <li>
              <span className="rounded px-1" style={{ background: p.found }}>
                glow
              </span>{' '}
              matches Find
            </li>
          </ul>
        </div>
      </div>
    </details>
  );
}
