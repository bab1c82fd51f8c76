'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { workloadOfNode } from '@/lib/mesh/detail-peers';
import { workloadHref } from '@/lib/mesh/detail-links';
import type { MtlsEdge, PlaintextEdge, PrincipalSeen } from '@/lib/mesh/views-types';
import { DEFAULT_VIEW, type ViewState } from '@/lib/view-state';
import { percentDown, perSecond } from '@/components/overview/posture-format';
import { bytesText, nodeName, shortPrincipal } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, Table, Tag } from './mesh-parts';

/** How many edges show before "Show all". */
const EDGES_SHOWN = 25;

const OUTCOME_TONE = { accepted: 'warn', refused: 'bad', 'partly refused': 'bad' } as const;

/** Requests, else bytes, of an edge: what a person compares. */
function rate(edge: { requestsPerSecond: number; bytesPerSecond: number | null }): string {
  return edge.requestsPerSecond > 0
    ? perSecond(edge.requestsPerSecond, ' rps')
    : bytesText(edge.bytesPerSecond);
}

/** A graph node's name, linking to its workload page when it is a workload of the cluster. */
function NodeName({ id, view }: { id: string; view: ViewState }): ReactNode {
  const workload = workloadOfNode(id);
  if (workload === null) return nodeName(id);
  return (
    <Link href={workloadHref(workload.namespace, workload.name, view)} className="hover:underline">
      {nodeName(id)}
    </Link>
  );
}

/** The edges that carried plaintext: who sent it, to whom, how much, and whether the receiver took it. */
export function PlaintextEdges({ rows }: { rows: PlaintextEdge[] }): ReactNode {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No plaintext seen in the window.</p>;
  return (
    <Table
      head={['Sender', 'Receiver', 'Plaintext', 'Rate', 'Receiver mode', 'Outcome']}
      testId="plaintext-edges"
    >
      {rows.map((p) => (
        <tr
          key={`${p.source}->${p.target}`}
          data-testid="plaintext-edge"
          data-sender={p.sender}
          data-receiver={p.receiver}
          data-outcome={p.outcome}
          className={ROW_CLASS}
        >
          <td className={`${CELL_CLASS} font-medium break-all`}>{p.sender}</td>
          <td className={`${CELL_CLASS} break-all`}>{p.receiver}</td>
          <td className={`${CELL_CLASS} tabular-nums`}>{percentDown(p.plaintextShare)}</td>
          <td className={`${CELL_CLASS} tabular-nums whitespace-nowrap`}>
            {rate(p)}
            {p.refusedPerSecond > 0 && (
              <div className="text-xs">{perSecond(p.refusedPerSecond, ' conn/s')} refused</div>
            )}
          </td>
          <td className={CELL_CLASS}>{p.destinationMode ?? 'out of the mesh'}</td>
          <td className={CELL_CLASS}>
            <Tag tone={OUTCOME_TONE[p.outcome]}>{p.outcome}</Tag>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Every caller -> callee pair with its mTLS share and identities, least mTLS first. */
export function MtlsEdges({ rows, view = DEFAULT_VIEW }: { rows: MtlsEdge[]; view?: ViewState }): ReactNode {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No traffic in the window.</p>;
  const shown = all ? rows : rows.slice(0, EDGES_SHOWN);
  return (
    <>
      <Table head={['Caller', 'Callee', 'Layers', 'Rate', 'mTLS', 'Identities']} testId="mtls-edges">
        {shown.map((e) => (
          <tr
            key={`${e.source}->${e.target}`}
            data-testid="mtls-edge"
            data-mtls={e.mtlsShare}
            className={ROW_CLASS}
          >
            <td className={`${CELL_CLASS} break-all`}>
              <NodeName id={e.source} view={view} />
            </td>
            <td className={`${CELL_CLASS} break-all`}>
              <NodeName id={e.target} view={view} />
              {e.via && <div className="text-xs text-slate-500">via {nodeName(e.via)}</div>}
            </td>
            <td className={`${CELL_CLASS} whitespace-nowrap`}>{e.layers.join(' + ')}</td>
            <td className={`${CELL_CLASS} tabular-nums whitespace-nowrap`}>{rate(e)}</td>
            <td className={CELL_CLASS}>
              <Tag tone={e.mtlsShare >= 1 ? 'good' : 'warn'}>{percentDown(e.mtlsShare)}</Tag>
            </td>
            <td className={CELL_CLASS}>
              <ul>
                {[...new Set([...e.sourcePrincipals, ...e.destinationPrincipals])].map((p) => (
                  <li key={p} title={p} className="font-mono text-xs whitespace-nowrap">
                    {shortPrincipal(p)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
      {rows.length > EDGES_SHOWN && (
        <button
          type="button"
          data-testid="mtls-edges-toggle"
          onClick={() => setAll(!all)}
          className="mt-1 rounded px-2 py-1 text-sm text-sky-700 hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800"
        >
          {all ? `Show the first ${EDGES_SHOWN}` : `Show all ${rows.length}`}
        </button>
      )}
    </>
  );
}

/** The SPIFFE identities seen, and as what. */
export function Principals({ rows }: { rows: PrincipalSeen[] }): ReactNode {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No identity seen in the window.</p>;
  return (
    <ul data-testid="mtls-principals" className="grid gap-x-4 text-sm md:grid-cols-2">
      {rows.map((p) => (
        <li key={p.principal} className="flex gap-2">
          <code className="truncate text-xs" title={p.principal}>
            {p.principal}
          </code>
          <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
            {p.as.join(' and ')} · {p.edges} {p.edges === 1 ? 'edge' : 'edges'}
          </span>
        </li>
      ))}
    </ul>
  );
}
