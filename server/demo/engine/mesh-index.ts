/**
 * Everything the engine looks up, derived once per (config, behaviour) pair and memoized by their identity: the
 * demo's config reader hands out the same MeshConfig object until the store changes, so ticks in between reuse
 * every index, plan and statistic.
 */
import {
  effectivePeerAuthentication,
  type EffectivePeerAuthentication,
} from '@/lib/istio/peer-authentication';
import { ISTIO_KEYS, ROOT_NAMESPACE } from '@/lib/istio/labels';
import { portProtocol } from '@/lib/istio/protocol';
import { routeFor } from '@/lib/istio/routing';
import type { RouteDecision, RouteRequest, RoutingCatalog } from '@/lib/istio/routing-types';
import { matchesLabels, type Labels } from '@/lib/istio/selector';
import { effectiveWaypoint, type WaypointCatalog } from '@/lib/istio/waypoint';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { MeshBehaviour, WorkloadBehaviour } from '../model/behaviour';
import type { MeshConfig } from '../model/mesh-config';
import type { PodNode, ServiceNode, ServicePortNode, Target, WaypointNode, WorkloadNode } from './nodes';
import { buildWorkloads, PodBuckets } from './workload-index';

interface ServiceSpec {
  selector?: Record<string, string>;
  ports?: { name?: string; port: number; targetPort?: number | string; appProtocol?: string }[];
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function byNamespace(objects: readonly KubeObject[]): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>();
  for (const object of objects) push(map, object.metadata.namespace ?? '', object);
  return map;
}

/** The indexes of one config. */
export class MeshIndex {
  readonly root = ROOT_NAMESPACE;
  readonly namespaces: Map<string, KubeObject>;
  readonly workloads: Map<string, WorkloadNode>;
  readonly routing: RoutingCatalog;
  readonly waypointCatalog: WaypointCatalog;
  private readonly buckets: PodBuckets;
  private readonly podNodes: Map<KubeObject, PodNode>;
  private readonly serviceObjects: Map<string, KubeObject>;
  private readonly authz: Map<string, KubeObject[]>;
  private readonly peerAuth: Map<string, KubeObject[]>;
  private readonly services = new Map<string, ServiceNode | null>();
  private readonly waypoints = new Map<string, WaypointNode | null>();
  private readonly targetCache = new Map<ServiceNode, Map<Labels | null, Target[]>>();
  private readonly peerAuthCache = new Map<string, EffectivePeerAuthentication>();
  private readonly authzCache = new Map<string, KubeObject[]>();
  private readonly routeCache = new Map<string, RouteDecision>();

  constructor(
    readonly config: MeshConfig,
    readonly behaviour: MeshBehaviour,
  ) {
    this.namespaces = new Map(config.namespaces.map((ns) => [ns.metadata.name, ns]));
    this.buckets = new PodBuckets(config.pods);
    const behaviours = new Map<string, WorkloadBehaviour>(
      behaviour.workloads.map((w) => [`${w.namespace}/${w.name}`, w]),
    );
    const built = buildWorkloads(config, this.buckets, behaviours);
    this.workloads = built.workloads;
    this.podNodes = built.pods;
    this.serviceObjects = new Map(
      config.services.map((s) => [`${s.metadata.namespace ?? ''}/${s.metadata.name}`, s]),
    );
    this.authz = byNamespace(config.authorizationPolicies);
    this.peerAuth = byNamespace(config.peerAuthentications);
    this.routing = {
      virtualServices: config.virtualServices,
      httpRoutes: config.httpRoutes,
      destinationRules: config.destinationRules,
    };
    this.waypointCatalog = { gateways: config.gateways, gatewayClasses: config.gatewayClasses };
    for (const workload of this.workloads.values()) workload.waypoint = this.workloadWaypoint(workload);
  }

  /** A Service by namespace and name, with its waypoint; undefined when it does not exist. */
  service(namespace: string, name: string): ServiceNode | undefined {
    const key = `${namespace}/${name}`;
    let node = this.services.get(key);
    if (node === undefined) {
      node = this.buildService(key);
      this.services.set(key, node);
    }
    return node ?? undefined;
  }

  /**
   * The endpoints of a Service (restricted to a subset's labels), grouped by workload and data plane. Memoized by
   * the identity of the subset's labels object (DestinationRule subsets keep theirs within one config).
   */
  targets(service: ServiceNode, subset: Labels | null): Target[] {
    let bySubset = this.targetCache.get(service);
    if (bySubset === undefined) {
      bySubset = new Map();
      this.targetCache.set(service, bySubset);
    }
    let targets = bySubset.get(subset);
    if (targets === undefined) {
      targets = this.buildTargets(service, subset);
      bySubset.set(subset, targets);
    }
    return targets;
  }

  /** AuthorizationPolicies that may apply to something in these namespaces (the root namespace included). */
  authorizationCandidates(...namespaces: string[]): KubeObject[] {
    const key = namespaces.join('/');
    let found = this.authzCache.get(key);
    if (found === undefined) {
      const unique = new Set([...namespaces, this.root]);
      found = [...unique].flatMap((ns) => this.authz.get(ns) ?? []);
      this.authzCache.set(key, found);
    }
    return found;
  }

  /** The route of a request (memoized: at a waypoint it does not depend on the client). */
  route(request: RouteRequest): RouteDecision {
    const source = request.source
      ? `${request.source.namespace}/${JSON.stringify(request.source.labels)}`
      : '-';
    const key = `${request.service.namespace}/${request.service.name}:${request.port}|${request.method} ${request.path}|${JSON.stringify(request.headers)}|${source}`;
    let decision = this.routeCache.get(key);
    if (decision === undefined) {
      decision = routeFor(request, this.routing);
      this.routeCache.set(key, decision);
    }
    return decision;
  }

  /** The effective PeerAuthentication of a workload. */
  peerAuthentication(workload: WorkloadNode): EffectivePeerAuthentication {
    let effective = this.peerAuthCache.get(workload.key);
    if (effective === undefined) {
      const candidates = [
        ...(this.peerAuth.get(this.root) ?? []),
        ...(workload.namespace === this.root ? [] : (this.peerAuth.get(workload.namespace) ?? [])),
      ];
      effective = effectivePeerAuthentication(
        candidates,
        { namespace: workload.namespace, labels: workload.labels },
        this.root,
      );
      this.peerAuthCache.set(workload.key, effective);
    }
    return effective;
  }

  /** A waypoint Gateway with its ready pods. */
  waypoint(gateway: KubeObject): WaypointNode | null {
    const namespace = gateway.metadata.namespace ?? '';
    const key = `${namespace}/${gateway.metadata.name}`;
    let node = this.waypoints.get(key);
    if (node === undefined) {
      const name = gateway.metadata.name;
      const pods = this.buckets
        .candidates(namespace, { [ISTIO_KEYS.gatewayName]: name })
        .flatMap((pod) => this.podNodes.get(pod) ?? []);
      const className = (gateway.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName ?? '';
      const serviceAccount = pods[0]?.endpoint.serviceAccount ?? name;
      node = { namespace, name, className, endpoints: pods.map((p) => p.endpoint), serviceAccount };
      this.waypoints.set(key, node);
    }
    return node;
  }

  private workloadWaypoint(workload: WorkloadNode): WaypointNode | null {
    const pod = workload.groups[0]?.pods[0]?.object;
    if (pod === undefined) return null;
    const resolution = effectiveWaypoint(
      pod,
      this.namespaces.get(workload.namespace),
      'workload',
      this.waypointCatalog,
    );
    return resolution.waypoint ? this.waypoint(resolution.waypoint) : null;
  }

  private buildService(key: string): ServiceNode | null {
    const object = this.serviceObjects.get(key);
    if (object === undefined) return null;
    const spec = object.spec as ServiceSpec | undefined;
    const namespace = object.metadata.namespace ?? '';
    const ports: ServicePortNode[] = (spec?.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port,
      targetPort: typeof p.targetPort === 'number' ? p.targetPort : p.port,
      protocol: portProtocol(p),
    }));
    const nsObject = this.namespaces.get(namespace);
    const waypointResolution = effectiveWaypoint(object, nsObject, 'service', this.waypointCatalog);
    const ingress = [object, nsObject].some(
      (o) => o !== undefined && labelOf(o, ISTIO_KEYS.ingressUseWaypoint) === 'true',
    );
    return {
      key,
      namespace,
      name: object.metadata.name,
      object,
      selector: spec?.selector,
      ports,
      waypointResolution,
      waypoint: waypointResolution.waypoint ? this.waypoint(waypointResolution.waypoint) : null,
      ingressUsesWaypoint: ingress,
    };
  }

  private buildTargets(service: ServiceNode, subset: Labels | null): Target[] {
    const selector = service.selector;
    if (selector === undefined || Object.keys(selector).length === 0) return [];
    const counts = new Map<string, Target>();
    let total = 0;
    for (const pod of this.buckets.candidates(service.namespace, selector)) {
      const node = this.podNodes.get(pod);
      if (
        node === undefined ||
        !matchesLabels(selector, node.labels) ||
        !matchesLabels(subset ?? undefined, node.labels)
      )
        continue;
      const workload = this.workloads.get(`${service.namespace}/${node.endpoint.workload}`);
      const group = workload?.groups.find((g) => g.dataplane === node.endpoint.dataplane);
      if (group === undefined) continue;
      const target = counts.get(group.id) ?? { group, pods: [], share: 0 };
      target.pods.push(node);
      counts.set(group.id, target);
      total += 1;
    }
    const targets = [...counts.values()].sort((a, b) => (a.group.id < b.group.id ? -1 : 1));
    for (const target of targets) target.share = target.pods.length / total;
    return targets;
  }
}

const MEMO = new WeakMap<MeshConfig, WeakMap<MeshBehaviour, MeshIndex>>();

/** The index of a config and behaviour, built on first use and kept while both objects live. */
export function meshIndexOf(config: MeshConfig, behaviour: MeshBehaviour): MeshIndex {
  let byBehaviour = MEMO.get(config);
  if (byBehaviour === undefined) {
    byBehaviour = new WeakMap();
    MEMO.set(config, byBehaviour);
  }
  let index = byBehaviour.get(behaviour);
  if (index === undefined) {
    index = new MeshIndex(config, behaviour);
    byBehaviour.set(behaviour, index);
  }
  return index;
}
