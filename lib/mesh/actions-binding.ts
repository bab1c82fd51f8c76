/**
 * Bind a namespace or a Service to a waypoint (`istio.io/use-waypoint`, with `istio.io/use-waypoint-namespace`
 * when the waypoint lives elsewhere), or unbind it (both labels go). The effect names what starts or stops passing
 * through the waypoint, with rates, from the effective waypoints before and after (`actions-resolution.ts`). Pure.
 */
import { ISTIO_KEYS } from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type {
  ActionObjects,
  ActionTraffic,
  ActionUnavailable,
  BindingTarget,
  MeshAction,
} from './actions-types';
import {
  resolveChanges,
  waypointKey,
  withRate,
  L7_FEATURES,
  type ResolutionChange,
} from './actions-resolution';
import {
  baseOf,
  enforcedAt,
  isCaptured,
  listText,
  relabelled,
  withLabels,
  type LabelChanges,
} from './actions-words';
import { conditionHolds } from './kube-facts';
import type { WaypointName } from './views-types';

const USE = ISTIO_KEYS.useWaypoint;
const USE_NS = ISTIO_KEYS.useWaypointNamespace;

interface Target {
  object: KubeObject;
  kind: 'Namespace' | 'Service';
  /** "namespace payments", "Service payments/api". */
  words: string;
}

function targetOf(objects: ActionObjects, target: BindingTarget): Target | ActionUnavailable {
  const namespace = objects.namespace.metadata.name;
  if (target.kind === 'namespace')
    return { object: objects.namespace, kind: 'Namespace', words: `namespace ${namespace}` };
  const service = objects.services.find((s) => s.metadata.name === target.name);
  if (!service) return { unavailable: `${namespace} has no Service ${target.name}` };
  return { object: service, kind: 'Service', words: `Service ${namespace}/${target.name}` };
}

function isUnavailable(value: Target | ActionUnavailable): value is ActionUnavailable {
  return 'unavailable' in value;
}

function proposedFor(
  target: Target,
  changes: LabelChanges,
): { namespace?: KubeObject; service?: KubeObject } {
  const next = relabelled(target.object, changes);
  return target.kind === 'Namespace' ? { namespace: next } : { service: next };
}

function names(changes: readonly ResolutionChange[], kind: ResolutionChange['kind']): string[] {
  return changes.filter((c) => c.kind === kind).map(withRate);
}

function action(
  kind: 'bind-waypoint' | 'unbind-waypoint',
  title: string,
  target: Target,
  changes: LabelChanges,
  effect: string[],
  warnings: string[],
): MeshAction {
  const namespace =
    target.kind === 'Namespace' ? target.object.metadata.name : (target.object.metadata.namespace ?? '');
  return {
    action: kind,
    title,
    kind: target.kind,
    namespace,
    name: target.object.metadata.name,
    object: withLabels(target.object, changes),
    ...baseOf(target.object),
    effect,
    warnings,
  };
}

/** What starts passing through the waypoint `key`, what it ignores, and what keeps its own label. */
function bindEffects(resolved: readonly ResolutionChange[], key: string): string[] {
  const starts = resolved.filter((c) => waypointKey(c.after) === key && waypointKey(c.before) !== key);
  const services = starts.filter((c) => c.kind === 'service');
  const workloads = starts.filter((c) => c.kind === 'workload');
  const effect: string[] = [];
  if (services.length > 0) {
    const noun = services.length === 1 ? 'Service' : 'Services';
    effect.push(`${noun} ${listText(services.map(withRate))} will pass through waypoint ${key}`);
  }
  if (workloads.length > 0) {
    effect.push(
      `Traffic addressed to the pods of ${listText(workloads.map(withRate))} will pass through waypoint ${key}`,
    );
  }
  if (starts.length === 0) effect.push(`Nothing new will pass through waypoint ${key}`);
  const l7 = [...services.filter((c) => !c.tcpOnly), ...workloads].map((c) => c.name);
  if (l7.length > 0) effect.push(`L7 becomes available for ${listText(l7)}: ${L7_FEATURES}`);
  const tcp = services.filter((c) => c.tcpOnly).map((c) => c.name);
  if (tcp.length > 0) {
    const them = tcp.length === 1 ? 'it' : 'them';
    effect.push(
      `${listText(tcp)}: TCP only, so the waypoint carries ${them} at L4 (identity and port rules), no L7`,
    );
  }
  // A workload inheriting a service-only waypoint is silently not served by it (docs/istio-ambient.md).
  const ignored = resolved.filter(
    (c) => c.after.status === 'wrong-traffic-type' && c.before.status !== 'wrong-traffic-type',
  );
  for (const kind of ['service', 'workload'] as const) {
    const of = ignored.filter((c) => c.kind === kind);
    const first = of[0];
    if (first === undefined) continue;
    const what =
      kind === 'service'
        ? `Traffic to ${listText(of.map((c) => c.name))}`
        : `Traffic addressed straight to the pods of ${listText(of.map((c) => c.name))}`;
    effect.push(
      `${what} does not pass through it: ${first.after.reason.replace(/^ignored: this waypoint/, key)}`,
    );
  }
  const own = resolved.filter(
    (c) =>
      c.kind === 'service' &&
      c.before.from === 'object' &&
      c.after.from === 'object' &&
      waypointKey(c.after) !== key,
  );
  if (own.length > 0) {
    const keeps = own.length === 1 ? 'keeps its' : 'keep their';
    effect.push(`${listText(own.map((c) => c.name))} ${keeps} own ${USE} label`);
  }
  return effect;
}

/** Bind a namespace or one of its Services to a waypoint. */
export function bindWaypoint(
  objects: ActionObjects,
  request: BindingTarget,
  waypoint: WaypointName,
  traffic: ActionTraffic,
): MeshAction | ActionUnavailable {
  if (waypoint.name === '') return { unavailable: 'No waypoint exists yet: create one first' };
  const target = targetOf(objects, request);
  if (isUnavailable(target)) return target;
  const namespace = objects.namespace.metadata.name;
  const key = `${waypoint.namespace}/${waypoint.name}`;
  const labels: LabelChanges = {
    [USE]: waypoint.name,
    [USE_NS]: waypoint.namespace === namespace ? null : waypoint.namespace,
  };
  const resolved = resolveChanges(objects, proposedFor(target, labels), traffic, target.kind === 'Namespace');
  const warnings: string[] = [];
  const current = labelOf(target.object, USE);
  const currentNs = labelOf(target.object, USE_NS) ?? namespace;
  if (current === waypoint.name && currentNs === waypoint.namespace) {
    warnings.push(`${target.words} is bound to ${key} already: nothing changes`);
  } else if (current !== undefined) {
    warnings.push(`Replaces ${USE}=${current}${currentNs !== namespace ? ` (namespace ${currentNs})` : ''}`);
  }
  const gateway = objects.gateways.find(
    (g) => g.metadata.namespace === waypoint.namespace && g.metadata.name === waypoint.name,
  );
  if (!gateway)
    warnings.push(`There is no waypoint ${key}: what is bound to it is not served until it exists`);
  else if (!conditionHolds(gateway, 'Programmed')) {
    warnings.push(`Waypoint ${key} is not Programmed yet: what is bound to it is not served until it is`);
  }
  if (!isCaptured(objects)) {
    warnings.push(
      `No pod of ${namespace} is captured by ztunnel: nothing passes through a waypoint until ${namespace} is in ambient`,
    );
  }
  const atZtunnel = enforcedAt(traffic, 'ztunnel');
  const starts = resolved.some((c) => waypointKey(c.after) === key && waypointKey(c.before) !== key);
  if (starts && atZtunnel.length > 0) {
    warnings.push(
      `${listText(atZtunnel)} (enforced by ztunnel) will see the waypoint's identity instead of the callers': bind rules about callers to the waypoint with targetRefs`,
    );
  }
  const effect = bindEffects(resolved, key);
  return action('bind-waypoint', `Bind ${target.words} to waypoint ${key}`, target, labels, effect, warnings);
}

/** Unbind a namespace or one of its Services: its `istio.io/use-waypoint` (and `-namespace`) labels go. */
export function unbindWaypoint(
  objects: ActionObjects,
  request: BindingTarget,
  traffic: ActionTraffic,
): MeshAction | ActionUnavailable {
  const target = targetOf(objects, request);
  if (isUnavailable(target)) return target;
  const namespace = objects.namespace.metadata.name;
  const labels: LabelChanges = { [USE]: null, [USE_NS]: null };
  const resolved = resolveChanges(objects, proposedFor(target, labels), traffic, target.kind === 'Namespace');
  const stops = resolved.filter(
    (c) => waypointKey(c.before) !== undefined && waypointKey(c.before) !== waypointKey(c.after),
  );
  const effect: string[] = [];
  const byWaypoint = new Map<string, ResolutionChange[]>();
  for (const c of stops)
    byWaypoint.set(waypointKey(c.before) ?? '', [...(byWaypoint.get(waypointKey(c.before) ?? '') ?? []), c]);
  for (const [key, changes] of byWaypoint) {
    const services = names(changes, 'service');
    const workloads = names(changes, 'workload');
    const what = [
      ...(services.length > 0
        ? [`${services.length === 1 ? 'Service' : 'Services'} ${listText(services)}`]
        : []),
      ...(workloads.length > 0 ? [`the pods of ${listText(workloads)}`] : []),
    ].join(' and ');
    effect.push(
      `${what} will no longer pass through waypoint ${key}: ztunnel carries the traffic at L4 (mTLS and L4 policy stay)`,
    );
  }
  if (stops.length > 0) effect.push(`L7 stops for ${listText(stops.map((c) => c.name))}: ${L7_FEATURES}`);
  else effect.push('Nothing stops passing through a waypoint');
  for (const c of stops.filter((c) => c.after.waypoint !== null))
    effect.push(`${c.name} falls back to waypoint ${waypointKey(c.after) ?? ''} (${c.after.reason})`);
  const warnings: string[] = [];
  if (labelOf(target.object, USE) === undefined)
    warnings.push(`${target.words} has no ${USE} label: nothing changes`);
  const atWaypoint = enforcedAt(traffic, 'waypoint');
  if (stops.length > 0 && atWaypoint.length > 0) {
    warnings.push(
      `AuthorizationPolicies enforced at the waypoint stop applying (what they deny gets through): ${listText(atWaypoint)}`,
    );
  }
  if (target.kind === 'Service' && labelOf(objects.namespace, USE) !== undefined) {
    warnings.push(
      `The namespace's ${USE}=${labelOf(objects.namespace, USE) ?? ''} applies to it again; label it ${USE}=none to opt it out`,
    );
  }
  const bound = labelOf(target.object, USE);
  const from =
    bound === undefined ? 'its waypoint' : `waypoint ${labelOf(target.object, USE_NS) ?? namespace}/${bound}`;
  return action('unbind-waypoint', `Unbind ${target.words} from ${from}`, target, labels, effect, warnings);
}
