/**
 * Small helpers shared by the posture actions: the objects they propose (a copy of the live object with labels
 * changed), how a pod's data plane is predicted under other labels, and the words their effects are written in.
 * Pure.
 */
import { dataplaneOf, ISTIO_KEYS, type Dataplane } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import type { JsonObject } from '@/lib/write/types';
import type { ActionObjects, ActionTraffic, MeshAction } from './actions-types';
import type { PolicyRow } from './detail-types';
import { isApplicationWorkload } from './view-inputs';

/** Label changes: a value sets the label, null removes it. */
export type LabelChanges = Readonly<Record<string, string | null>>;

/** "1 pod", "3 pods"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "api", "api and postgres", "a, b, c and 4 more" (at most `max` names). */
export function listText(names: readonly string[], max = 5): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Requests per second as the pages print them: "5 rps", "0.25 rps", "<0.01 rps". */
export function rateText(rps: number): string {
  if (!(rps > 0)) return '0 rps';
  if (rps < 0.01) return '<0.01 rps';
  const digits = rps < 10 ? 2 : rps < 100 ? 1 : 0;
  return `${Number(rps.toFixed(digits))} rps`;
}

/** A deep copy of a Kubernetes object as plain JSON (the object the write path receives). */
export function copyObject(object: KubeObject): JsonObject {
  return JSON.parse(JSON.stringify(object)) as JsonObject;
}

function changeLabels(
  labels: Record<string, string> | undefined,
  changes: LabelChanges,
): Record<string, string> {
  const out: Record<string, string> = { ...labels };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** A copy of the object with its `metadata.labels` changed. */
export function withLabels(object: KubeObject, changes: LabelChanges): JsonObject {
  const copy = copyObject(object);
  const metadata = copy['metadata'] as { labels?: Record<string, string> };
  metadata.labels = changeLabels(metadata.labels, changes);
  return copy;
}

/** A copy of a Deployment (or any pod-template owner) with its pod template's labels changed. */
export function withTemplateLabels(owner: KubeObject, changes: LabelChanges): JsonObject {
  const copy = copyObject(owner);
  const spec = (copy['spec'] ?? {}) as { template?: { metadata?: { labels?: Record<string, string> } } };
  const template = (spec.template ??= {});
  const metadata = (template.metadata ??= {});
  metadata.labels = changeLabels(metadata.labels, changes);
  copy['spec'] = spec;
  return copy;
}

/** The object as the cluster would hold it with these label changes (for the predictions below). */
export function relabelled(object: KubeObject, changes: LabelChanges): KubeObject {
  return withLabels(object, changes) as unknown as KubeObject;
}

/**
 * The data plane a pod would have under these labels. istio-cni's redirection annotation says what is, not what
 * will be, so it is left out: the labels decide (and a sidecar or hostNetwork pod stays what it is).
 */
export function predictedDataplane(pod: KubeObject, namespace: KubeObject | undefined): Dataplane {
  const annotations = { ...pod.metadata.annotations };
  delete annotations[ISTIO_KEYS.redirection];
  return dataplaneOf({ ...pod, metadata: { ...pod.metadata, annotations } }, namespace).dataplane;
}

/** The current data plane of a pod (the redirection annotation first). */
export function currentDataplane(pod: KubeObject, namespace: KubeObject | undefined): Dataplane {
  return dataplaneOf(pod, namespace).dataplane;
}

/** The `resourceVersion` to condition the write on, when the object exists. */
export function baseOf(live: KubeObject | undefined): Pick<MeshAction, 'baseResourceVersion'> {
  const version = live?.metadata.resourceVersion;
  return version === undefined ? {} : { baseResourceVersion: version };
}

/** The namespace of a graph node id (`workload:payments/api-v1` -> `payments`); `''` for `unknown`, hosts. */
export function namespaceOfNode(id: string): string {
  return /^[a-z]+:([^/]+)\//.exec(id)?.[1] ?? '';
}

/** The inbound rate of these workloads, as words ("5 rps"); undefined when unknown or nothing came in. */
export function inboundOf(names: readonly string[], traffic: ActionTraffic): string | undefined {
  if (traffic.inbound === null) return undefined;
  const sum = names.reduce((total, name) => total + (traffic.inbound?.get(name) ?? 0), 0);
  return sum > 0 ? rateText(sum) : undefined;
}

/** The AuthorizationPolicies ztunnel or a waypoint enforces, as `namespace/name`. */
function meshEnforced(policies: readonly PolicyRow[]): string[] {
  return policies
    .filter((p) => p.kind === 'AuthorizationPolicy')
    .filter((p) => p.enforcedAt.includes('ztunnel') || p.enforcedAt.includes('waypoint'))
    .map((p) => `${p.namespace}/${p.name}`);
}

/** A warning naming the AuthorizationPolicies that stop being enforced for `whom`, if any. */
export function stopsEnforcing(traffic: ActionTraffic, whom: string): string[] {
  const names = meshEnforced(traffic.policies);
  if (names.length === 0) return [];
  return [
    `${plural(names.length, 'AuthorizationPolicy', 'AuthorizationPolicies')} ${names.length === 1 ? 'stops' : 'stop'} being enforced for ${whom}: ${listText(names)}`,
  ];
}

/** The AuthorizationPolicies of the page enforced at `where`, as `namespace/name`. */
export function enforcedAt(traffic: ActionTraffic, where: 'ztunnel' | 'waypoint'): string[] {
  return traffic.policies
    .filter((p) => p.kind === 'AuthorizationPolicy' && p.enforcedAt.includes(where))
    .map((p) => `${p.namespace}/${p.name}`);
}

/** True when ztunnel captures some application pod of the namespace. */
export function isCaptured(objects: ActionObjects): boolean {
  return objects.workloads
    .filter(isApplicationWorkload)
    .some((w) => w.pods.some((p) => currentDataplane(p, objects.namespace) === 'ambient'));
}
