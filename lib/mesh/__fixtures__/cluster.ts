/**
 * Builders of the Kubernetes objects the posture tests feed in, shaped as the API server returns them (and as the
 * demo world writes them): labels, the redirection and sidecar annotations, Ready conditions, DaemonSet status.
 */
import type { KubeObject } from '@/lib/kube/object';

type Labels = Record<string, string>;

export const AMBIENT: Labels = { 'istio.io/dataplane-mode': 'ambient' };
export const INJECTION: Labels = { 'istio-injection': 'enabled' };
export const CAPTURED = { 'ambient.istio.io/redirection': 'enabled' };
export const SIDECAR = { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' };

/** A Namespace. */
export function ns(name: string, labels: Labels = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A running pod; `ready: false` gives it a Ready condition of False. */
export function pod(
  namespace: string,
  name: string,
  options: {
    labels?: Labels;
    annotations?: Record<string, string>;
    node?: string;
    ready?: boolean;
    owner?: { kind: string; name: string };
    hostNetwork?: boolean;
  } = {},
): KubeObject {
  const { labels = {}, annotations = {}, node = 'node-1', ready = true, owner, hostNetwork } = options;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels,
      annotations,
      ...(owner && { ownerReferences: [{ apiVersion: 'apps/v1', uid: '', controller: true, ...owner }] }),
    },
    spec: { nodeName: node, ...(hostNetwork && { hostNetwork: true }) },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

/** A Service, with `status.conditions` when given. */
export function service(
  namespace: string,
  name: string,
  labels: Labels = {},
  conditions?: Record<string, string>[],
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: { selector: { app: name } },
    ...(conditions && { status: { conditions } }),
  };
}

/** A waypoint Gateway (class `istio-waypoint`), Programmed unless told otherwise. */
export function waypoint(
  namespace: string,
  name = 'waypoint',
  options: { programmed?: boolean; waypointFor?: string; className?: string } = {},
): KubeObject {
  const { programmed = true, waypointFor, className = 'istio-waypoint' } = options;
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace, labels: waypointFor ? { 'istio.io/waypoint-for': waypointFor } : {} },
    spec: { gatewayClassName: className, listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
    status: { conditions: [{ type: 'Programmed', status: programmed ? 'True' : 'False' }] },
  };
}

/**
 * A GatewayClass, by default Istio's waypoint class as a real install has it (`istio-waypoint`, controller
 * `istio.io/mesh-controller`); `waypointFor` labels it with `istio.io/waypoint-for`.
 */
export function gatewayClass(
  name = 'istio-waypoint',
  options: { controllerName?: string; waypointFor?: string } = {},
): KubeObject {
  const { controllerName = 'istio.io/mesh-controller', waypointFor } = options;
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name, labels: waypointFor ? { 'istio.io/waypoint-for': waypointFor } : {} },
    spec: { controllerName },
  };
}

/** A PeerAuthentication; `selector` makes it workload-level. */
export function peerAuthentication(
  namespace: string,
  name: string,
  mode: string,
  selector?: Labels,
  creationTimestamp = '2026-01-01T00:00:00Z',
): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name, namespace, creationTimestamp },
    spec: { mtls: { mode }, ...(selector && { selector: { matchLabels: selector } }) },
  };
}

/** A Deployment with its pod template's labels and image, and replicas ready. */
export function deployment(
  namespace: string,
  name: string,
  options: { image: string; templateLabels: Labels; replicas?: number; ready?: number; labels?: Labels },
): KubeObject {
  const { replicas = 1, ready = replicas } = options;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: options.labels ?? options.templateLabels },
    spec: {
      replicas,
      template: {
        metadata: { labels: options.templateLabels },
        spec: { containers: [{ name: 'main', image: options.image }] },
      },
    },
    status: { replicas, readyReplicas: ready },
  };
}

/** A DaemonSet with its status counts. */
export function daemonSet(
  namespace: string,
  name: string,
  options: { image: string; templateLabels: Labels; desired: number; ready?: number },
): KubeObject {
  const { desired, ready = desired } = options;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels: options.templateLabels },
    spec: {
      template: {
        metadata: { labels: options.templateLabels },
        spec: { containers: [{ name: 'main', image: options.image }] },
      },
    },
    status: { desiredNumberScheduled: desired, numberReady: ready, currentNumberScheduled: desired },
  };
}
