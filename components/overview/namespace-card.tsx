import Link from 'next/link';
import type { ReactNode } from 'react';
import type { NamespacePosture, WaypointUse } from '@/lib/mesh/types';
import {
  HEALTH_WORDS,
  modeWord,
  mtlsText,
  peerAuthenticationText,
  podCountsText,
  toneClass,
  trafficText,
} from './posture-format';

const BORDER: Readonly<Record<NamespacePosture['health'], string>> = {
  failing: 'border-red-500',
  degraded: 'border-amber-400 dark:border-amber-500',
  healthy: 'border-slate-200 dark:border-slate-700',
  idle: 'border-slate-200 dark:border-slate-700',
  unknown: 'border-slate-200 dark:border-slate-700',
};

function WaypointItem({ use }: { use: WaypointUse }): ReactNode {
  const state = !use.exists ? 'missing' : !use.programmed ? 'not Programmed' : 'Programmed';
  const tone = use.exists && use.programmed ? 'good' : 'bad';
  return (
    <li>
      <span className="font-medium">
        {use.namespace}/{use.name}
      </span>{' '}
      <span className={toneClass(tone)}>{state}</span>
      <span className="text-slate-500 dark:text-slate-400"> · for {use.usedBy.join(', ')}</span>
    </li>
  );
}

/**
 * One namespace at a glance: mode, pods, waypoints, PeerAuthentication, mTLS, rates, health and problems. Its name
 * opens the namespace's page (`detailHref`), `graph` its graph.
 */
export function NamespaceCard({
  posture,
  graphHref,
  detailHref,
}: {
  posture: NamespacePosture;
  graphHref: string;
  /** The namespace's page; the name links to the graph when absent. */
  detailHref?: string;
}): ReactNode {
  const mode = modeWord(posture);
  const health = HEALTH_WORDS[posture.health];
  const mtls = mtlsText(posture);
  const inMesh = posture.mode !== 'none';
  return (
    <article
      data-testid="namespace-card"
      data-namespace={posture.name}
      data-mode={posture.mode}
      data-health={posture.health}
      className={`rounded border bg-white p-3 text-sm dark:bg-slate-900 ${BORDER[posture.health]}`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="truncate text-base font-semibold">
          <Link
            href={detailHref ?? graphHref}
            className="hover:underline"
            title={detailHref ? `Namespace ${posture.name}` : `Graph of ${posture.name}`}
          >
            {posture.name}
          </Link>
        </h3>
        <span className="flex items-baseline gap-2">
          {detailHref && (
            <Link
              href={graphHref}
              className="text-xs text-sky-700 hover:underline dark:text-sky-400"
              title={`Graph of ${posture.name}`}
            >
              graph
            </Link>
          )}
          <span className={`font-semibold ${toneClass(health.tone)}`}>{health.text}</span>
        </span>
      </header>
      <p className="mt-1">
        <span data-testid="namespace-mode" className={`text-lg font-semibold ${toneClass(mode.tone)}`}>
          {mode.text}
        </span>{' '}
        <span className="text-slate-600 dark:text-slate-300">{podCountsText(posture.pods)}</span>
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500 dark:text-slate-400">Waypoints</dt>
        <dd>
          {posture.waypoints.length === 0 ? (
            <span className="text-slate-500 dark:text-slate-400">none</span>
          ) : (
            <ul>
              {posture.waypoints.map((w) => (
                <WaypointItem key={`${w.namespace}/${w.name}`} use={w} />
              ))}
            </ul>
          )}
        </dd>
        {inMesh && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">mTLS mode</dt>
            <dd>
              {posture.peerAuthentication ? peerAuthenticationText(posture.peerAuthentication) : 'unknown'}
            </dd>
          </>
        )}
        <dt className="text-slate-500 dark:text-slate-400">Inbound</dt>
        <dd className="tabular-nums">
          {trafficText(posture)}
          {mtls && <span className={`font-semibold ${toneClass(mtls.tone)}`}> · {mtls.text}</span>}
        </dd>
      </dl>
      {posture.problems.length > 0 && (
        <ul data-testid="namespace-problems" className={`mt-2 list-disc pl-5 ${toneClass('bad')}`}>
          {posture.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
