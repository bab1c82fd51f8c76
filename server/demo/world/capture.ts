/**
 * The two admission-time decisions Istio makes about a pod, as pure functions: does istio-cni capture it for
 * ztunnel (ambient), and does the sidecar injector put Envoy in it.
 */
import { KEYS } from './labels';

/** What the capture and injection rules read from a pod and its namespace. */
export interface PodFacts {
  /** The pod's labels. */
  labels?: Readonly<Record<string, string>>;
  /** The pod's annotations. */
  annotations?: Readonly<Record<string, string>>;
  /** `spec.hostNetwork` of the pod. */
  hostNetwork?: boolean;
}

/**
 * True when istio-cni captures the pod's traffic for ztunnel: the pod says `istio.io/dataplane-mode=ambient`, or its
 * namespace does and the pod does not say `none`. Sidecar pods (`sidecar.istio.io/status` annotation) and
 * hostNetwork pods are never captured.
 */
export function isPodCaptured(
  pod: PodFacts,
  namespaceLabels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (pod.hostNetwork === true) return false;
  if (pod.annotations?.[KEYS.sidecarStatus] !== undefined) return false;
  const podMode = pod.labels?.[KEYS.dataplaneMode];
  if (podMode === 'ambient') return true;
  if (podMode === 'none') return false;
  return namespaceLabels?.[KEYS.dataplaneMode] === 'ambient';
}

/**
 * True when the sidecar injector (the default revision's webhook) injects a new pod: a namespace
 * `istio-injection=disabled` or a pod `sidecar.istio.io/inject=false` says no; `istio-injection=enabled` or an
 * `istio.io/rev` label on the namespace, or `sidecar.istio.io/inject=true` on the pod says yes.
 */
export function isPodInjected(
  podLabels: Readonly<Record<string, string>> | undefined,
  namespaceLabels: Readonly<Record<string, string>> | undefined,
): boolean {
  const namespaceSays = namespaceLabels?.[KEYS.injection];
  const podSays = podLabels?.[KEYS.sidecarInject];
  if (namespaceSays === 'disabled' || podSays === 'false') return false;
  if (namespaceSays === 'enabled' || namespaceLabels?.[KEYS.rev] !== undefined) return true;
  return podSays === 'true';
}
