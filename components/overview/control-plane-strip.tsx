import type { ReactNode } from 'react';
import type { ControlPlaneComponent } from '@/lib/mesh/types';
import { STATE_WORDS, toneClass } from './posture-format';

const BORDER: Readonly<Record<ControlPlaneComponent['state'], string>> = {
  ok: 'border-slate-200 dark:border-slate-700',
  warn: 'border-amber-400 dark:border-amber-500',
  error: 'border-red-500 dark:border-red-500',
  unknown: 'border-slate-300 border-dashed dark:border-slate-600',
};

/** istiod, ztunnel, istio-cni and the Gateway API in one row: state in a coloured word, one sentence, nodes. */
export function ControlPlaneStrip({
  components,
}: {
  components: readonly ControlPlaneComponent[];
}): ReactNode {
  return (
    <ul
      data-testid="control-plane"
      aria-label="Control plane"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {components.map((c) => {
        const state = STATE_WORDS[c.state];
        return (
          <li
            key={c.id}
            data-testid={`control-plane-${c.id}`}
            data-state={c.state}
            className={`rounded border bg-white p-3 dark:bg-slate-900 ${BORDER[c.state]}`}
          >
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">{c.label}</h3>
              <span className={`text-sm font-semibold ${toneClass(state.tone)}`}>{state.text}</span>
            </div>
            <p className="mt-1 text-sm">{c.summary}</p>
            {c.nodes && c.nodes.length > 0 && (
              <ul aria-label={`${c.label} per node`} className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                {c.nodes.map((n) => (
                  <li
                    key={n.node}
                    data-node={n.node}
                    data-ready={n.ready}
                    title={n.pod ?? `no ${c.label} pod on this node`}
                    className={toneClass(n.ready ? 'good' : 'bad')}
                  >
                    <span aria-hidden>{n.ready ? '● ' : '○ '}</span>
                    {n.node}
                    <span className="sr-only">{n.ready ? ' ready' : ' not ready'}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
