/**
 * What happens where traffic enters the destination pod: PeerAuthentication STRICT against plaintext, and
 * AuthorizationPolicy at the destination's ztunnel (L4 only) or sidecar (L7). Behind a waypoint the destination
 * sees the waypoint's identity, not the client's (docs/istio-ambient.md, "AuthorizationPolicy").
 */
import { evaluateAuthorization } from '@/lib/istio/authorization';
import type { AuthorizationRequest } from '@/lib/istio/authorization-types';
import { principalOf } from '@/lib/istio/labels';
import { mtlsModeForPort } from '@/lib/istio/peer-authentication';
import type { MeshIndex } from './mesh-index';
import type { PodGroup, Target, WaypointNode } from './nodes';
import type { Stop } from './plan-types';

/** Who opens the connection into the destination. */
export interface Hop {
  /** The client's pod group; null outside the cluster. */
  caller: PodGroup | null;
  /** The client has a mesh identity (ztunnel, sidecar, gateway). */
  callerInMesh: boolean;
  /** The waypoint forwarding the request, if any: its identity replaces the client's. */
  waypoint: WaypointNode | null;
  /** An Envoy made the upstream connection (waypoint, sidecar or gateway client): it answers 503 UF on refusal. */
  envoyInFront: boolean;
  targetPort: number;
  http: AuthorizationRequest['http'];
}

/** The source as the destination sees it: the waypoint, the client (mTLS), or only an address (plaintext). */
export function sourceSeenBy(hop: Hop): AuthorizationRequest['source'] {
  const wp = hop.waypoint;
  if (wp !== null) {
    const sa = wp.serviceAccount;
    return {
      principal: principalOf(wp.namespace, sa),
      namespace: wp.namespace,
      serviceAccount: sa,
      ip: wp.endpoints[0]?.pod.ip,
    };
  }
  const first = hop.caller?.pods[0]?.endpoint;
  if (first === undefined) return {};
  if (!hop.callerInMesh) return { ip: first.pod.ip };
  return {
    principal: principalOf(first.namespace, first.serviceAccount),
    namespace: first.namespace,
    serviceAccount: first.serviceAccount,
    ip: first.pod.ip,
  };
}

/** The outcome of the destination's checks: refused (a Stop), or accepted with or without mTLS. */
export type CheckResult = { stop: Stop; mtls: boolean } | { stop: null; mtls: boolean };

/** A connection refused at L4: what the wire shows depends on whether an Envoy made it (see README). */
function l4Refusal(hop: Hop, refusedBy: 'ztunnel-policy' | 'strict-mtls'): Stop {
  if (!hop.envoyInFront) return { code: 0, flags: 'DENY', refusedBy };
  return { code: hop.http ? 503 : 0, flags: 'UF', refusedBy };
}

/**
 * Runs the destination's checks for requests reaching `target` (evaluated for its first pod: policies that tell
 * pods of one group apart by IP are out of scope).
 */
export function checkDestination(index: MeshIndex, hop: Hop, target: Target): CheckResult {
  const { group } = target;
  const workload = group.workload;
  const secure = hop.waypoint !== null || hop.callerInMesh;
  if (group.dataplane === 'none') return { stop: null, mtls: false };
  // A gateway's listeners face clients outside the mesh: PeerAuthentication does not apply to them.
  const gateway = group.client === 'gateway';
  const mode = gateway ? 'PERMISSIVE' : mtlsModeForPort(index.peerAuthentication(workload), hop.targetPort);
  if (!secure && mode === 'STRICT') return { stop: l4Refusal(hop, 'strict-mtls'), mtls: false };
  const request: AuthorizationRequest = {
    source: sourceSeenBy(hop),
    destination: { ip: target.pods[0]?.endpoint.pod.ip, port: hop.targetPort },
    ...(hop.http ? { http: hop.http } : {}),
  };
  const policies = index.authorizationCandidates(workload.namespace);
  const point = { namespace: workload.namespace, labels: workload.labels };
  if (group.dataplane === 'ambient') {
    const decision = evaluateAuthorization(policies, request, { kind: 'ztunnel', ...point }, index.root);
    if (decision.decision === 'deny') return { stop: l4Refusal(hop, 'ztunnel-policy'), mtls: secure };
    return { stop: null, mtls: secure };
  }
  const decision = evaluateAuthorization(policies, request, { kind: 'sidecar', ...point }, index.root);
  const mtls = secure && !gateway && mode !== 'DISABLE';
  if (decision.decision === 'deny') {
    return {
      stop: { code: hop.http ? 403 : 0, flags: hop.http ? '-' : 'DENY', refusedBy: 'l7-policy' },
      mtls,
    };
  }
  return { stop: null, mtls };
}

/** AuthorizationPolicy at a waypoint for traffic to a Service (L7 for HTTP, L4 fields only for TCP). */
export function checkWaypoint(
  index: MeshIndex,
  hop: Hop,
  waypoint: WaypointNode,
  service: { namespace: string; name: string } | undefined,
): Stop | null {
  const request: AuthorizationRequest = {
    source: sourceSeenBy({ ...hop, waypoint: null }),
    destination: { port: hop.targetPort },
    ...(hop.http ? { http: hop.http } : {}),
  };
  const gateway = { namespace: waypoint.namespace, name: waypoint.name, className: waypoint.className };
  const policies = index.authorizationCandidates(waypoint.namespace, ...(service ? [service.namespace] : []));
  const point = { kind: 'waypoint' as const, gateway, ...(service ? { service } : {}) };
  const decision = evaluateAuthorization(policies, request, point, index.root);
  if (decision.decision === 'allow') return null;
  return { code: hop.http ? 403 : 0, flags: hop.http ? '-' : 'DENY', refusedBy: 'l7-policy' };
}
