/** Namespaces, ServiceAccounts and Services as plain objects, for the world and the controllers alike. */
import type { Built, Json, OwnerRef } from './json';
import { KEYS } from './labels';

/** One port of a Service. */
export interface ServicePort {
  name: string;
  port: number;
  targetPort?: number | string;
  appProtocol?: string;
  protocol?: 'TCP' | 'UDP';
}

/** A Service to build. */
export interface ServiceSpec {
  namespace: string;
  name: string;
  /** Absent for a Service without selector (such as `kubernetes`). */
  selector?: Record<string, string>;
  ports: ServicePort[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  type?: 'ClusterIP' | 'LoadBalancer';
  /** A fixed cluster IP; the world picks a free one, the API server does for controllers. */
  clusterIP?: string;
  status?: Json;
  ownerReferences?: OwnerRef[];
}

/** A Namespace with its labels and `kubernetes.io/metadata.name`, which the API server would set. */
export function namespaceObject(name: string, labels: Record<string, string> = {}): Built {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [KEYS.namespaceName]: name, ...labels } },
  };
}

/** A ServiceAccount. */
export function serviceAccountObject(
  namespace: string,
  name: string,
  labels?: Record<string, string>,
  owner?: OwnerRef,
): Built {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, ...(labels && { labels }), ...(owner && { ownerReferences: [owner] }) },
  };
}

/** A Service; ports default to protocol TCP and targetPort = port, as the API server defaults them. */
export function serviceObject(spec: ServiceSpec): Built {
  const { namespace, name, labels, annotations, ownerReferences, clusterIP } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      ...(labels && { labels }),
      ...(annotations && { annotations }),
      ...(ownerReferences && { ownerReferences }),
    },
    spec: {
      type: spec.type ?? 'ClusterIP',
      ...(clusterIP && { clusterIP, clusterIPs: [clusterIP] }),
      ...(spec.selector && { selector: spec.selector }),
      ports: spec.ports.map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p })),
    },
    ...(spec.status && { status: spec.status }),
  };
}
