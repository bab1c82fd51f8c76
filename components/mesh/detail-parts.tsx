import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Health } from '@/lib/graph/types';
import { workloadHref } from '@/lib/mesh/detail-links';
import type { PeerRow, PolicyRow } from '@/lib/mesh/detail-types';
import type { ViewState } from '@/lib/view-state';
import {
  HEALTH_WORDS,
  percentDown,
  perSecond,
  toneClass,
  type Tone,
} from '@/components/overview/posture-format';
import { effectText, enforcedAtAttribute, enforcementText, errorText, latencyText } from './detail-format';
import { bytesText, nodeName } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, Table, Tag } from './mesh-parts';

/** The classes of a link in running text. */
export const LINK_CLASS = 'text-sky-700 hover:underline dark:text-sky-400';

/** A page's header: what it is, its name, its mode badge and health, and its links. */
export function DetailHeader(props: {
  kind: string;
  name: string;
  mode: { text: string; tone: Tone };
  health: Health;
  children?: ReactNode;
}): ReactNode {
  const health = HEALTH_WORDS[props.health];
  return (
    <header className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="text-sm text-slate-500 dark:text-slate-400">{props.kind}</span>
      <h1 className="text-xl font-semibold break-all">{props.name}</h1>
      <span
        data-testid="detail-mode"
        className={`rounded border border-current px-1.5 text-xs font-semibold ${toneClass(props.mode.tone)}`}
      >
        {props.mode.text}
      </span>
      <span data-testid="detail-health" className={`text-sm font-semibold ${toneClass(health.tone)}`}>
        {health.text}
      </span>
      <nav className="ml-auto flex gap-3 text-sm">{props.children}</nav>
    </header>
  );
}

/** Facts as a grid of term and value. */
export function Facts({ rows }: { rows: readonly [string, ReactNode][] }): ReactNode {
  return (
    <dl
      data-testid="detail-facts"
      className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-3 text-sm md:grid-cols-[auto_1fr_auto_1fr] dark:border-slate-700 dark:bg-slate-900"
    >
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="whitespace-nowrap text-slate-500 dark:text-slate-400">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A policy's action or mode in its tone: DENY red, ALLOW and STRICT green, the rest plain. */
function Effect({ row }: { row: PolicyRow }): ReactNode {
  const text = effectText(row);
  const tone: Tone = text === 'DENY' ? 'bad' : text === 'ALLOW' || text === 'STRICT' ? 'good' : 'muted';
  return text === '' ? null : <Tag tone={tone}>{text}</Tag>;
}

/** The policies: kind, name, effect, what they apply to, where they are enforced, and what to know. */
export function PolicyTable({ rows }: { rows: readonly PolicyRow[] }): ReactNode {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No policies apply.</p>;
  return (
    <Table head={['Kind', 'Name', 'Effect', 'Applies to', 'Enforced at']} testId="detail-policies">
      {rows.map((row) => (
        <tr
          key={`${row.kind}:${row.namespace}/${row.name}`}
          data-testid="detail-policy"
          data-kind={row.kind}
          data-name={`${row.namespace}/${row.name}`}
          data-enforced-at={enforcedAtAttribute(row)}
          className={ROW_CLASS}
        >
          <td className={`${CELL_CLASS} text-slate-500 dark:text-slate-400`}>{row.kind}</td>
          <td className={`${CELL_CLASS} font-medium break-all`}>
            {row.namespace}/{row.name}
          </td>
          <td className={CELL_CLASS}>
            <Effect row={row} />
          </td>
          <td className={`${CELL_CLASS} break-words`}>{row.appliesTo}</td>
          <td className={CELL_CLASS}>
            <span className={toneClass(row.enforcedAt.length === 0 ? 'warn' : 'muted')}>
              {enforcementText(row)}
            </span>
            {row.note !== null && (
              <div className="text-xs text-amber-700 dark:text-amber-400">{row.note}</div>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Callers or callees: who, how much, errors, p95, mTLS; workloads link to their page. */
export function PeerTable(props: {
  rows: readonly PeerRow[];
  direction: 'caller' | 'callee';
  known: boolean;
  view: ViewState;
}): ReactNode {
  const { rows, direction, view } = props;
  if (!props.known) return <p className="text-sm text-slate-500">Rates unavailable.</p>;
  if (rows.length === 0) return <p className="text-sm text-slate-500">None in the window.</p>;
  return (
    <Table head={[direction === 'caller' ? 'Caller' : 'Callee', 'Rate', 'Errors', 'p95', 'mTLS']}>
      {rows.map((row) => (
        <tr
          key={row.node}
          data-testid="detail-peer"
          data-direction={direction}
          data-peer={row.workload ? `${row.workload.namespace}/${row.workload.name}` : row.node}
          data-rps={row.requestsPerSecond}
          className={ROW_CLASS}
        >
          <td className={`${CELL_CLASS} break-all`}>
            {row.workload ? (
              <Link
                href={workloadHref(row.workload.namespace, row.workload.name, view)}
                className={LINK_CLASS}
              >
                {nodeName(row.node)}
              </Link>
            ) : (
              nodeName(row.node)
            )}
            {row.via && <div className="text-xs text-slate-500">via {nodeName(row.via)}</div>}
          </td>
          <td className={`${CELL_CLASS} tabular-nums whitespace-nowrap`}>
            {row.requestsPerSecond > 0
              ? perSecond(row.requestsPerSecond, ' rps')
              : bytesText(row.bytesPerSecond)}
            <div className="text-xs text-slate-500">{row.layers.join(' + ')}</div>
          </td>
          <td className={`${CELL_CLASS} tabular-nums ${toneClass(row.errorShare > 0 ? 'bad' : 'muted')}`}>
            {errorText(row.errorShare)}
          </td>
          <td className={`${CELL_CLASS} tabular-nums`}>{latencyText(row.p95Ms)}</td>
          <td className={CELL_CLASS}>
            <Tag tone={row.mtlsShare >= 1 ? 'good' : 'warn'}>{percentDown(row.mtlsShare)}</Tag>
          </td>
        </tr>
      ))}
    </Table>
  );
}
