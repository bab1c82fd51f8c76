import 'server-only';
import type { GraphResponse } from '@/lib/graph/types';
import type { ImpactContext, ImpactDestination, ImpactWaypoint } from '@/lib/impact/authorization-impact';
import type { RoutingImpactContext } from '@/lib/impact/virtual-service-impact';
import { WAYPOINT_CLASS } from '@/lib/istio/labels';
import { matchesLabels, type Labels } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';
import { firstPod } from '@/lib/mesh/view-inputs';
import type { GraphSources } from '@/server/graph';
import { workloadGroups } from '@/server/mesh/view-sources';

/** The fields of a Service and a Gateway read here. */
type ServiceObject = KubeObject<{ selector?: Labels }>;
type GatewayObject = KubeObject<{ gatewayClassName?: string }>;
type PodObject = KubeObject<{ serviceAccountName?: string }>;

/**
 * The facts an impact preview judges the observed traffic with, from the watch cache: each workload's labels and
 * the Services selecting it, each waypoint's class and identity, and the live AuthorizationPolicies.
 */
export function impactContext(graph: GraphResponse, kube: GraphSources['kube']): ImpactContext {
  const services = kube.list('services') as ServiceObject[];
  const groups = new Map(
    workloadGroups(kube.list('pods')).map((g) => [`workload:${g.namespace}/${g.name}`, g]),
  );
  const destinations = new Map<string, ImpactDestination>();
  const waypoints = new Map<string, ImpactWaypoint>();
  const gateways = kube.list('gateways') as GatewayObject[];
  for (const node of graph.nodes) {
    const group = groups.get(node.id);
    const pod = group ? (firstPod(group) as PodObject) : undefined;
    const labels = pod?.metadata.labels ?? {};
    if (node.kind === 'waypoint') {
      const gateway = gateways.find(
        (g) => g.metadata.namespace === node.namespace && g.metadata.name === node.name,
      );
      waypoints.set(node.id, {
        namespace: node.namespace,
        name: node.name,
        className: gateway?.spec?.gatewayClassName ?? WAYPOINT_CLASS,
        // A waypoint runs as the service account named after its Gateway unless its pod says otherwise.
        serviceAccount: pod?.spec?.serviceAccountName ?? node.name,
      });
    }
    if (node.kind !== 'workload') continue;
    destinations.set(node.id, {
      labels,
      services: services
        .filter(
          (s) =>
            s.metadata.namespace === node.namespace &&
            s.spec?.selector !== undefined &&
            Object.keys(s.spec.selector).length > 0 &&
            matchesLabels(s.spec.selector, labels),
        )
        .map((s) => ({ namespace: node.namespace, name: s.metadata.name })),
    });
  }
  return {
    edges: graph.edges,
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    destinations,
    waypoints,
    policies: kube.list('authorizationpolicies'),
  };
}

/** The facts a VirtualService preview needs: workload labels, Services and DestinationRules, and the traffic. */
export function routingContext(graph: GraphResponse, kube: GraphSources['kube']): RoutingImpactContext {
  const workloadLabels = new Map<string, Labels>();
  for (const group of workloadGroups(kube.list('pods'))) {
    workloadLabels.set(`workload:${group.namespace}/${group.name}`, firstPod(group).metadata.labels ?? {});
  }
  return {
    edges: graph.edges,
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    workloadLabels,
    services: kube.list('services'),
    destinationRules: kube.list('destinationrules'),
  };
}
