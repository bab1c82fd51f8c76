/**
 * What an AuthorizationPolicy would do to the traffic seen in the window, before it is applied: for every observed
 * edge of the workload graph, the decision with the live policies and with the proposed one in their place, at
 * every point that enforces on the edge's path (the waypoint with the caller's identity, then the destination's
 * ztunnel or sidecar with the identity it sees). Metrics carry identities, namespaces and protocols, but no
 * methods, paths, headers or ports: where the proposed policy's rules depend on those, the edge is "undecided" and
 * says why, rather than guessed.
 */
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { evaluateAuthorization } from '@/lib/istio/authorization';
import { ruleHasL7, ruleMatches } from '@/lib/istio/authorization-match';
import { policiesAt } from '@/lib/istio/authorization-scope';
import type {
  AuthorizationPolicySpec,
  AuthorizationRequest,
  AuthorizationRule,
  EnforcementPoint,
} from '@/lib/istio/authorization-types';
import { principalOf, ROOT_NAMESPACE } from '@/lib/istio/labels';
import type { Labels } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';

/** What the evaluation needs to know of a destination workload beyond the graph node. */
export interface ImpactDestination {
  labels: Labels;
  /** The Services selecting it: a waypoint enforces the `targetRefs` policies of the Service a request is for. */
  services: { namespace: string; name: string }[];
}

/** A waypoint Gateway as an enforcement point, and the identity it forwards with. */
export interface ImpactWaypoint {
  namespace: string;
  name: string;
  className: string;
  serviceAccount: string;
}

/** The observed traffic and the cluster facts to judge it with. */
export interface ImpactContext {
  /** Workload graph edges of the window. */
  edges: readonly GraphEdge[];
  nodes: ReadonlyMap<string, GraphNode>;
  /** By workload node id. */
  destinations: ReadonlyMap<string, ImpactDestination>;
  /** By waypoint node id. */
  waypoints: ReadonlyMap<string, ImpactWaypoint>;
  /** The live AuthorizationPolicies (all namespaces). */
  policies: readonly KubeObject[];
  rootNamespace?: string;
}

/** One edge whose fate the proposed policy changes, or may change. */
export interface EdgeImpact {
  edgeId: string;
  source: string;
  target: string;
  protocol: GraphEdge['protocol'];
  requestsPerSecond: number;
  bytesPerSecond: number | null;
  before: 'allow' | 'deny';
  after: 'allow' | 'deny';
  /** Where the deciding check happens with the proposed policy. */
  enforcedAt: EnforcementPoint['kind'] | 'none';
  /** For people: "denied by bookinfo/deny-reviews (DENY) at the waypoint". */
  reason: string;
  /** Why metrics cannot decide this edge (L7 fields, ports, IP blocks), or null when they can. */
  undecided: string | null;
}

/** The preview: edges newly denied, newly allowed, undecided, and how many stay as they are. */
export interface AuthorizationImpact {
  denied: EdgeImpact[];
  allowed: EdgeImpact[];
  undecided: EdgeImpact[];
  unchanged: number;
}

interface Verdict {
  decision: 'allow' | 'deny';
  at: EnforcementPoint['kind'] | 'none';
  reason: string;
  /** The proposed policy applied at a point where it could look at what metrics do not record. */
  blind: string | null;
}

const key = (policy: KubeObject): string => `${policy.metadata.namespace ?? ''}/${policy.metadata.name}`;

/** `spiffe://cluster.local/ns/x/sa/y` -> the request source ztunnel and Envoy match principals against. */
function sourceOf(spiffe: string | null): AuthorizationRequest['source'] {
  if (spiffe === null) return {};
  const m = /^(?:spiffe:\/\/)?([^/]+)\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(spiffe);
  if (!m) return {};
  const [, trust = '', namespace = '', serviceAccount = ''] = m;
  return { principal: `${trust}/ns/${namespace}/sa/${serviceAccount}`, namespace, serviceAccount };
}

/** Why the metrics cannot decide a rule: the parts of it they do not record. */
function blindSpot(rules: readonly AuthorizationRule[]): string | null {
  const parts = new Set<string>();
  for (const rule of rules) {
    if (ruleHasL7(rule)) parts.add('methods, paths, hosts, headers or request principals');
    for (const to of rule.to ?? []) if (to.operation?.ports || to.operation?.notPorts) parts.add('ports');
    for (const from of rule.from ?? []) {
      const s = from.source;
      if (s?.ipBlocks || s?.notIpBlocks || s?.remoteIpBlocks || s?.notRemoteIpBlocks) parts.add('IP blocks');
    }
  }
  return parts.size === 0
    ? null
    : `its rules look at ${[...parts].join(' and ')}, which metrics do not record`;
}

/** A rule without the fields metrics cannot check (ports, IP blocks); its L7 fields are ignored by L4 matching. */
function withoutBlindFields(rule: AuthorizationRule): AuthorizationRule {
  return {
    ...rule,
    from: rule.from?.map(({ source }) => {
      if (!source) return {};
      const { ipBlocks: _a, notIpBlocks: _b, remoteIpBlocks: _c, notRemoteIpBlocks: _d, ...rest } = source;
      return { source: rest };
    }),
    to: rule.to?.map(({ operation }) => {
      if (!operation) return {};
      const { ports: _a, notPorts: _b, ...rest } = operation;
      return { operation: rest };
    }),
  };
}

/**
 * Why the metrics cannot decide what the proposed policy does to this request: among its rules whose other parts
 * match (identity, namespace), those that also look at what metrics do not record. Null when none does.
 */
function blindFor(policy: KubeObject, request: AuthorizationRequest): string | null {
  const rules = (policy.spec as AuthorizationPolicySpec | undefined)?.rules ?? [];
  const namespace = policy.metadata.namespace ?? '';
  return blindSpot(rules.filter((rule) => ruleMatches(withoutBlindFields(rule), request, namespace, true)));
}

/** The checks on an edge's path: each point with the source identity it sees. */
function pathOf(
  edge: GraphEdge,
  node: GraphNode,
  ctx: ImpactContext,
  spiffe: string | null,
): { point: EnforcementPoint; source: AuthorizationRequest['source'] }[] {
  const dest = ctx.destinations.get(edge.target);
  const labels = dest?.labels ?? {};
  const client = sourceOf(spiffe);
  const waypoint = edge.via !== null ? ctx.waypoints.get(edge.via) : undefined;
  const points: { point: EnforcementPoint; source: AuthorizationRequest['source'] }[] = [];
  let seen = client;
  if (waypoint) {
    const gateway = { namespace: waypoint.namespace, name: waypoint.name, className: waypoint.className };
    const services = dest?.services.length ? dest.services : [undefined];
    for (const service of services) {
      points.push({ point: { kind: 'waypoint', gateway, ...(service ? { service } : {}) }, source: client });
    }
    // Behind a waypoint, the destination sees the waypoint's identity, not the caller's.
    const principal = principalOf(waypoint.namespace, waypoint.serviceAccount);
    seen = { principal, namespace: waypoint.namespace, serviceAccount: waypoint.serviceAccount };
  }
  if (node.dataplane === 'ambient')
    points.push({ point: { kind: 'ztunnel', namespace: node.namespace, labels }, source: seen });
  if (node.dataplane === 'sidecar')
    points.push({ point: { kind: 'sidecar', namespace: node.namespace, labels }, source: seen });
  return points;
}

function verdict(
  edge: GraphEdge,
  node: GraphNode,
  spiffe: string | null,
  policies: readonly KubeObject[],
  ctx: ImpactContext,
  proposed: string | null,
): Verdict {
  const root = ctx.rootNamespace ?? ROOT_NAMESPACE;
  const http =
    edge.protocol === 'tcp'
      ? undefined
      : {
          host: `${node.app ?? node.name}.${node.namespace}.svc.cluster.local`,
          method: 'GET',
          path: '/',
          headers: {},
        };
  let blind: string | null = null;
  for (const { point, source } of pathOf(edge, node, ctx, spiffe)) {
    const request: AuthorizationRequest = { source, destination: { port: 0 }, ...(http ? { http } : {}) };
    const applicable = policiesAt(policies, point, root);
    const mine = applicable.find((p) => key(p) === proposed);
    if (mine) blind ??= blindFor(mine, request);
    const decision = evaluateAuthorization(applicable, request, point, root);
    if (decision.decision === 'deny')
      return { decision: 'deny', at: point.kind, reason: `${decision.reason} at the ${point.kind}`, blind };
  }
  return { decision: 'allow', at: 'none', reason: 'allowed on every check of its path', blind };
}

/**
 * The impact of applying `proposed` (a new policy, or an edit of the live one with the same namespace/name, which
 * it replaces). Edges into workloads outside the mesh are unaffected: nothing enforces there.
 */
export function authorizationImpact(proposed: KubeObject, ctx: ImpactContext): AuthorizationImpact {
  const id = key(proposed);
  const before = ctx.policies;
  const after = [...ctx.policies.filter((p) => key(p) !== id), proposed];
  const impact: AuthorizationImpact = { denied: [], allowed: [], undecided: [], unchanged: 0 };
  for (const edge of ctx.edges) {
    const node = ctx.nodes.get(edge.target);
    if (!node || node.dataplane === 'none') {
      impact.unchanged++;
      continue;
    }
    const identities = edge.sourcePrincipals.length > 0 ? edge.sourcePrincipals : [null];
    // The worst case over the caller's identities: one denied identity is a denied edge.
    const judge = (policies: readonly KubeObject[], mine: string | null): Verdict =>
      identities
        .map((spiffe) => verdict(edge, node, spiffe, policies, ctx, mine))
        .reduce((worst, v) =>
          v.decision === 'deny' && worst.decision === 'allow'
            ? { ...v, blind: worst.blind ?? v.blind }
            : { ...worst, blind: worst.blind ?? v.blind },
        );
    const was = judge(before, null);
    const will = judge(after, id);
    if (will.blind === null && was.decision === will.decision) {
      impact.unchanged++;
      continue;
    }
    const entry: EdgeImpact = {
      edgeId: edge.id,
      source: edge.source,
      target: edge.target,
      protocol: edge.protocol,
      requestsPerSecond: edge.requestsPerSecond,
      bytesPerSecond: edge.bytesPerSecond,
      before: was.decision,
      after: will.decision,
      enforcedAt: will.decision === 'deny' ? will.at : was.at,
      reason:
        will.decision === 'deny'
          ? will.reason
          : was.decision === 'deny'
            ? `no longer ${was.reason}`
            : will.reason,
      undecided: will.blind,
    };
    if (will.blind !== null) impact.undecided.push(entry);
    else if (will.decision === 'deny') impact.denied.push(entry);
    else impact.allowed.push(entry);
  }
  const byRate = (a: EdgeImpact, b: EdgeImpact): number => b.requestsPerSecond - a.requestsPerSecond;
  impact.denied.sort(byRate);
  impact.allowed.sort(byRate);
  impact.undecided.sort(byRate);
  return impact;
}
