/**
 * How the Overview writes the posture for people: rates, shares, the data-plane mode and the PeerAuthentication
 * in words, and the colour each deserves. Pure, so the rules (never round plaintext away, red only where STRICT
 * promised mTLS) are tested without a browser.
 */
import type { Health } from '@/lib/graph/types';
import type {
  ComponentState,
  NamespaceMode,
  NamespacePeerAuthentication,
  NamespacePosture,
} from '@/lib/mesh/types';
import { writeViewState, type ViewState } from '@/lib/view-state';

/** Tailwind text colours by meaning. */
const TONE = {
  good: 'text-emerald-700 dark:text-emerald-400',
  warn: 'text-amber-700 dark:text-amber-400',
  bad: 'text-red-700 dark:text-red-400',
  info: 'text-sky-700 dark:text-sky-400',
  alt: 'text-violet-700 dark:text-violet-400',
  muted: 'text-slate-500 dark:text-slate-400',
} as const;

/** A tone's text colour classes. */
export type Tone = keyof typeof TONE;

/** The classes of a tone. */
export function toneClass(tone: Tone): string {
  return TONE[tone];
}

/** Per second, with as many digits as a person reads: `0.02/s`, `3.02/s`, `39.6/s`, `1234/s`; `0/s` for none. */
export function perSecond(rate: number, unit = '/s'): string {
  if (!(rate > 0)) return `0${unit}`;
  if (rate < 0.01) return `<0.01${unit}`;
  const digits = rate < 10 ? 2 : rate < 100 ? 1 : 0;
  return `${Number(rate.toFixed(digits))}${unit}`;
}

/** A share 0..1 as a percentage with one decimal, rounded down so that 99.96% never reads as 100%. */
export function percentDown(share: number): string {
  return `${Math.floor(share * 1000) / 10}%`;
}

/** A share 0..1 as a percentage with one decimal, rounded up so that a few errors never read as 0%. */
export function percentUp(share: number): string {
  return `${Math.ceil(share * 1000) / 10}%`;
}

/** The mode in words and its tone: ambient and sidecar are in the mesh, mixed needs a look, none is plain. */
export const MODE_WORDS: Readonly<Record<NamespaceMode, { text: string; tone: Tone }>> = {
  ambient: { text: 'ambient', tone: 'info' },
  sidecar: { text: 'sidecar', tone: 'alt' },
  mixed: { text: 'mixed', tone: 'warn' },
  none: { text: 'out of mesh', tone: 'muted' },
};

/**
 * The mode a card shows: its {@link MODE_WORDS}, except that a namespace holding only the mesh's own pods (such as
 * istio-system) reads as mesh infrastructure rather than as out of the mesh.
 */
export function modeWord(posture: NamespacePosture): { text: string; tone: Tone } {
  if (posture.pods.total === 0 && posture.pods.infrastructure > 0)
    return { text: 'mesh infrastructure', tone: 'muted' };
  return MODE_WORDS[posture.mode];
}

/** Pods by data plane in words: `6 captured`, `2 sidecar, 1 not captured`, `2 pods` out of the mesh. */
export function podCountsText(p: NamespacePosture['pods']): string {
  const count = (n: number): string => `${n} ${n === 1 ? 'pod' : 'pods'}`;
  // Only the mesh's own pods (istio-system): the mode already says mesh infrastructure.
  if (p.total === 0 && p.infrastructure > 0) return count(p.infrastructure);
  const parts =
    p.captured + p.sidecar === 0
      ? p.total > 0
        ? [count(p.total)]
        : []
      : [
          p.captured > 0 && `${p.captured} captured`,
          p.sidecar > 0 && `${p.sidecar} sidecar`,
          p.uncaptured > 0 && `${p.uncaptured} not captured`,
        ].filter((part): part is string => typeof part === 'string');
  const pods = parts.length === 0 ? 'no application pods' : parts.join(', ');
  return p.infrastructure > 0 ? `${pods} (+${p.infrastructure} mesh infrastructure)` : pods;
}

/** Health in words and tone. */
export const HEALTH_WORDS: Readonly<Record<Health, { text: string; tone: Tone }>> = {
  healthy: { text: 'healthy', tone: 'good' },
  degraded: { text: 'degraded', tone: 'warn' },
  failing: { text: 'failing', tone: 'bad' },
  idle: { text: 'idle', tone: 'muted' },
  unknown: { text: 'unknown', tone: 'muted' },
};

/** A control-plane state in words and tone. */
export const STATE_WORDS: Readonly<Record<ComponentState, { text: string; tone: Tone }>> = {
  ok: { text: 'OK', tone: 'good' },
  warn: { text: 'Warning', tone: 'warn' },
  error: { text: 'Error', tone: 'bad' },
  unknown: { text: 'Unknown', tone: 'muted' },
};

/** `STRICT from istio-system/default (mesh)`, `PERMISSIVE (default)`, and workload policies when there are some. */
export function peerAuthenticationText(pa: NamespacePeerAuthentication): string {
  const from = pa.source === null ? ' (default)' : ` from ${pa.source} (${pa.level})`;
  const workloads =
    pa.workloadPolicies > 0
      ? `; ${pa.workloadPolicies} workload ${pa.workloadPolicies === 1 ? 'policy' : 'policies'}`
      : '';
  return `${pa.mode}${from}${workloads}`;
}

/**
 * The mTLS share in words and tone: `100% mTLS` in green; less is red where STRICT promised it (and the namespace
 * is in the mesh), amber elsewhere in the mesh; out of the mesh plaintext is what to expect.
 */
export function mtlsText(posture: NamespacePosture): { text: string; tone: Tone } | null {
  const share = posture.traffic?.mtlsShare ?? null;
  if (share === null) return null;
  const text = `${percentDown(share)} mTLS`;
  if (share >= 1) return { text, tone: 'good' };
  if (posture.mode === 'none') return { text, tone: 'muted' };
  return { text, tone: posture.peerAuthentication?.mode === 'STRICT' ? 'bad' : 'warn' };
}

/** Requests and errors, or connections for L4-only traffic: `39.6 rps, 0.6% 5xx`, `3.92 conn/s`. */
export function trafficText(posture: NamespacePosture): string {
  const t = posture.traffic;
  if (t === null) return 'rates unavailable';
  const parts: string[] = [];
  if (t.requestsPerSecond > 0) {
    const errors = t.errorsPerSecond > 0 ? percentUp(t.errorsPerSecond / t.requestsPerSecond) : '0%';
    parts.push(`${perSecond(t.requestsPerSecond, ' rps')}, ${errors} 5xx`);
  }
  if (t.connectionsPerSecond > 0) parts.push(perSecond(t.connectionsPerSecond, ' conn/s'));
  return parts.length === 0 ? 'no traffic in the window' : parts.join(' · ');
}

/** `/graph?ns=<name>` with the rest of the view (window, refresh) kept. */
export function graphHref(view: ViewState, namespace: string): string {
  return `/graph?${writeViewState(new URLSearchParams(), { ...view, namespaces: [namespace] }).toString()}`;
}
