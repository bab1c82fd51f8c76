import type { ReactNode } from 'react';
import type { WaypointBinding, WaypointCard as Card } from '@/lib/mesh/views-types';
import { percentUp, perSecond, toneClass } from '@/components/overview/posture-format';
import { bytesText, nodeName, programmedText, replicasText } from './mesh-format';
import { Tag } from './mesh-parts';

const KIND_WORDS: Readonly<Record<WaypointBinding['kind'], string>> = {
  namespace: 'namespace',
  service: 'service',
  serviceentry: 'service entry',
  workload: 'workload',
};

/** Where the traffic type was set, in words. */
const FROM_WORDS: Readonly<Record<Card['waypointForFrom'], string>> = {
  gateway: 'istio.io/waypoint-for on the Gateway',
  gatewayclass: 'istio.io/waypoint-for on its GatewayClass',
  default: 'default',
};

function Binding({ binding }: { binding: WaypointBinding }): ReactNode {
  const pods = binding.pods === undefined ? '' : ` (${binding.pods} ${binding.pods === 1 ? 'pod' : 'pods'})`;
  const name = binding.kind === 'namespace' ? binding.name : `${binding.namespace}/${binding.name}`;
  return (
    <li
      data-testid="waypoint-binding"
      data-kind={binding.kind}
      data-effective={binding.effective}
      className="break-words"
    >
      <span className="text-slate-500 dark:text-slate-400">{KIND_WORDS[binding.kind]}</span>{' '}
      <span className="font-medium">{name}</span>
      {pods} <code className="text-xs text-slate-500 dark:text-slate-400">{binding.label}</code>
      <div className={`text-xs ${toneClass(binding.effective ? 'muted' : 'warn')}`}>{binding.reason}</div>
    </li>
  );
}

function Traffic({ card }: { card: Card }): ReactNode {
  const t = card.traffic;
  if (t === null) return <span className="text-slate-500">rates unavailable</span>;
  if (t.calls === 0) return <span className="text-slate-500">no traffic in the window</span>;
  const errors = t.errorShare > 0 ? percentUp(t.errorShare) : '0%';
  return (
    <>
      <span className="tabular-nums">
        {perSecond(t.requestsPerSecond, ' rps')}, {errors} errors, {bytesText(t.bytesPerSecond)} · {t.calls}{' '}
        {t.calls === 1 ? 'call' : 'calls'}
      </span>
      <ul className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        {t.topCalls.map((c) => (
          <li key={`${c.source}->${c.target}|${c.protocol}`} className="break-all">
            {nodeName(c.source)} → {nodeName(c.target)}{' '}
            <span className="whitespace-nowrap text-slate-500 tabular-nums">
              {c.requestsPerSecond > 0 ? perSecond(c.requestsPerSecond, ' rps') : bytesText(c.bytesPerSecond)}
              {c.errorRate > 0 && `, ${percentUp(c.errorRate)} errors`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One waypoint Gateway: traffic type, Programmed, replicas, revision, bindings, what it serves and carries. */
export function WaypointCard({
  card,
  footer,
}: {
  card: Card;
  /** Controls under the card (the unbind actions); none when absent. */
  footer?: ReactNode;
}): ReactNode {
  const programmed = programmedText(card);
  const replicas = replicasText(card);
  const bad = card.problems.length > 0;
  return (
    <article
      data-testid="waypoint-card"
      data-name={card.name}
      data-namespace={card.namespace}
      data-programmed={card.programmed?.status ?? 'Unknown'}
      className={`rounded border bg-white p-3 text-sm dark:bg-slate-900 ${
        bad ? 'border-amber-400 dark:border-amber-500' : 'border-slate-200 dark:border-slate-700'
      }`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold break-all">
          {card.namespace}/{card.name}
        </h3>
        <span className="flex gap-2">
          <Tag tone={programmed.tone} title={card.programmed?.message ?? undefined}>
            {programmed.text}
          </Tag>
          <Tag tone={replicas.tone}>{replicas.text}</Tag>
        </span>
      </header>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500 dark:text-slate-400">Traffic type</dt>
        <dd>
          {card.waypointFor}{' '}
          <span className="text-slate-500 dark:text-slate-400">({FROM_WORDS[card.waypointForFrom]})</span>
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Revision</dt>
        <dd>{card.revision}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Serves</dt>
        <dd data-testid="waypoint-serves">
          {card.serves.services} {card.serves.services === 1 ? 'service' : 'services'},{' '}
          {card.serves.workloads} {card.serves.workloads === 1 ? 'workload' : 'workloads'}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Bound by</dt>
        <dd>
          {card.bindings.length === 0 ? (
            <span className="text-slate-500 dark:text-slate-400">no label names it</span>
          ) : (
            <ul className="space-y-1">
              {card.bindings.map((b) => (
                <Binding key={`${b.kind}:${b.namespace}/${b.name}`} binding={b} />
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Traffic</dt>
        <dd data-testid="waypoint-traffic">
          <Traffic card={card} />
        </dd>
      </dl>
      {bad && (
        <ul data-testid="waypoint-problems" className={`mt-2 list-disc pl-5 ${toneClass('bad')}`}>
          {card.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {footer}
    </article>
  );
}
