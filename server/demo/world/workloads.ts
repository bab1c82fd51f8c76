/**
 * Deployments (with their ReplicaSet and pods) and DaemonSets (with a pod per node), with the status their
 * controllers would report once everything is running.
 */
import type { Random } from '@/lib/random';
import type { Built, Json, OwnerRef } from './json';
import { KEYS, WORLD_TIME } from './labels';
import { podName, podTemplateHash, randomSuffix } from './names';
import { type NodeSlot, leastLoaded } from './nodes';
import { type PodTemplate, buildPod, templateObject } from './pods';

/** A Deployment or DaemonSet to build. */
export interface WorkloadSpec {
  namespace: string;
  name: string;
  /** Labels of the Deployment/DaemonSet object itself (the pod template's by default). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** `spec.selector.matchLabels`; by default the template's `app` and `version` labels (or all its labels). */
  selector?: Record<string, string>;
  template: PodTemplate;
  /** Deployments only; 1 by default. */
  replicas?: number;
  ownerReferences?: OwnerRef[];
}

/** What building pods needs: the random source for names, the nodes to place on, and the namespace's labels. */
export interface BuildContext {
  random: Random;
  slots: NodeSlot[];
  namespaceLabels: Readonly<Record<string, string>> | undefined;
  time?: string;
}

function defaultSelector(labels: Record<string, string>): Record<string, string> {
  const picked = Object.fromEntries(Object.entries(labels).filter(([k]) => k === 'app' || k === 'version'));
  return Object.keys(picked).length > 0 ? picked : { ...labels };
}

function ownerRef(apiVersion: string, kind: string, name: string): OwnerRef {
  return { apiVersion, kind, name, uid: '', controller: true, blockOwnerDeletion: true };
}

function metadataOf(spec: WorkloadSpec): Built['metadata'] {
  return {
    name: spec.name,
    namespace: spec.namespace,
    labels: spec.labels ?? { ...spec.template.labels },
    ...(spec.annotations && { annotations: spec.annotations }),
    ...(spec.ownerReferences && { ownerReferences: spec.ownerReferences }),
  };
}

function place(ctx: BuildContext): NodeSlot {
  const slot = leastLoaded(ctx.slots);
  if (!slot) throw new Error('the cluster has no node to place a pod on');
  return slot;
}

/** A Deployment, its ReplicaSet and its running pods, in that order. */
export function deploymentObjects(spec: WorkloadSpec, ctx: BuildContext): Built[] {
  const replicas = spec.replicas ?? 1;
  const selector = spec.selector ?? defaultSelector(spec.template.labels);
  const hash = podTemplateHash(ctx.random);
  const rsName = `${spec.name}-${hash}`;
  const template = templateObject(spec.template);
  const ready = { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 };
  const time = ctx.time ?? WORLD_TIME;
  const condition = (type: string, reason: string, message: string): Json => ({
    type,
    status: 'True',
    reason,
    message,
    lastUpdateTime: time,
    lastTransitionTime: time,
  });
  const deployment: Built = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...metadataOf(spec),
      annotations: { 'deployment.kubernetes.io/revision': '1', ...spec.annotations },
    },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    },
    status: {
      ...ready,
      updatedReplicas: replicas,
      conditions: [
        condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
        condition(
          'Progressing',
          'NewReplicaSetAvailable',
          `ReplicaSet "${rsName}" has successfully progressed.`,
        ),
      ],
    },
  };
  const templateLabels = { ...spec.template.labels, [KEYS.podTemplateHash]: hash };
  const replicaSet: Built = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: spec.namespace,
      labels: templateLabels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [ownerRef('apps/v1', 'Deployment', spec.name)],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...selector, [KEYS.podTemplateHash]: hash } },
      template: { ...template, metadata: { ...(template['metadata'] as Json), labels: templateLabels } },
    },
    status: { ...ready, fullyLabeledReplicas: replicas },
  };
  const pods = Array.from({ length: replicas }, () =>
    buildPod(spec.template, {
      namespace: spec.namespace,
      name: podName(rsName, ctx.random),
      owner: ownerRef('apps/v1', 'ReplicaSet', rsName),
      extraLabels: { [KEYS.podTemplateHash]: hash },
      node: place(ctx),
      namespaceLabels: ctx.namespaceLabels,
      time: ctx.time,
    }),
  );
  return [deployment, replicaSet, ...pods];
}

/** A DaemonSet and one running pod on every node, in that order. */
export function daemonSetObjects(spec: WorkloadSpec, ctx: BuildContext): Built[] {
  const count = ctx.slots.length;
  const revision = randomSuffix(ctx.random, 10);
  const daemonSet: Built = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { ...metadataOf(spec), annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: spec.selector ?? defaultSelector(spec.template.labels) },
      template: templateObject(spec.template),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
    status: {
      desiredNumberScheduled: count,
      currentNumberScheduled: count,
      numberReady: count,
      numberAvailable: count,
      updatedNumberScheduled: count,
      numberMisscheduled: 0,
      observedGeneration: 1,
    },
  };
  const pods = ctx.slots.map((node) =>
    buildPod(spec.template, {
      namespace: spec.namespace,
      name: podName(spec.name, ctx.random),
      owner: ownerRef('apps/v1', 'DaemonSet', spec.name),
      extraLabels: { [KEYS.controllerRevisionHash]: revision, 'pod-template-generation': '1' },
      node,
      namespaceLabels: ctx.namespaceLabels,
      time: ctx.time,
    }),
  );
  return [daemonSet, ...pods];
}
