'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api/fetch-json';
import { graphOfHref, namespaceHref } from '@/lib/mesh/detail-links';
import type { PodRow, WorkloadDetail } from '@/lib/mesh/detail-types';
import { workloadDetailQuery } from '@/lib/queries/mesh';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { ViewState } from '@/lib/view-state';
import { useViewState } from '@/components/layout/use-view-state';
import { MODE_WORDS, toneClass } from '@/components/overview/posture-format';
import { EmptyState } from '@/components/ui/empty-state';
import { ActionButton } from './actions/action-button';
import { TrafficSection } from './detail-chart';
import { DetailHeader, Facts, LINK_CLASS, PeerTable, PolicyTable } from './detail-parts';
import { modeTone, STATUS_TONE } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, SectionHeading, SourceErrors, Table, Tag } from './mesh-parts';

const ROLE_WORDS: Readonly<Record<WorkloadDetail['role'], string>> = {
  workload: 'Workload',
  waypoint: 'Waypoint',
  gateway: 'Gateway',
};

function PodTable({ pods }: { pods: readonly PodRow[] }): ReactNode {
  return (
    <Table head={['Pod', 'Node', 'Ready', 'Data plane', 'IP']}>
      {pods.map((pod) => (
        <tr key={pod.name} data-testid="detail-pod" data-dataplane={pod.dataplane} className={ROW_CLASS}>
          <td className={`${CELL_CLASS} font-mono text-xs break-all`}>{pod.name}</td>
          <td className={CELL_CLASS}>{pod.node ?? 'not scheduled'}</td>
          <td className={CELL_CLASS}>
            <Tag tone={pod.ready ? 'good' : 'bad'}>{pod.ready ? 'Ready' : (pod.phase ?? 'not ready')}</Tag>
          </td>
          <td className={CELL_CLASS}>
            {pod.dataplane}
            <div className="text-xs text-slate-500 dark:text-slate-400">{pod.dataplaneReason}</div>
          </td>
          <td className={`${CELL_CLASS} font-mono text-xs`}>{pod.ip ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The facts grid of a workload: namespace, identity, Services, waypoint, PeerAuthentication. */
function workloadFacts(data: WorkloadDetail, view: ViewState): [string, ReactNode][] {
  const pa = data.peerAuthentication;
  const ports = pa?.ports.map((p) => `${p.port}: ${p.mode}`).join(', ');
  return [
    [
      'Namespace',
      <Link key="ns" href={namespaceHref(data.namespace, view)} className={LINK_CLASS}>
        {data.namespace}
      </Link>,
    ],
    ['Pods', `${data.pods.filter((p) => p.ready).length}/${data.pods.length} ready`],
    ['Service account', data.serviceAccounts.join(', ') || '—'],
    [
      'Identity',
      <code key="id" className="text-xs break-all">
        {data.identities.join(', ') || '—'}
      </code>,
    ],
    ['Services', data.services.join(', ') || 'none select it'],
    [
      'Waypoint',
      <span key="wp">
        <span className={toneClass(STATUS_TONE[data.waypoint.status])}>
          {data.waypoint.waypoint
            ? `${data.waypoint.waypoint.namespace}/${data.waypoint.waypoint.name}`
            : 'none'}
        </span>
        <span className="text-slate-500 dark:text-slate-400"> · {data.waypoint.reason}</span>
      </span>,
    ],
    [
      'mTLS mode',
      pa === null ? (
        'unknown'
      ) : (
        <span key="pa">
          <Tag tone={modeTone(pa.mode, data.dataplane)}>{pa.mode}</Tag> {pa.text}
          {ports ? ` · ports ${ports}` : ''}
        </span>
      ),
    ],
    ['Window', `last ${view.window}, ${data.meta.queries} queries`],
  ];
}

/** Presentational: the workload's header, facts, charts, pods, policies, callers and callees. */
export function WorkloadDetailContent(props: {
  data: WorkloadDetail;
  errors: readonly SourceErrorDTO[];
  view: ViewState;
  /** Show the posture actions (they read the write capabilities, so only under a QueryClient). */
  actions?: boolean;
}): ReactNode {
  const { data, view } = props;
  return (
    <div data-testid="workload-detail" data-namespace={data.namespace} data-name={data.name}>
      <DetailHeader
        kind={ROLE_WORDS[data.role]}
        name={`${data.namespace}/${data.name}`}
        mode={MODE_WORDS[data.dataplane]}
        health={data.health}
      >
        <Link href={namespaceHref(data.namespace, view)} className={LINK_CLASS}>
          Namespace
        </Link>
        <Link
          href={graphOfHref(view, data.namespace, data.name)}
          className={LINK_CLASS}
          data-testid="detail-graph-link"
        >
          Graph
        </Link>
      </DetailHeader>
      <SourceErrors errors={[...props.errors]} testId="detail-errors" />
      <Facts rows={workloadFacts(data, view)} />
      {props.actions && data.role === 'workload' && data.pods.some((p) => p.dataplane === 'ambient') && (
        <div className="mt-3 flex gap-2">
          <ActionButton
            kind="Deployment"
            subject={`${data.namespace}/${data.name}`}
            request={{ action: 'opt-out', namespace: data.namespace, workload: data.name }}
            policies={data.policies}
          >
            Opt out of ambient…
          </ActionButton>
        </div>
      )}
      <TrafficSection traffic={data.traffic} meta={data.meta} windowLabel={view.window} />
      <div className="grid gap-x-4 xl:grid-cols-2">
        <section>
          <SectionHeading note="who calls it">Callers</SectionHeading>
          <PeerTable rows={data.callers} direction="caller" known={data.trafficKnown} view={view} />
        </section>
        <section>
          <SectionHeading note="whom it calls">Callees</SectionHeading>
          <PeerTable rows={data.callees} direction="callee" known={data.trafficKnown} view={view} />
        </section>
      </div>
      <SectionHeading note="authorization where it is enforced, PeerAuthentication, routing for its Services">
        Policies
      </SectionHeading>
      <PolicyTable rows={data.policies} />
      <SectionHeading>Pods</SectionHeading>
      <PodTable pods={data.pods} />
    </div>
  );
}

/** The workload page's client part: reads `GET /api/mesh/workloads/<ns>/<name>` at the view's window and refresh. */
export function WorkloadDetailView({ namespace, name }: { namespace: string; name: string }): ReactNode {
  const { view, refreshMs } = useViewState();
  const { data, error, isPending } = useQuery(workloadDetailQuery(namespace, name, view.window, refreshMs));
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  if (isPending) return <p className="text-sm text-slate-500">Reading {`${namespace}/${name}`}…</p>;
  // A refresh that fails keeps the last answer on screen, unless the workload is gone.
  if (data === undefined || notFound) {
    return (
      <EmptyState
        testId={notFound ? 'workload-not-found' : 'workload-error'}
        title={
          notFound ? `There is no workload ${namespace}/${name}` : `${namespace}/${name} could not be read`
        }
      >
        {error?.message}{' '}
        <Link href={namespaceHref(namespace, view)} className={LINK_CLASS}>
          Go to namespace {namespace}
        </Link>
      </EmptyState>
    );
  }
  return <WorkloadDetailContent data={data.data} errors={data.errors} view={view} actions />;
}
