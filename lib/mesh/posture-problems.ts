/**
 * What is wrong with a namespace, as a table of rules that reads like the on-call checklist (style.md: declarative
 * tables over branching). Each rule looks at the facts of one namespace and says its problem in words, or nothing.
 * Waypoint problems come from `waypoint-uses.ts`; these are the others. Pure.
 */
import type { FailureClass, HealthThresholds } from '@/lib/graph/health';
import type { NamespacePeerAuthentication, NamespaceTraffic, PodCounts } from './types';

/** What the rules see about one namespace. */
export interface ProblemFacts {
  /** The namespace's `istio.io/dataplane-mode` is `ambient`. */
  ambientLabel: boolean;
  /** The namespace has sidecar injection on (`istio-injection=enabled` or `istio.io/rev`). */
  injectionLabel: boolean;
  /** The namespace's own `istio.io/use-waypoint` names a waypoint. */
  namespaceWaypoint: string | null;
  pods: PodCounts;
  /** Pods istio-cni has seen but not captured (redirection annotation other than `enabled`), by its value. */
  pendingCapture: Readonly<Record<string, number>>;
  /** Captured pods on nodes where no ztunnel pod is ready, by node; empty when ztunnel cannot be read. */
  capturedWithoutZtunnel: Readonly<Record<string, number>>;
  peerAuthentication: NamespacePeerAuthentication | null;
  traffic: NamespaceTraffic | null;
  thresholds: HealthThresholds;
}

type Rule = (facts: ProblemFacts) => string | readonly string[] | null;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
const perSecond = (rate: number): string =>
  `${rate >= 10 ? Math.round(rate) : Math.round(rate * 100) / 100}/s`;

/** The failure share of the requests, when it reaches the class's `level` threshold; else null. */
function overThreshold(
  facts: ProblemFacts,
  failure: FailureClass,
  failed: number,
  level: 'degraded' | 'failing',
): number | null {
  const total = facts.traffic?.requestsPerSecond ?? 0;
  if (!(total > 0) || !(failed > 0)) return null;
  const share = failed / total;
  return share >= facts.thresholds[failure][level] ? share : null;
}

/** True when the namespace has pods in the mesh (captured or with a sidecar), or asks for it without pods. */
const inMesh = (f: ProblemFacts): boolean =>
  f.pods.captured + f.pods.sidecar > 0 || (f.pods.total === 0 && (f.ambientLabel || f.injectionLabel));

/** The rules, in the order their problems are listed. */
export const PROBLEM_RULES: readonly Rule[] = [
  (f) =>
    Object.entries(f.pendingCapture).map(
      ([state, n]) =>
        `${plural(n, 'pod')} not captured (istio-cni reports redirection ${state}): ` +
        'restart not needed, but check istio-cni',
    ),
  (f) =>
    Object.entries(f.capturedWithoutZtunnel).map(
      ([node, n]) =>
        `${plural(n, 'captured pod')} on ${node}, where no ztunnel is ready: their traffic fails`,
    ),
  (f) =>
    f.ambientLabel && f.injectionLabel
      ? 'both ambient and sidecar injection are on: new pods get a sidecar and are never captured'
      : null,
  (f) =>
    f.namespaceWaypoint !== null && f.pods.total > 0 && f.pods.captured === 0
      ? `asks for waypoint ${f.namespaceWaypoint}, but none of its pods is captured: the waypoint is not used`
      : null,
  (f) => {
    const pa = f.peerAuthentication;
    const share = f.traffic?.mtlsShare ?? null;
    if (pa === null || share === null || share >= 1 || !inMesh(f)) return null;
    const plaintext = `${percent(1 - share)} of inbound traffic was plaintext`;
    return pa.mode === 'STRICT'
      ? `STRICT, but ${plaintext}`
      : `${pa.mode}: plaintext accepted (${plaintext})`;
  },
  (f) =>
    f.peerAuthentication?.mode === 'DISABLE' && f.pods.sidecar > 0
      ? `DISABLE: the ${plural(f.pods.sidecar, 'sidecar')} accept and send plaintext`
      : null,
  // Any 5xx degrades (the graph's threshold), which the card's border and inbound line already say; a problem of
  // its own from the failing share on, so that a mesh with a trickle of errors everywhere is not a wall of them.
  (f) => {
    const errors = f.traffic?.errorsPerSecond ?? 0;
    const share = overThreshold(f, '5xx', errors, 'failing');
    return share === null
      ? null
      : `5xx errors in the window: ${perSecond(errors)} (${percent(share)} of requests)`;
  },
  (f) => {
    const share = overThreshold(f, '4xx', f.traffic?.clientErrorsPerSecond ?? 0, 'degraded');
    return share === null ? null : `4xx answers: ${percent(share)} of requests`;
  },
  (f) => {
    const denied = f.traffic?.deniedPerSecond ?? 0;
    return denied > 0
      ? `${perSecond(denied)} connections refused by ztunnel (DENY: policy or STRICT mTLS)`
      : null;
  },
];

/** Every problem of a namespace, in the order of {@link PROBLEM_RULES}. */
export function problemsOf(facts: ProblemFacts): string[] {
  return PROBLEM_RULES.flatMap((rule) => {
    const found = rule(facts);
    return found === null ? [] : typeof found === 'string' ? [found] : [...found];
  });
}
