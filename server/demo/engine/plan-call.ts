/**
 * The mesh rules for one call, client to Service port, as a plan (see plan-types.ts):
 * 1. the client kind decides identity, mTLS and whether a Service waypoint is used (client-kinds.ts);
 * 2. L7 (routing, faults, retries, timeouts, L7 policy) happens only at a waypoint serving the Service, or at a
 *    sidecar client; otherwise requests spread over the Service's endpoints by pod count;
 * 3. the waypoint enforces policies targeting it or the Service, before routing effects;
 * 4. a fault abort answers at once; the rest reach the destination's checks (destination-checks.ts);
 * 5. a missing Service, subset or endpoint ends in 503 NR/NC/UH instead of an error.
 */
import { serviceFqdn } from '@/lib/istio/host';
import type { RouteDecision } from '@/lib/istio/routing-types';
import type { Endpoint } from '../model/traffic';
import { CLIENT_TRAITS } from './client-kinds';
import { checkDestination, checkWaypoint, type Hop } from './destination-checks';
import type { MeshIndex } from './mesh-index';
import type { PodGroup, ServiceNode, ServicePortNode, Target, WaypointNode } from './nodes';
import type { Branch, CallPlan, Stop, Variant } from './plan-types';
import { DEMO_METHOD } from './wire-facts';

/** The Service port a call names. */
export interface CallTarget {
  namespace: string;
  service: string;
  port: number;
}

function unknownEndpoint(namespace: string): Endpoint {
  const pod = { name: 'unknown', node: 'unknown', ip: '' };
  return {
    namespace,
    workload: 'unknown',
    app: 'unknown',
    version: 'unknown',
    serviceAccount: 'unknown',
    dataplane: 'none',
    pod,
  };
}

function stopBranch(share: number, target: Target | null, waypoint: WaypointNode | null, stop: Stop): Branch {
  return {
    share,
    target,
    waypoint,
    mtls: false,
    stop,
    delayMs: 0,
    flags: '-',
    retries: null,
    timeoutMs: null,
  };
}

/** Spreads a stop over the endpoints it was meant for (or the unknown destination when there are none). */
function stopOver(
  targets: Target[],
  share: number,
  waypoint: WaypointNode | null,
  stop: Stop,
  mtls: boolean,
): Branch[] {
  if (targets.length === 0) return [stopBranch(share, null, waypoint, stop)];
  return targets.map((t) => ({ ...stopBranch(share * t.share, t, waypoint, stop), mtls }));
}

function waypointOf(service: ServiceNode, caller: PodGroup | null): WaypointNode | null {
  const rule = CLIENT_TRAITS[caller?.client ?? 'outside'].waypoint;
  const uses = rule === 'always' || (rule === 'ingress-label' && service.ingressUsesWaypoint);
  return uses ? service.waypoint : null;
}

interface Context {
  index: MeshIndex;
  caller: PodGroup | null;
  service: ServiceNode;
  port: ServicePortNode;
  waypoint: WaypointNode | null;
}

/** The branches of the requests of one variant. */
function planVariant(ctx: Context, variant: Variant): Branch[] {
  const { index, caller, service, port, waypoint } = ctx;
  const traits = CLIENT_TRAITS[caller?.client ?? 'outside'];
  const all = index.targets(service, null);
  if (waypoint !== null && waypoint.endpoints.length === 0)
    return stopOver(all, 1, null, { code: 503, flags: 'UH' }, false);
  const http =
    port.protocol === 'tcp'
      ? undefined
      : {
          host: `${serviceFqdn(service)}:${port.port}`,
          method: DEMO_METHOD,
          path: variant.path,
          headers: variant.headers,
        };
  const hop: Hop = {
    caller,
    callerInMesh: traits.inMesh,
    waypoint,
    envoyInFront: waypoint !== null || traits.envoy,
    targetPort: port.targetPort,
    http,
  };
  const l7 = http !== undefined && (waypoint !== null || traits.routesAtClient);
  const source =
    waypoint !== null || caller === null
      ? null
      : { labels: caller.workload.labels, namespace: caller.workload.namespace };
  const request = {
    service,
    port: port.port,
    method: DEMO_METHOD,
    path: variant.path,
    headers: variant.headers,
    source,
  };
  const route: RouteDecision | null = l7 ? index.route(request) : null;
  if (route?.kind === 'no-route') return stopOver(all, 1, waypoint, { code: 404, flags: 'NR' }, true);
  const refused = waypoint === null ? null : checkWaypoint(index, hop, waypoint, service);
  const destinations = route?.destinations ?? [
    { service, subsetLabels: null, missingSubset: false, share: 1 },
  ];
  const branches: Branch[] = [];
  for (const destination of destinations) {
    const node = index.service(destination.service.namespace, destination.service.name);
    if (node === undefined) {
      branches.push(stopBranch(destination.share, null, waypoint, { code: 503, flags: 'NR' }));
      continue;
    }
    const targets = destination.missingSubset ? [] : index.targets(node, destination.subsetLabels);
    if (refused !== null || targets.length === 0) {
      const stop = refused ?? { code: 503, flags: destination.missingSubset ? 'NC' : 'UH' };
      branches.push(
        ...stopOver(refused ? targets : [], destination.share, waypoint, stop, waypoint !== null),
      );
      continue;
    }
    for (const target of targets)
      branches.push(...forwarded(ctx, hop, route, target, destination.share * target.share));
  }
  return branches;
}

/** Requests forwarded to one target: fault abort, fault delay, then the destination's checks. */
function forwarded(
  ctx: Context,
  hop: Hop,
  route: RouteDecision | null,
  target: Target,
  share: number,
): Branch[] {
  const { abort, delay } = route?.fault ?? {};
  const workloadWaypoint =
    hop.waypoint === null && hop.caller?.client === 'ztunnel' ? target.group.workload.waypoint : null;
  const via = hop.waypoint ?? workloadWaypoint;
  const branches: Branch[] = [];
  const abortShare = abort?.share ?? 0;
  if (abortShare > 0 && abort) {
    branches.push({
      ...stopBranch(share * abortShare, target, via, { code: abort.httpStatus, flags: 'FI' }),
      mtls: true,
    });
  }
  const rest = share * (1 - abortShare);
  if (rest <= 0) return branches;
  const wpStop =
    workloadWaypoint === null
      ? null
      : workloadWaypoint.endpoints.length === 0
        ? { code: hop.http ? 503 : 0, flags: 'UH' }
        : checkWaypoint(ctx.index, { ...hop, waypoint: null }, workloadWaypoint, undefined);
  const checked = wpStop
    ? { stop: wpStop, mtls: true }
    : checkDestination(
        ctx.index,
        { ...hop, waypoint: via, envoyInFront: hop.envoyInFront || via !== null },
        target,
      );
  const base = {
    target,
    waypoint: via,
    mtls: checked.mtls,
    stop: checked.stop,
    retries: route?.retries ?? null,
    timeoutMs: route?.timeoutMs ?? null,
  };
  const delayShare = checked.stop === null ? (delay?.share ?? 0) : 0;
  if (delayShare > 0 && delay)
    branches.push({ ...base, share: rest * delayShare, delayMs: delay.delayMs, flags: 'DI' });
  if (delayShare < 1) branches.push({ ...base, share: rest * (1 - delayShare), delayMs: 0, flags: '-' });
  return branches;
}

/** The plan of calls from `caller` (null: outside the cluster) to a Service port, for these request variants. */
export function planCall(
  index: MeshIndex,
  caller: PodGroup | null,
  to: CallTarget,
  variants: readonly Variant[],
): CallPlan {
  const service = index.service(to.namespace, to.service);
  const unknown = unknownEndpoint(to.namespace);
  if (service === undefined) {
    const flowService = {
      namespace: to.namespace,
      name: to.service,
      port: to.port,
      protocol: 'http' as const,
    };
    const stop = { code: 503, flags: 'NR' };
    return {
      service: flowService,
      unknown,
      variants: variants.map((variant) => ({ variant, branches: [stopBranch(1, null, null, stop)] })),
    };
  }
  const port = service.ports.find((p) => p.port === to.port) ?? {
    name: '',
    port: to.port,
    targetPort: to.port,
    protocol: 'http' as const,
  };
  const ctx: Context = { index, caller, service, port, waypoint: waypointOf(service, caller) };
  return {
    service: { namespace: service.namespace, name: service.name, port: port.port, protocol: port.protocol },
    unknown,
    variants: variants.map((variant) => ({ variant, branches: planVariant(ctx, variant) })),
  };
}
