/**
 * The mesh posture in one call, in the order the parts depend on each other: which nodes run captured pods ->
 * the control plane (a ztunnel gap on such a node is an error) -> a card per namespace (captured pods on a node
 * without a ready ztunnel are its problem). Pure: the server passes the watch cache's objects and the traffic.
 */
import type { HealthThresholds } from '@/lib/graph/health';
import { dataplaneOf } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import { controlPlane, ztunnelReadyNodes, type ControlPlaneInput } from './control-plane';
import { nodeOf } from './kube-facts';
import { namespacePostures } from './namespace-posture';
import type { MeshOverview, NamespaceTraffic } from './types';

/** Everything the posture reads. A list that could not be read is null. */
export interface MeshPostureInput {
  namespaces: readonly KubeObject[];
  pods: readonly KubeObject[] | null;
  services: readonly KubeObject[];
  gateways: readonly KubeObject[];
  /** Every GatewayClass: a class may say `istio.io/waypoint-for` for its waypoints, or name Istio's controller. */
  gatewayClasses: readonly KubeObject[];
  peerAuthentications: readonly KubeObject[] | null;
  deployments: readonly KubeObject[] | null;
  daemonSets: readonly KubeObject[] | null;
  gatewayApi: ControlPlaneInput['gatewayApi'];
  /** Inbound traffic by namespace; null when the metrics could not be read. */
  traffic: ReadonlyMap<string, NamespaceTraffic> | null;
  thresholds?: HealthThresholds;
}

/** The nodes that run at least one pod captured by ztunnel. */
export function capturedNodes(pods: readonly KubeObject[], namespaces: readonly KubeObject[]): Set<string> {
  const byName = new Map(namespaces.map((ns) => [ns.metadata.name, ns]));
  const nodes = new Set<string>();
  for (const pod of pods) {
    const node = nodeOf(pod);
    if (node === undefined || nodes.has(node)) continue;
    if (dataplaneOf(pod, byName.get(pod.metadata.namespace ?? '')).dataplane === 'ambient') nodes.add(node);
  }
  return nodes;
}

/** The control plane and the namespace cards (problems first). */
export function meshPosture(input: MeshPostureInput): Pick<MeshOverview, 'controlPlane' | 'namespaces'> {
  const pods = input.pods ?? [];
  const components = controlPlane({
    deployments: input.deployments,
    daemonSets: input.daemonSets,
    pods: input.pods,
    gatewayApi: input.gatewayApi,
    capturedNodes: capturedNodes(pods, input.namespaces),
  });
  const namespaces = namespacePostures({
    namespaces: input.namespaces,
    pods,
    services: input.services,
    gateways: input.gateways,
    gatewayClasses: input.gatewayClasses,
    peerAuthentications: input.peerAuthentications,
    traffic: input.traffic,
    ztunnelReadyNodes: ztunnelReadyNodes(components),
    ...(input.thresholds ? { thresholds: input.thresholds } : {}),
  });
  return { controlPlane: components, namespaces };
}
