import Link from 'next/link';
import type { ReactNode } from 'react';
import { namespaceHref, workloadHref } from '@/lib/mesh/detail-links';
import type { EffectiveWaypointRow, NamespaceWaypoints } from '@/lib/mesh/views-types';
import { DEFAULT_VIEW, type ViewState } from '@/lib/view-state';
import { toneClass } from '@/components/overview/posture-format';
import { STATUS_TONE } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, Table } from './mesh-parts';

const KIND_WORDS: Readonly<Record<EffectiveWaypointRow['kind'], string>> = {
  service: 'Service',
  serviceentry: 'ServiceEntry',
  workload: 'workload',
};

function Row({ row, view }: { row: EffectiveWaypointRow; view: ViewState }): ReactNode {
  const subject = row.kind === 'workload' ? { 'data-workload': row.name } : { 'data-service': row.name };
  const bound = row.bound;
  return (
    <tr
      data-testid="effective-waypoint-row"
      data-namespace={row.namespace}
      data-status={row.status}
      {...subject}
      className={ROW_CLASS}
    >
      <td className={`${CELL_CLASS} text-slate-500 dark:text-slate-400`}>{KIND_WORDS[row.kind]}</td>
      <td className={`${CELL_CLASS} font-medium break-all`}>
        {row.kind === 'workload' ? (
          <Link href={workloadHref(row.namespace, row.name, view)} className="hover:underline">
            {row.name}
          </Link>
        ) : (
          row.name
        )}
        {row.services !== undefined && row.services.length > 0 && (
          <div className="text-xs font-normal text-slate-500 dark:text-slate-400">
            behind {row.services.join(', ')}
          </div>
        )}
      </td>
      <td className={`${CELL_CLASS} whitespace-nowrap ${toneClass(STATUS_TONE[row.status])}`}>
        {row.waypoint ? `${row.waypoint.namespace}/${row.waypoint.name}` : 'none'}
      </td>
      <td data-testid="effective-waypoint-reason" className={CELL_CLASS}>
        {row.reason}
        {bound && (
          <div className={`text-xs ${toneClass(bound.status === 'True' ? 'muted' : 'bad')}`}>
            WaypointBound {bound.status}
            {bound.reason && ` (${bound.reason})`}
            {bound.message && `: ${bound.message}`}
          </div>
        )}
      </td>
    </tr>
  );
}

/**
 * The effective waypoint of every Service, ServiceEntry and workload of one namespace, with the reason; the
 * namespace and workloads link to their pages, keeping `view`.
 */
export function EffectiveWaypoints({
  rows,
  view = DEFAULT_VIEW,
}: {
  rows: NamespaceWaypoints;
  view?: ViewState;
}): ReactNode {
  const all = [...rows.services, ...rows.workloads];
  return (
    <section data-testid="effective-waypoints" data-namespace={rows.namespace} className="mt-3">
      <h3 className="mb-1 text-sm font-semibold">
        <Link href={namespaceHref(rows.namespace, view)} className="hover:underline">
          {rows.namespace}
        </Link>{' '}
        <span className="font-normal text-slate-500 dark:text-slate-400">
          {rows.label === null ? 'no namespace label' : `istio.io/use-waypoint=${rows.label}`}
        </span>
      </h3>
      {all.length === 0 ? (
        <p className="text-sm text-slate-500">No Services or workloads.</p>
      ) : (
        <Table head={['Kind', 'Name', 'Waypoint', 'Why']}>
          {all.map((row) => (
            <Row key={`${row.kind}:${row.name}`} row={row} view={view} />
          ))}
        </Table>
      )}
    </section>
  );
}
