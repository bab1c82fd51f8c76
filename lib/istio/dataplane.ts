import { annotationOf, labelOf, type KubeObject } from '@/lib/kube/object';
import { ISTIO_KEYS } from './labels';

/** How a pod's traffic is handled: captured by ztunnel, an Envoy sidecar in the pod, or outside the mesh. */
export type Dataplane = 'ambient' | 'sidecar' | 'none';

/** The data plane of a pod, and which fact decided it. */
export interface DataplaneDecision {
  dataplane: Dataplane;
  /** Why, in words, for the mesh posture page ("enrolled by its namespace", "opted out with none"…). */
  reason: string;
}

/** What a rule sees: the pod and its namespace (undefined when the Namespace object is not known). */
interface CaptureFacts {
  pod: KubeObject<{ hostNetwork?: boolean }>;
  namespace: KubeObject | undefined;
}

/** One row: when `applies`, the pod's data plane is `dataplane` because of `reason`. */
interface CaptureRule {
  applies: (facts: CaptureFacts) => boolean;
  dataplane: Dataplane;
  reason: string | ((facts: CaptureFacts) => string);
}

const redirection = ({ pod }: CaptureFacts): string | undefined => annotationOf(pod, ISTIO_KEYS.redirection);
const podMode = ({ pod }: CaptureFacts): string | undefined => labelOf(pod, ISTIO_KEYS.dataplaneMode);
const namespaceMode = ({ namespace }: CaptureFacts): string | undefined =>
  namespace ? labelOf(namespace, ISTIO_KEYS.dataplaneMode) : undefined;

/**
 * The capture rules, first match wins (docs/istio-ambient.md, "Precedence"): hostNetwork and sidecar pods are never
 * captured; istio-cni's redirection annotation is the truth when present; then the pod's label; then the
 * namespace's label unless the pod says `none`.
 */
const CAPTURE_RULES: readonly CaptureRule[] = [
  {
    applies: ({ pod }) => pod.spec?.hostNetwork === true,
    dataplane: 'none',
    reason: 'hostNetwork pods are never captured',
  },
  {
    applies: ({ pod }) => annotationOf(pod, ISTIO_KEYS.sidecarStatus) !== undefined,
    dataplane: 'sidecar',
    reason: 'sidecar injected (sidecar.istio.io/status)',
  },
  {
    applies: (facts) => redirection(facts) === 'enabled',
    dataplane: 'ambient',
    reason: 'istio-cni reports redirection enabled',
  },
  {
    applies: (facts) => redirection(facts) !== undefined,
    dataplane: 'none',
    reason: (facts) => `istio-cni reports redirection ${redirection(facts) ?? ''}`.trim(),
  },
  {
    applies: (facts) => podMode(facts) === 'none',
    dataplane: 'none',
    reason: 'opted out with istio.io/dataplane-mode=none',
  },
  {
    applies: (facts) => podMode(facts) === 'ambient',
    dataplane: 'ambient',
    reason: 'enrolled by its own istio.io/dataplane-mode=ambient label',
  },
  {
    applies: (facts) => namespaceMode(facts) === 'ambient',
    dataplane: 'ambient',
    reason: 'enrolled by its namespace (istio.io/dataplane-mode=ambient)',
  },
];

/**
 * The data plane of a pod: `ambient` when ztunnel captures it, `sidecar` when Envoy was injected, `none` otherwise.
 * Pass the pod's Namespace object so that namespace enrollment is seen.
 */
export function dataplaneOf(pod: KubeObject, namespace: KubeObject | undefined): DataplaneDecision {
  const facts: CaptureFacts = { pod: pod as CaptureFacts['pod'], namespace };
  const rule = CAPTURE_RULES.find((row) => row.applies(facts));
  if (rule === undefined) return { dataplane: 'none', reason: 'not enrolled' };
  return {
    dataplane: rule.dataplane,
    reason: typeof rule.reason === 'string' ? rule.reason : rule.reason(facts),
  };
}
