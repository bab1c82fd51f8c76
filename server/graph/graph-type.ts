/**
 * Step 3: logical edges between workloads become the graph of the requested type. Each end becomes a node by
 * {@link nodeOf} (workload, app, or service; an unknown caller, a destination outside the cluster), edges that
 * land on the same pair of nodes (per protocol and layer) are merged, and the waypoints edges pass through become
 * nodes too (always workload nodes, so that `via` names the same node in every graph type).
 */
import {
  appNodeId,
  edgeId,
  externalNodeId,
  serviceNodeId,
  UNKNOWN_NODE_ID,
  workloadNodeId,
} from '@/lib/graph/ids';
import type { GraphType, NodeKind } from '@/lib/graph/types';
import { serviceOfFqdn } from '@/lib/istio';
import type { MeshFacts } from './mesh-facts';
import {
  addTotals,
  copyTotals,
  keyOf,
  UNKNOWN,
  type EdgeDraft,
  type GraphModel,
  type NodeDraft,
  type Peer,
  type ServiceRef,
  type TrafficEdge,
} from './model';

/** What a node stands for, before the enrichers. */
type NodeSpec = Pick<NodeDraft, 'id' | 'kind' | 'namespace' | 'name' | 'app' | 'version'> & {
  workloads: string[];
  services: string[];
};

const known = (value: string): string | null => (value === '' || value === UNKNOWN ? null : value);

function workloadNode(peer: Peer, facts: MeshFacts, kind: NodeKind = 'workload'): NodeSpec {
  const key = peer.key;
  const labels = facts.workloads.get(key)?.labels ?? {};
  return {
    id: workloadNodeId(peer.namespace, peer.workload),
    kind,
    namespace: peer.namespace,
    name: peer.workload,
    app: known(peer.app) ?? labels.app ?? labels['service.istio.io/canonical-name'] ?? null,
    version: known(peer.version),
    workloads: [key],
    services: facts.workloads.get(key)?.services ?? [],
  };
}

function serviceNode(service: ServiceRef, workloads: string[]): NodeSpec {
  return {
    id: serviceNodeId(service.namespace, service.name),
    kind: 'service',
    namespace: service.namespace,
    name: service.name,
    app: null,
    version: null,
    workloads,
    services: [keyOf(service.namespace, service.name)],
  };
}

const UNKNOWN_NODE: NodeSpec = {
  id: UNKNOWN_NODE_ID,
  kind: 'unknown',
  namespace: '',
  name: UNKNOWN,
  app: null,
  version: null,
  workloads: [],
  services: [],
};

/** A known workload as a node of each graph type; `self` is the workload node it would be in a workload graph. */
const BY_TYPE: Readonly<
  Record<
    GraphType,
    (self: NodeSpec, side: 'source' | 'destination', e: TrafficEdge, f: MeshFacts) => NodeSpec
  >
> = {
  workload: (self) => self,
  app: (self) =>
    self.app === null
      ? self
      : { ...self, id: appNodeId(self.namespace, self.app), kind: 'app', name: self.app, version: null },
  service: (self, side, e, facts) => {
    // Callee: the Service called. Caller: its Service when exactly one selects it, else the workload.
    const services = self.services;
    if (side === 'destination' && known(e.service.name) && known(e.service.namespace)) {
      return serviceNode(e.service, self.workloads);
    }
    const [namespace, name] = services.length === 1 ? (services[0] ?? '').split('/') : [];
    if (namespace === undefined || name === undefined) return self;
    return serviceNode({ host: '', namespace, name }, facts.serviceWorkloads.get(services[0] ?? '') ?? []);
  },
};

/** The node one end of an edge becomes in a graph of `type`. */
export function nodeOf(
  e: TrafficEdge,
  side: 'source' | 'destination',
  type: GraphType,
  facts: MeshFacts,
): NodeSpec {
  const peer = e[side];
  if (peer.workload === UNKNOWN || peer.namespace === UNKNOWN) {
    if (side === 'source') return UNKNOWN_NODE;
    const { host } = e.service;
    if (serviceOfFqdn(host) !== undefined && known(e.service.name)) return serviceNode(e.service, []);
    if (known(host)) return { ...UNKNOWN_NODE, id: externalNodeId(host), kind: 'external', name: host };
    return UNKNOWN_NODE;
  }
  const role = facts.workloads.get(peer.key)?.role;
  if (role === 'waypoint') return workloadNode(peer, facts, 'waypoint');
  const node = BY_TYPE[type](workloadNode(peer, facts), side, e, facts);
  return role === 'gateway' ? { ...node, kind: 'gateway' } : node;
}

function addNode(graph: GraphModel, spec: NodeSpec): void {
  const existing = graph.nodes.get(spec.id);
  if (existing) {
    for (const w of spec.workloads) existing.workloads.add(w);
    for (const s of spec.services) existing.services.add(s);
    return;
  }
  graph.nodes.set(spec.id, {
    ...spec,
    workloads: new Set(spec.workloads),
    services: new Set(spec.services),
    dataplane: 'none',
    waypoint: null,
    health: 'unknown',
    badges: { l7Policy: false, virtualService: false },
    inboundRps: 0,
    outboundRps: 0,
  });
}

/** The graph of `type` over the logical edges. */
export function toGraphModel(edges: readonly TrafficEdge[], type: GraphType, facts: MeshFacts): GraphModel {
  const graph: GraphModel = { nodes: new Map(), edges: new Map() };
  // Many edges share an end: make each node once.
  const ends = new Map<string, NodeSpec>();
  const end = (e: TrafficEdge, side: 'source' | 'destination'): NodeSpec => {
    // A callee's node depends on the Service called in the service graph, and when the workload is unknown.
    const peer = e[side];
    const byService = side === 'destination' && (type === 'service' || peer.workload === UNKNOWN);
    const key = byService
      ? `>${peer.key}|${e.service.namespace}/${e.service.name}|${e.service.host}`
      : `${side}|${peer.key}`;
    let spec = ends.get(key);
    if (spec === undefined) {
      spec = nodeOf(e, side, type, facts);
      ends.set(key, spec);
      addNode(graph, spec);
    }
    return spec;
  };
  const waypoints = new Map<string, string>();
  const waypointNode = (workloadKey: string): string => {
    let id = waypoints.get(workloadKey);
    if (id === undefined) {
      const [namespace = '', workload = ''] = workloadKey.split('/');
      const peer = { key: workloadKey, namespace, workload, app: '', version: '', principal: '' };
      const spec = workloadNode(peer, facts, 'waypoint');
      addNode(graph, spec);
      id = spec.id;
      waypoints.set(workloadKey, id);
    }
    return id;
  };
  const copied = new Set<EdgeDraft>();
  for (const e of edges) {
    const source = end(e, 'source');
    const target = end(e, 'destination');
    const via = e.via === null ? null : waypointNode(e.via);
    const id = edgeId(source.id, target.id, e.protocol, e.layer);
    const edge = graph.edges.get(id);
    if (edge === undefined) {
      // The first edge's totals are shared until a second edge merges in (most edges never merge).
      const draft = { id, source: source.id, target: target.id, protocol: e.protocol, layer: e.layer };
      graph.edges.set(id, { ...draft, via, totals: e.totals, recent: e.recent, health: 'unknown' });
      continue;
    }
    if (!copied.has(edge)) {
      edge.totals = copyTotals(edge.totals);
      edge.recent = edge.recent && copyTotals(edge.recent);
      copied.add(edge);
    }
    edge.via ??= via;
    addTotals(edge.totals, e.totals);
    if (e.recent !== null) {
      if (edge.recent === null) edge.recent = copyTotals(e.recent);
      else addTotals(edge.recent, e.recent);
    }
  }
  return graph;
}
