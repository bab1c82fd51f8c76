/**
 * Set a namespace's PeerAuthentication mode: the namespace-wide policy (no selector) gets `spec.mtls.mode`, or a
 * `default` one is created. For STRICT the plaintext edges into the namespace that would break come first, from
 * the mTLS view's traffic; for PERMISSIVE and DISABLE, what becomes accepted (docs/istio-ambient.md,
 * "PeerAuthentication": in ambient, mesh traffic is always mTLS and the two behave the same). Pure.
 */
import {
  effectivePeerAuthentication,
  type EffectivePeerAuthentication,
  type LabelSelector,
} from '@/lib/istio';
import { isEmptySelector } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';
import type { JsonObject } from '@/lib/write/types';
import type { ActionObjects, ActionTraffic, MeshAction } from './actions-types';
import {
  baseOf,
  copyObject,
  currentDataplane,
  listText,
  namespaceOfNode,
  plural,
  rateText,
} from './actions-words';
import { isApplicationWorkload } from './view-inputs';
import type { EffectiveMode, PlaintextEdge } from './views-types';

function selectorOf(policy: KubeObject): LabelSelector | undefined {
  return (policy.spec as { selector?: LabelSelector } | undefined)?.selector;
}

function created(policy: KubeObject): string {
  return policy.metadata.creationTimestamp ?? '';
}

/** The namespace-wide policies, oldest first (Istio's tie-break: the oldest decides). */
function namespaceWide(objects: ActionObjects, namespace: string): KubeObject[] {
  return objects.peerAuthentications
    .filter((p) => p.metadata.namespace === namespace && isEmptySelector(selectorOf(p)))
    .sort((a, b) =>
      created(a) < created(b)
        ? -1
        : created(a) > created(b)
          ? 1
          : a.metadata.name.localeCompare(b.metadata.name),
    );
}

/** The policy with the mode set: the live one changed, or a new `default`. */
function proposedPolicy(live: KubeObject | undefined, namespace: string, mode: EffectiveMode): JsonObject {
  if (live === undefined) {
    return {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace },
      spec: { mtls: { mode } },
    };
  }
  const copy = copyObject(live);
  const spec = (copy['spec'] ?? {}) as { mtls?: { mode?: string } };
  spec.mtls = { ...spec.mtls, mode };
  copy['spec'] = spec;
  return copy;
}

/** The plaintext part of an edge: "2 rps", or bytes per second for a TCP edge. */
function edgeRate(edge: PlaintextEdge): string {
  if (edge.requestsPerSecond > 0) return rateText(edge.requestsPerSecond * edge.plaintextShare);
  const bytes = (edge.bytesPerSecond ?? 0) * edge.plaintextShare;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB/s` : `${Math.round(bytes)} B/s`;
}

function edgeText(edge: PlaintextEdge): string {
  return `${edge.sender} → ${edge.receiver}, ${edgeRate(edge)} plaintext`;
}

function strictEffects(
  namespace: string,
  into: readonly PlaintextEdge[] | null,
): { effect: string[]; warnings: string[] } {
  const breaking = (into ?? []).filter((e) => e.outcome !== 'refused');
  const effect = breaking.map((e) => `Breaks: ${edgeText(e)} will be refused`);
  const warnings: string[] = [];
  if (into === null) {
    warnings.push(
      `Plaintext into ${namespace} is unknown (metrics unavailable): clients outside the mesh may break`,
    );
  } else if (breaking.length > 0) {
    warnings.push(
      `${plural(breaking.length, 'plaintext edge')} into ${namespace} seen in the window will break`,
    );
  } else {
    effect.push(`No plaintext into ${namespace} was seen in the window: nothing observed breaks`);
  }
  effect.push(
    'Plaintext from clients outside the mesh will be refused; mesh traffic (HBONE) is mTLS already and is unchanged',
  );
  return { effect, warnings };
}

function openEffects(
  mode: EffectiveMode,
  into: readonly PlaintextEdge[] | null,
  pods: { ambient: number; sidecar: number },
): string[] {
  const refused = (into ?? []).filter((e) => e.outcome !== 'accepted');
  const effect = refused.map(
    (e) => `Accepted from now: ${e.sender} → ${e.receiver} (${edgeRate(e)} refused in the window)`,
  );
  effect.push('Plaintext from clients outside the mesh will be accepted');
  if (pods.ambient > 0) {
    effect.push(
      mode === 'DISABLE'
        ? 'In ambient, DISABLE behaves as PERMISSIVE: ztunnel keeps mTLS between mesh workloads; to turn mTLS off, take the namespace out of ambient'
        : 'Mesh traffic to captured pods stays mTLS (HBONE)',
    );
  }
  if (pods.sidecar > 0) {
    effect.push(
      mode === 'DISABLE'
        ? `${plural(pods.sidecar, 'sidecar pod')} will take plaintext only: their clients' sidecars stop using mTLS to them`
        : `${plural(pods.sidecar, 'sidecar pod')} accept both: their mesh clients keep using mTLS`,
    );
  }
  return effect;
}

/** Where a mode comes from: "by default", "mesh policy istio-system/default". */
function sourceText(mode: EffectivePeerAuthentication): string {
  if (mode.source === undefined) return 'by default';
  return `${mode.level} policy ${mode.source.namespace}/${mode.source.name}`;
}

/** Set the namespace's PeerAuthentication mode. */
export function setPeerAuthentication(
  objects: ActionObjects,
  mode: EffectiveMode,
  traffic: ActionTraffic,
): MeshAction {
  const namespace = objects.namespace.metadata.name;
  const wide = namespaceWide(objects, namespace);
  const live = wide[0];
  const object = proposedPolicy(live, namespace, mode);
  const before = effectivePeerAuthentication(objects.peerAuthentications, { namespace, labels: {} });
  const into =
    traffic.plaintext === null
      ? null
      : traffic.plaintext.filter((e) => namespaceOfNode(e.target) === namespace);
  const pods = objects.workloads.filter(isApplicationWorkload).flatMap((w) => w.pods);
  const count = (plane: string): number =>
    pods.filter((p) => currentDataplane(p, objects.namespace) === plane).length;
  const inMesh = { ambient: count('ambient'), sidecar: count('sidecar') };
  const { effect, warnings } =
    mode === 'STRICT'
      ? strictEffects(namespace, into)
      : { effect: openEffects(mode, into, inMesh), warnings: [] };
  const name = live?.metadata.name ?? 'default';
  const policy = `namespace policy ${namespace}/${name}`;
  effect.push(
    before.mode === mode
      ? `${namespace} is ${mode} already (${sourceText(before)}); this sets it in ${policy}`
      : `${namespace} goes from ${before.mode} (${sourceText(before)}) to ${mode} (${policy})`,
  );
  if (before.level === 'namespace' && before.mode === mode)
    warnings.unshift(`${namespace} is ${mode} already: nothing changes`);
  if (wide.length > 1) {
    warnings.push(
      `${namespace} has ${wide.length} namespace-wide PeerAuthentications; the oldest (${name}) decides and is the one changed`,
    );
  }
  const workloadLevel = objects.peerAuthentications
    .filter((p) => p.metadata.namespace === namespace && !isEmptySelector(selectorOf(p)))
    .map((p) => p.metadata.name);
  if (workloadLevel.length > 0) {
    warnings.push(`Workload-level PeerAuthentications keep their own modes: ${listText(workloadLevel)}`);
  }
  if (inMesh.ambient + inMesh.sidecar === 0)
    warnings.push(`No pod of ${namespace} is in the mesh: the mode has no effect until one is`);
  return {
    action: 'set-peerauthentication',
    title: `Set the PeerAuthentication of ${namespace} to ${mode}`,
    kind: 'PeerAuthentication',
    namespace,
    name,
    object,
    ...baseOf(live),
    effect,
    warnings,
  };
}
