/**
 * The namespace enrollment actions: enroll a namespace in ambient, or remove it. Each proposes the Namespace with
 * `istio.io/dataplane-mode` changed and says what happens to its pods, predicted with `dataplaneOf` under the new
 * labels (docs/istio-ambient.md, "Precedence"). Pure.
 */
import { effectivePeerAuthentication, ISTIO_KEYS } from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { ActionObjects, ActionTraffic, MeshAction } from './actions-types';
import {
  baseOf,
  currentDataplane,
  inboundOf,
  listText,
  namespaceOfNode,
  plural,
  predictedDataplane,
  rateText,
  relabelled,
  stopsEnforcing,
  withLabels,
} from './actions-words';
import { isApplicationWorkload, type WorkloadGroup } from './view-inputs';

const MODE = ISTIO_KEYS.dataplaneMode;
const INJECTION_LABELS = ['istio-injection', 'istio.io/rev'] as const;

function applicationWorkloads(objects: ActionObjects): WorkloadGroup[] {
  return objects.workloads.filter(isApplicationWorkload);
}

function injectionWarning(namespace: KubeObject): string[] {
  const label = INJECTION_LABELS.find((key) => {
    const value = labelOf(namespace, key);
    return value !== undefined && value !== 'disabled';
  });
  if (label === undefined) return [];
  const shown = `${label}=${labelOf(namespace, label) ?? ''}`;
  return [
    `Sidecar injection stays on (${shown}): pods started later still get sidecars and are not captured; remove the label to move ${namespace.metadata.name} to ambient`,
  ];
}

/** Under STRICT, once captured, the plaintext that reaches the namespace today is refused. */
function strictWarning(objects: ActionObjects, traffic: ActionTraffic): string[] {
  const name = objects.namespace.metadata.name;
  const mode = effectivePeerAuthentication(objects.peerAuthentications, { namespace: name, labels: {} });
  if (mode.mode !== 'STRICT') return [];
  const into = (traffic.plaintext ?? []).filter((e) => namespaceOfNode(e.target) === name);
  const edges = into.map((e) => `${e.sender} → ${e.receiver} (${rateText(e.requestsPerSecond)})`);
  const seen = edges.length > 0 ? `: ${listText(edges)}` : '';
  return [`${mode.reason}: once captured, plaintext from clients outside the mesh is refused${seen}`];
}

/** Enroll a namespace in ambient: `istio.io/dataplane-mode=ambient` on the Namespace. */
export function enrollNamespace(objects: ActionObjects, traffic: ActionTraffic): MeshAction {
  const live = objects.namespace;
  const name = live.metadata.name;
  const proposed = relabelled(live, { [MODE]: 'ambient' });
  const counts = { captured: 0, already: 0, sidecar: 0, optedOut: 0, hostNetwork: 0 };
  const capturedWorkloads = new Set<string>();
  for (const workload of applicationWorkloads(objects)) {
    for (const pod of workload.pods) {
      const after = predictedDataplane(pod, proposed);
      if (currentDataplane(pod, live) === 'ambient') counts.already++;
      else if (after === 'ambient') {
        counts.captured++;
        capturedWorkloads.add(workload.name);
      } else if (after === 'sidecar') counts.sidecar++;
      else if (labelOf(pod, MODE) === 'none') counts.optedOut++;
      else counts.hostNetwork++;
    }
  }
  const effect: string[] = [];
  if (counts.captured > 0) {
    effect.push(`${plural(counts.captured, 'pod')} will be captured by ztunnel, no restarts`);
    const rate = inboundOf([...capturedWorkloads], traffic);
    effect.push(
      `${counts.captured === 1 ? 'Its' : 'Their'} traffic with other mesh workloads becomes mTLS (HBONE) with SPIFFE identities, and ztunnel enforces L4 AuthorizationPolicies${rate ? ` (${rate} inbound now)` : ''}`,
    );
  } else {
    effect.push(
      counts.already + counts.sidecar + counts.optedOut + counts.hostNetwork === 0
        ? `No pod runs in ${name} now; pods started later will be captured by ztunnel`
        : 'No pod will be captured by ztunnel',
    );
  }
  if (counts.sidecar > 0) {
    const keeps = counts.sidecar === 1 ? 'keeps its sidecar' : 'keep their sidecars';
    effect.push(`${plural(counts.sidecar, 'pod')} ${keeps} until restarted without injection`);
  }
  if (counts.optedOut > 0) {
    effect.push(
      `${plural(counts.optedOut, 'pod')} stay${counts.optedOut === 1 ? 's' : ''} out: opted out with ${MODE}=none`,
    );
  }
  if (counts.hostNetwork > 0)
    effect.push(
      `${plural(counts.hostNetwork, 'hostNetwork pod')} ${counts.hostNetwork === 1 ? 'is' : 'are'} never captured`,
    );
  if (counts.already > 0) effect.push(`${plural(counts.already, 'pod')} captured already`);
  const warnings = [
    ...(labelOf(live, MODE) === 'ambient'
      ? [`${name} is enrolled already (${MODE}=ambient): nothing changes`]
      : []),
    ...injectionWarning(live),
    ...strictWarning(objects, traffic),
  ];
  const object = withLabels(live, { [MODE]: 'ambient' });
  return {
    action: 'enroll-ambient',
    title: `Enroll ${name} in ambient`,
    kind: 'Namespace',
    namespace: name,
    name,
    object,
    ...baseOf(live),
    effect,
    warnings,
  };
}

/** Remove a namespace from ambient: the Namespace's `istio.io/dataplane-mode` label goes. */
export function removeFromAmbient(objects: ActionObjects, traffic: ActionTraffic): MeshAction {
  const live = objects.namespace;
  const name = live.metadata.name;
  const proposed = relabelled(live, { [MODE]: null });
  let leaving = 0;
  let staying = 0;
  const leavingWorkloads = new Set<string>();
  for (const workload of applicationWorkloads(objects)) {
    for (const pod of workload.pods) {
      if (currentDataplane(pod, live) !== 'ambient') continue;
      if (predictedDataplane(pod, proposed) === 'ambient') staying++;
      else {
        leaving++;
        leavingWorkloads.add(workload.name);
      }
    }
  }
  const effect: string[] = [];
  if (leaving > 0) {
    const their = leaving === 1 ? 'its' : 'their';
    effect.push(
      `${plural(leaving, 'pod')} will no longer be captured; ${their} traffic leaves the mesh: plaintext, no policy`,
    );
    const rate = inboundOf([...leavingWorkloads], traffic);
    if (rate) effect.push(`${rate} into ${listText([...leavingWorkloads])} will travel in plaintext`);
    effect.push('No restarts: istio-cni removes the redirection at once');
  } else {
    effect.push(`No pod of ${name} is captured through the namespace's label: nothing leaves the mesh`);
  }
  if (staying > 0)
    effect.push(
      `${plural(staying, 'pod')} stay${staying === 1 ? 's' : ''} captured by ${staying === 1 ? 'its' : 'their'} own ${MODE}=ambient label`,
    );
  const warnings = [
    ...(labelOf(live, MODE) === undefined ? [`${name} has no ${MODE} label: nothing to remove`] : []),
    ...(leaving > 0 ? stopsEnforcing(traffic, 'its pods') : []),
    ...(leaving > 0 && labelOf(live, ISTIO_KEYS.useWaypoint) !== undefined
      ? [
          `${ISTIO_KEYS.useWaypoint}=${labelOf(live, ISTIO_KEYS.useWaypoint) ?? ''} stays, but a waypoint serves captured pods only: its L7 policy and routing stop applying`,
        ]
      : []),
  ];
  const object = withLabels(live, { [MODE]: null });
  return {
    action: 'remove-ambient',
    title: `Remove ${name} from ambient`,
    kind: 'Namespace',
    namespace: name,
    name,
    object,
    ...baseOf(live),
    effect,
    warnings,
  };
}
