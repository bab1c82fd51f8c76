import type { ReactNode } from 'react';
import type { EdgeImpact } from '@/lib/impact/authorization-impact';
import type { HostImpact } from '@/lib/impact/virtual-service-impact';
import type { ImpactOutcome } from '@/lib/queries/write';
import { perSecond } from '@/components/overview/posture-format';
import { nodeName, routeWords, sharePercent, splitRows } from './panel-format';

const EFFECT = {
  deny: { title: 'Would be denied', tone: 'text-red-700 dark:text-red-400' },
  allow: { title: 'Would be allowed', tone: 'text-emerald-700 dark:text-emerald-400' },
  undecided: { title: 'Metrics cannot decide', tone: 'text-amber-700 dark:text-amber-400' },
} as const;

function EdgeList(props: { effect: keyof typeof EFFECT; edges: readonly EdgeImpact[] }): ReactNode {
  if (props.edges.length === 0) return null;
  const { title, tone } = EFFECT[props.effect];
  return (
    <div>
      <p className={`text-sm font-medium ${tone}`}>
        {title} ({props.edges.length})
      </p>
      <ul className="mt-1 space-y-1 text-sm">
        {props.edges.map((e) => (
          <li
            key={e.edgeId}
            data-testid="impact-edge"
            data-effect={props.effect}
            data-source={e.source}
            data-target={e.target}
          >
            <span className="font-medium">{nodeName(e.source)}</span> →{' '}
            <span className="font-medium">{nodeName(e.target)}</span>{' '}
            <span className="text-xs text-slate-500 tabular-nums">
              {e.protocol} · {e.protocol === 'tcp' ? 'connections' : perSecond(e.requestsPerSecond, ' rps')}
            </span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {e.undecided ?? e.reason}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HostView({ host }: { host: HostImpact }): ReactNode {
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">
        {host.service.namespace}/{host.service.name}
      </p>
      <ol className="list-decimal space-y-0.5 pl-5 text-sm">
        {host.routes.map((r, i) => (
          <li key={i} data-testid="impact-route">
            {routeWords(r)}
          </li>
        ))}
      </ol>
      <table data-testid="impact-split" className="text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="pr-4 text-left font-medium">workload</th>
            <th className="pr-4 text-right font-medium">now</th>
            <th className="text-right font-medium">expected</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {splitRows(host).map((row) => (
            <tr key={row.workload} data-workload={row.workload}>
              <td className="pr-4">{nodeName(row.workload)}</td>
              <td className="pr-4 text-right">{sharePercent(row.current)}</td>
              <td className="text-right">{sharePercent(row.expected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Callers affected:{' '}
        {host.callers.length === 0
          ? 'none seen in the window'
          : host.callers
              .map((c) => `${nodeName(c.source)} (${perSecond(c.requestsPerSecond, ' rps')})`)
              .join(', ')}
      </p>
      {host.notes.map((note) => (
        <p key={note} className="text-xs text-amber-700 dark:text-amber-400">
          ⚠ {note}
        </p>
      ))}
    </div>
  );
}

/** What the proposed object would do to the traffic of the window, or why that is not known. */
export function ImpactView({ impact }: { impact: ImpactOutcome }): ReactNode {
  if (!impact.ok)
    return <p className="text-sm text-amber-700 dark:text-amber-400">Impact not known: {impact.message}</p>;
  const { data, errors } = impact.answer;
  const why = errors.map((e) => e.message).join('; ');
  if (data === null) {
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400">
        Impact not known: no traffic figures{why ? ` (${why})` : ''}.
      </p>
    );
  }
  const window = `${Math.round(data.windowSeconds / 60)} min`;
  return (
    <div data-testid="editor-impact" className="space-y-3">
      <p className="text-xs text-slate-500">
        Judged against the {data.edges} edges seen in the last {window}.
      </p>
      {data.kind === 'AuthorizationPolicy' ? (
        <>
          <EdgeList effect="deny" edges={data.authorization.denied} />
          <EdgeList effect="allow" edges={data.authorization.allowed} />
          <EdgeList effect="undecided" edges={data.authorization.undecided} />
          <p className="text-xs text-slate-500">{data.authorization.unchanged} edges keep their fate.</p>
        </>
      ) : data.routing.length === 0 ? (
        <p className="text-sm text-slate-500">None of its hosts names a Service of the cluster.</p>
      ) : (
        data.routing.map((host) => (
          <HostView key={`${host.service.namespace}/${host.service.name}`} host={host} />
        ))
      )}
      {why !== '' && <p className="text-xs text-amber-700 dark:text-amber-400">⚠ {why}</p>}
    </div>
  );
}
