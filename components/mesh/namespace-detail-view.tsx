'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api/fetch-json';
import { graphOfHref, workloadHref } from '@/lib/mesh/detail-links';
import type { NamespaceDetail, NamespaceWorkloadRow } from '@/lib/mesh/detail-types';
import { namespaceDetailQuery } from '@/lib/queries/mesh';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { ViewState } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import {
  HEALTH_WORDS,
  modeWord,
  mtlsText,
  peerAuthenticationText,
  perSecond,
  podCountsText,
  toneClass,
  trafficText,
} from '@/components/overview/posture-format';
import { EmptyState } from '@/components/ui/empty-state';
import { NamespaceActions } from './actions/namespace-actions';
import { TrafficSection } from './detail-chart';
import { errorText, latencyText } from './detail-format';
import { DetailHeader, Facts, LINK_CLASS, PolicyTable } from './detail-parts';
import { STATUS_TONE } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, SectionHeading, SourceErrors, Table, Tag } from './mesh-parts';

function WorkloadRow({
  row,
  namespace,
  view,
}: {
  row: NamespaceWorkloadRow;
  namespace: string;
  view: ViewState;
}): ReactNode {
  const health = HEALTH_WORDS[row.health];
  return (
    <tr
      data-testid="detail-workload-row"
      data-workload={row.name}
      data-dataplane={row.dataplane}
      className={ROW_CLASS}
    >
      <td className={`${CELL_CLASS} font-medium break-all`}>
        <Link href={workloadHref(namespace, row.name, view)} className={LINK_CLASS}>
          {row.name}
        </Link>
      </td>
      <td className={CELL_CLASS}>{row.dataplane}</td>
      <td className={`${CELL_CLASS} tabular-nums`}>
        {row.pods.ready}/{row.pods.total}
      </td>
      <td className={CELL_CLASS}>
        <span className={toneClass(STATUS_TONE[row.waypoint.status])}>
          {row.waypoint.waypoint
            ? `${row.waypoint.waypoint.namespace}/${row.waypoint.waypoint.name}`
            : 'none'}
        </span>
        <div className="text-xs text-slate-500 dark:text-slate-400">{row.waypoint.reason}</div>
      </td>
      <td className={CELL_CLASS}>
        {row.peerAuthentication === null ? (
          'unknown'
        ) : (
          <span title={row.peerAuthentication.text}>{row.peerAuthentication.mode}</span>
        )}
      </td>
      <td className={`${CELL_CLASS} tabular-nums whitespace-nowrap`}>
        {row.inbound === null ? '—' : perSecond(row.inbound.requestsPerSecond, ' rps')}
      </td>
      <td className={`${CELL_CLASS} tabular-nums`}>
        {row.inbound === null ? '—' : errorText(row.inbound.errorShare)}
      </td>
      <td className={`${CELL_CLASS} tabular-nums`}>{latencyText(row.inbound?.p95Ms ?? null)}</td>
      <td className={CELL_CLASS}>
        <Tag tone={health.tone}>{health.text}</Tag>
      </td>
    </tr>
  );
}

/** Presentational: the namespace's header, facts, charts, workloads and policies. */
export function NamespaceDetailContent(props: {
  data: NamespaceDetail;
  errors: readonly SourceErrorDTO[];
  view: ViewState;
  /** Show the posture actions (they read the write capabilities, so only under a QueryClient). */
  actions?: boolean;
}): ReactNode {
  const { data, view } = props;
  const { posture } = data;
  const mtls = mtlsText(posture);
  const facts: [string, ReactNode][] = [
    ['Enrollment', posture.enrollment ?? 'no mesh labels'],
    ['Pods', podCountsText(posture.pods)],
    [
      'Waypoints',
      posture.waypoints.length === 0
        ? 'none'
        : posture.waypoints
            .map((w) => `${w.namespace}/${w.name}${w.programmed ? '' : ' (not Programmed)'}`)
            .join(', '),
    ],
    [
      'mTLS mode',
      posture.peerAuthentication ? peerAuthenticationText(posture.peerAuthentication) : 'unknown',
    ],
    [
      'Inbound',
      <>
        {trafficText(posture)}
        {mtls && <span className={`font-semibold ${toneClass(mtls.tone)}`}> · {mtls.text}</span>}
      </>,
    ],
    ['Window', `last ${view.window}, ${data.meta.queries} queries`],
  ];
  return (
    <div data-testid="namespace-detail" data-namespace={data.namespace}>
      <DetailHeader kind="Namespace" name={data.namespace} mode={modeWord(posture)} health={posture.health}>
        <Link href={graphOfHref(view, data.namespace)} className={LINK_CLASS} data-testid="detail-graph-link">
          Graph
        </Link>
      </DetailHeader>
      <SourceErrors errors={[...props.errors]} testId="detail-errors" />
      <Facts rows={facts} />
      {props.actions && <NamespaceActions data={data} />}
      {posture.problems.length > 0 && (
        <ul data-testid="namespace-problems" className={`mt-2 list-disc pl-5 text-sm ${toneClass('bad')}`}>
          {posture.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <TrafficSection traffic={data.traffic} meta={data.meta} windowLabel={view.window} />
      <SectionHeading note="application workloads; rates inbound">Workloads</SectionHeading>
      {data.workloads.length === 0 ? (
        <p className="text-sm text-slate-500">No application workloads.</p>
      ) : (
        <Table
          head={['Workload', 'Data plane', 'Ready', 'Waypoint', 'mTLS', 'Rate', 'Errors', 'p95', 'Health']}
        >
          {data.workloads.map((row) => (
            <WorkloadRow key={row.name} row={row} namespace={data.namespace} view={view} />
          ))}
        </Table>
      )}
      <SectionHeading note="in the namespace, and mesh-wide ones that reach it">Policies</SectionHeading>
      <PolicyTable rows={data.policies} />
    </div>
  );
}

/** The namespace page's client part: reads `GET /api/mesh/namespaces/<ns>` at the view's window and refresh. */
export function NamespaceDetailView({ namespace }: { namespace: string }): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, error, isPending } = useQuery(namespaceDetailQuery(namespace, view.window, refreshMs));
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  if (isPending) return <p className="text-sm text-slate-500">Reading {namespace}…</p>;
  // A refresh that fails keeps the last answer on screen, unless the namespace is gone.
  if (data === undefined || notFound) {
    return (
      <EmptyState
        testId={notFound ? 'namespace-not-found' : 'namespace-error'}
        title={notFound ? `There is no namespace ${namespace}` : `${namespace} could not be read`}
      >
        {error?.message}{' '}
        <Link href="/" className={LINK_CLASS}>
          Go to the overview
        </Link>
      </EmptyState>
    );
  }
  return <NamespaceDetailContent data={data.data} errors={data.errors} view={view} actions />;
}
