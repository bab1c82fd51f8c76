/**
 * Step 4a: what the configuration says about each node: its data plane and effective waypoint (from
 * {@link MeshFacts}), and its badges: an AuthorizationPolicy with L7 rules applies where its traffic is enforced
 * at L7 (its waypoint, or its sidecar), and a VirtualService or HTTPRoute routes traffic for one of its Services.
 */
import {
  httpRouteAttaches,
  policiesAt,
  ruleHasL7,
  virtualServiceFor,
  type AuthorizationPolicySpec,
  type EnforcementPoint,
} from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import type { MeshFacts, WaypointRef, WorkloadFacts } from './mesh-facts';
import type { GraphModel, NodeDraft } from './model';

/** The workloads a node stands for: its own, and those behind the Services it stands for. */
function workloadsOf(node: NodeDraft, facts: MeshFacts): WorkloadFacts[] {
  const keys = new Set(node.workloads);
  if (node.kind === 'service') {
    for (const s of node.services) for (const w of facts.serviceWorkloads.get(s) ?? []) keys.add(w);
  }
  return [...keys].flatMap((key) => facts.workloads.get(key) ?? []);
}

const waypointPoint = (w: WaypointRef, service?: string): EnforcementPoint => {
  const [namespace = '', name = ''] = service?.split('/') ?? [];
  return {
    kind: 'waypoint',
    gateway: { namespace: w.namespace, name: w.name, className: w.className },
    ...(service ? { service: { namespace, name } } : {}),
  };
};

/** Where the node's traffic meets L7 enforcement: its waypoint (for each of its Services) and its sidecars. */
function enforcementPoints(
  node: NodeDraft,
  workloads: WorkloadFacts[],
  facts: MeshFacts,
): EnforcementPoint[] {
  if (node.kind === 'waypoint') {
    const ref = [...node.workloads].map((w) => facts.waypoints.get(w)).find((w) => w !== undefined);
    return ref ? [waypointPoint(ref)] : [];
  }
  const points: EnforcementPoint[] = [];
  for (const service of node.services) {
    const waypoint = facts.serviceWaypoints.get(service);
    if (waypoint) points.push(waypointPoint(waypoint, service));
  }
  for (const w of workloads) {
    if (w.dataplane === 'sidecar') points.push({ kind: 'sidecar', namespace: w.namespace, labels: w.labels });
    if (w.waypoint) points.push(waypointPoint(w.waypoint));
  }
  return points;
}

function hasL7Rules(policy: KubeObject<AuthorizationPolicySpec>): boolean {
  return (policy.spec?.rules ?? []).some(ruleHasL7);
}

/** Whether a VirtualService or an HTTPRoute routes traffic for a Service, memoized per refresh. */
function routedServices(facts: MeshFacts): (serviceKey: string) => boolean {
  const { virtualServices, httpRoutes, services } = facts.snapshot;
  const byKey = new Map(services.map((s) => [`${s.metadata.namespace ?? ''}/${s.metadata.name}`, s]));
  const memo = new Map<string, boolean>();
  return (serviceKey) => {
    const cached = memo.get(serviceKey);
    if (cached !== undefined) return cached;
    const [namespace = '', name = ''] = serviceKey.split('/');
    const spec = byKey.get(serviceKey)?.spec as { ports?: { port?: number }[] } | undefined;
    const ports = (spec?.ports ?? []).map((p) => p.port ?? 0);
    const routed =
      virtualServiceFor(virtualServices, { namespace, name }) !== undefined ||
      httpRoutes.some((route) =>
        (ports.length > 0 ? ports : [0]).some((port) => httpRouteAttaches(route, { namespace, name }, port)),
      );
    memo.set(serviceKey, routed);
    return routed;
  };
}

/** Sets `dataplane`, `waypoint` and `badges` on every node from the configuration. */
export function addConfig(graph: GraphModel, facts: MeshFacts): void {
  const policies = facts.snapshot.authorizationPolicies;
  const routed = routedServices(facts);
  for (const node of graph.nodes.values()) {
    if (node.kind === 'unknown' || node.kind === 'external') continue;
    const workloads = workloadsOf(node, facts);
    node.dataplane = workloads[0]?.dataplane ?? 'none';
    const waypoint =
      node.kind === 'waypoint'
        ? undefined
        : node.kind === 'service'
          ? [...node.services].map((s) => facts.serviceWaypoints.get(s)).find((w) => w !== undefined)
          : workloads.map((w) => w.waypoint).find((w) => w !== null);
    node.waypoint = waypoint ? { name: waypoint.name, namespace: waypoint.namespace } : null;
    node.badges = {
      l7Policy: enforcementPoints(node, workloads, facts).some((point) =>
        policiesAt(policies, point).some(hasL7Rules),
      ),
      virtualService: [...node.services].some(routed),
    };
  }
}
