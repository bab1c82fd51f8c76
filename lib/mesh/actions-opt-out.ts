/**
 * Opt one workload out of ambient: `istio.io/dataplane-mode=none` on its Deployment's pod template, which is where
 * a pod's own label lives (docs/istio-ambient.md: `none` on a pod opts it out of an ambient namespace). Changing
 * the template rolls the pods; the new ones are not captured. Pure.
 */
import { ISTIO_KEYS, matchesSelector, type LabelSelector } from '@/lib/istio';
import type { KubeObject } from '@/lib/kube/object';
import type { ActionObjects, ActionTraffic, ActionUnavailable, MeshAction } from './actions-types';
import {
  baseOf,
  currentDataplane,
  inboundOf,
  plural,
  stopsEnforcing,
  withTemplateLabels,
} from './actions-words';
import type { WorkloadGroup } from './view-inputs';

const MODE = ISTIO_KEYS.dataplaneMode;

/** The Deployment that runs a workload: by name (as the telemetry names it), else by selector. */
function deploymentOf(objects: ActionObjects, workload: WorkloadGroup): KubeObject | undefined {
  const byName = objects.deployments.find((d) => d.metadata.name === workload.name);
  if (byName) return byName;
  const labels = workload.pods[0]?.metadata.labels ?? {};
  return objects.deployments.find((d) =>
    matchesSelector((d.spec as { selector?: LabelSelector } | undefined)?.selector, labels),
  );
}

/** Opt one workload out of ambient: `istio.io/dataplane-mode=none` on its Deployment's pod template. */
export function optOutWorkload(
  objects: ActionObjects,
  workloadName: string,
  traffic: ActionTraffic,
): MeshAction | ActionUnavailable {
  const ns = objects.namespace;
  const namespace = ns.metadata.name;
  const workload = objects.workloads.find((w) => w.name === workloadName);
  if (!workload) return { unavailable: `${namespace} has no workload ${workloadName}` };
  const deployment = deploymentOf(objects, workload);
  if (!deployment) {
    return {
      unavailable: `${namespace}/${workloadName} is not run by a Deployment: label its controller's pod template ${MODE}=none`,
    };
  }
  const template = (
    deployment.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined
  )?.template;
  const templateMode = template?.metadata?.labels?.[MODE];
  const captured = workload.pods.filter((p) => currentDataplane(p, ns) === 'ambient').length;
  const sidecars = workload.pods.filter((p) => currentDataplane(p, ns) === 'sidecar').length;
  const effect = [
    `The pod template of Deployment ${deployment.metadata.name} gets ${MODE}=none: Kubernetes replaces its ${plural(workload.pods.length, 'pod')} (a rolling restart)`,
  ];
  if (captured > 0) {
    effect.push(
      'The new pods are not captured by ztunnel: their traffic leaves the mesh: plaintext, no policy',
    );
    const rate = inboundOf([workloadName], traffic);
    if (rate) effect.push(`${rate} into ${workloadName} will travel in plaintext`);
  }
  if (sidecars > 0)
    effect.push(
      `${plural(sidecars, 'pod')} with a sidecar ${sidecars === 1 ? 'keeps it' : 'keep theirs'}: the label does not turn injection off`,
    );
  const warnings: string[] = [];
  if (templateMode === 'none') warnings.push(`${workloadName} is opted out already: nothing changes`);
  else if (captured === 0 && sidecars === 0) {
    warnings.push(
      `${workloadName} is not captured now; the label keeps it out if ${namespace} is enrolled later`,
    );
  }
  if (templateMode === 'ambient') warnings.push(`Its pod template says ${MODE}=ambient; that becomes none`);
  if (captured > 0) warnings.push(...stopsEnforcing(traffic, workloadName));
  const object = withTemplateLabels(deployment, { [MODE]: 'none' });
  return {
    action: 'opt-out',
    title: `Opt ${namespace}/${workloadName} out of ambient`,
    kind: 'Deployment',
    namespace,
    name: deployment.metadata.name,
    object,
    ...baseOf(deployment),
    effect,
    warnings,
  };
}
