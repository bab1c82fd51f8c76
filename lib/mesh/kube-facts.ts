/**
 * Small readers of Kubernetes objects for the mesh posture: conditions, pod readiness, which pods are mesh
 * infrastructure, and the Istio version an image or a label names. Pure.
 */
import { ISTIO_KEYS } from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** The status condition of a type (`Ready`, `Programmed`, `istio.io/WaypointBound`), or undefined. */
export function conditionOf(obj: KubeObject, type: string): Condition | undefined {
  const conditions = (obj.status as { conditions?: unknown } | undefined)?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  return (conditions as Condition[]).find((c) => typeof c === 'object' && c !== null && c.type === type);
}

/** True when the object's condition of `type` says `True`. */
export function conditionHolds(obj: KubeObject, type: string): boolean {
  return conditionOf(obj, type)?.status === 'True';
}

/** True for a pod the kubelet reports Ready (and not being deleted). */
export function isPodReady(pod: KubeObject): boolean {
  return pod.metadata.deletionTimestamp === undefined && conditionHolds(pod, 'Ready');
}

/** The node a pod is scheduled on, or undefined. */
export function nodeOf(pod: KubeObject): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined;
}

/**
 * Pods that run the mesh rather than an application, by one label each (what Istio's charts and the waypoint
 * template write): waypoints and Istio-deployed gateways, ingress and egress gateways, istiod, ztunnel, istio-cni.
 */
const INFRASTRUCTURE_LABELS: readonly [key: string, values: readonly string[] | '*'][] = [
  [ISTIO_KEYS.gatewayName, '*'],
  [ISTIO_KEYS.gatewayManaged, '*'],
  ['istio', ['ingressgateway', 'egressgateway', 'pilot']],
  ['app', ['istiod', 'ztunnel', 'istio-cni-node']],
  ['k8s-app', ['istio-cni-node']],
];

/** True for a pod of the mesh's own machinery (see {@link INFRASTRUCTURE_LABELS}). */
export function isInfrastructurePod(pod: KubeObject): boolean {
  return INFRASTRUCTURE_LABELS.some(([key, values]) => {
    const value = labelOf(pod, key);
    return value !== undefined && (values === '*' || values.includes(value));
  });
}

/** `1.28.0`, `1.28`, `1.29.0-beta.1`; a leading `v` and suffixes such as `-distroless` are dropped. */
const VERSION = /^v?(\d+\.\d+(?:\.\d+)?(?:-(?:alpha|beta|rc)(?:\.?\d+)*)?)(?:-[a-z].*)?$/;

/** The version an image's tag names (`docker.io/istio/pilot:1.28.0-distroless` -> `1.28.0`), or undefined. */
export function imageVersion(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon <= lastSlash) return undefined;
  return VERSION.exec(withoutDigest.slice(colon + 1))?.[1];
}

/** The labels that may carry a version when the image does not (a digest, `latest`). */
const VERSION_LABELS = ['app.kubernetes.io/version', 'operator.istio.io/version'] as const;

/**
 * The Istio version a Deployment or DaemonSet runs: the first container image tag that is a version, else a
 * version label of the object, else undefined.
 */
export function workloadVersion(workload: KubeObject): string | undefined {
  const spec = workload.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined;
  for (const container of spec?.template?.spec?.containers ?? []) {
    const version = container.image ? imageVersion(container.image) : undefined;
    if (version !== undefined) return version;
  }
  for (const key of VERSION_LABELS) {
    const version = VERSION.exec(labelOf(workload, key) ?? '')?.[1];
    if (version !== undefined) return version;
  }
  return undefined;
}

/** `1.28` of `1.28.0`: versions that differ only in the patch level work together. */
export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}
