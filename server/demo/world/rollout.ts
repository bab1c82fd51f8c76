/**
 * The pure part of the demo's Deployment controller: which ReplicaSet runs a Deployment's current template, the
 * `pod-template-hash` of a new one, the ReplicaSet object itself (the shape `deploymentObjects` builds), and the
 * status the Deployment and ReplicaSet controllers report once every pod runs.
 */
import type { KubeObject } from '../apiserver';
import { seededRandom } from '@/lib/random';
import { type Built, type Json, at, isJson, listAt, mapAt, stringAt } from './json';
import { KEYS } from './labels';
import { podTemplateHash } from './names';
import type { ContainerSpec, PodTemplate } from './pods';

/** Annotations the Deployment controller writes. */
export const ROLLOUT_KEYS = {
  revision: 'deployment.kubernetes.io/revision',
  desiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  maxReplicas: 'deployment.kubernetes.io/max-replicas',
} as const;

/** True when two JSON values are equal, whatever their key order (a field set to undefined counts as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  if (!isJson(a) || !isJson(b)) return false;
  const keysOf = (o: Json): string[] => Object.keys(o).filter((k) => o[k] !== undefined);
  const keys = keysOf(a);
  return keys.length === keysOf(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
}

/** JSON text with the keys of every object sorted, so that equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJson(value)) {
    const entries = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The `pod-template-hash` of a pod template: 10 characters of the generated-name alphabet, the same for equal
 * templates; `collisions` moves it on when a ReplicaSet of that name exists already (as `status.collisionCount`).
 */
export function templateHash(template: unknown, collisions = 0): string {
  return podTemplateHash(seededRandom(`${canonicalJson(template)}#${collisions}`));
}

/** A pod template without the `pod-template-hash` label its ReplicaSet adds. */
function withoutHash(template: unknown): unknown {
  if (!isJson(template) || !isJson(template['metadata'])) return template;
  const labels = { ...mapAt(template, 'metadata.labels') };
  delete labels[KEYS.podTemplateHash];
  return { ...template, metadata: { ...template['metadata'], labels } };
}

/** True when a ReplicaSet runs a Deployment's template: equal, apart from the ReplicaSet's `pod-template-hash`. */
export function runsTemplate(replicaSet: KubeObject, deployment: KubeObject): boolean {
  return sameJson(withoutHash(at(replicaSet, 'spec.template')), withoutHash(at(deployment, 'spec.template')));
}

/** `spec.replicas` of a Deployment or ReplicaSet (1 when absent, as the API server defaults it). */
export function replicasOf(object: KubeObject): number {
  const replicas = at(object, 'spec.replicas');
  return typeof replicas === 'number' && replicas >= 0 ? replicas : 1;
}

/** The `deployment.kubernetes.io/revision` of an object (0 when absent). */
export function revisionOf(object: KubeObject): number {
  const revision = Number(object.metadata.annotations?.[ROLLOUT_KEYS.revision]);
  return Number.isInteger(revision) && revision > 0 ? revision : 0;
}

/** The annotations a ReplicaSet of a Deployment carries: its revision and the Deployment's replica bounds. */
export function replicaSetAnnotations(replicas: number, revision: number): Record<string, string> {
  return {
    [ROLLOUT_KEYS.desiredReplicas]: String(replicas),
    [ROLLOUT_KEYS.maxReplicas]: String(replicas + Math.ceil(replicas / 4)),
    [ROLLOUT_KEYS.revision]: String(revision),
  };
}

/** A new ReplicaSet of a Deployment for its current template, with `pod-template-hash` `hash` and no pods yet. */
export function replicaSetFor(deployment: KubeObject, hash: string, revision: number): Built {
  const { name = '', namespace, uid = '' } = deployment.metadata;
  const replicas = replicasOf(deployment);
  const template = (at(deployment, 'spec.template') as Json | undefined) ?? {};
  const labels = { ...mapAt(template, 'metadata.labels'), [KEYS.podTemplateHash]: hash };
  const selector = (at(deployment, 'spec.selector') as Json | undefined) ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${hash}`,
      namespace,
      labels,
      annotations: replicaSetAnnotations(replicas, revision),
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name, uid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      replicas,
      selector: {
        ...selector,
        matchLabels: { ...mapAt(selector, 'matchLabels'), [KEYS.podTemplateHash]: hash },
      },
      template: { ...template, metadata: { ...(template['metadata'] as Json | undefined), labels } },
    },
    status: { replicas: 0 },
  };
}

/** A pod template object (`spec.template`) as the pod builder takes it. */
export function podTemplateOf(template: unknown): PodTemplate {
  const annotations = at(template, 'metadata.annotations');
  return {
    labels: mapAt(template, 'metadata.labels'),
    ...(isJson(annotations) && { annotations: mapAt(template, 'metadata.annotations') }),
    serviceAccount:
      stringAt(template, 'spec.serviceAccountName') ?? stringAt(template, 'spec.serviceAccount') ?? 'default',
    containers: listAt(template, 'spec.containers').filter(isJson) as unknown as ContainerSpec[],
    ...(at(template, 'spec.hostNetwork') === true && { hostNetwork: true }),
  };
}

/** The status of a ReplicaSet whose `pods` all run (the API's zero fields omitted, as Go clients write them). */
export function replicaSetStatus(replicaSet: KubeObject, pods: number): Json {
  const generation = replicaSet.metadata.generation ?? 1;
  if (pods === 0) return { replicas: 0, observedGeneration: generation };
  return {
    replicas: pods,
    fullyLabeledReplicas: pods,
    readyReplicas: pods,
    availableReplicas: pods,
    observedGeneration: generation,
  };
}

/**
 * A condition that says `reason` and `message`: the existing one of that type when it says so already (times
 * kept), a new one at `time` otherwise.
 */
function condition(existing: unknown, type: string, reason: string, message: string, time: string): Json {
  if (
    stringAt(existing, 'status') === 'True' &&
    stringAt(existing, 'reason') === reason &&
    stringAt(existing, 'message') === message
  ) {
    return existing as Json;
  }
  const since =
    stringAt(existing, 'status') === 'True' ? stringAt(existing, 'lastTransitionTime') : undefined;
  return { type, status: 'True', reason, message, lastUpdateTime: time, lastTransitionTime: since ?? time };
}

/** What the Deployment's status counts: all its pods, and those of its current ReplicaSet. */
export interface RolloutCounts {
  /** Pods of all its ReplicaSets. */
  replicas: number;
  /** Pods of the ReplicaSet that runs its current template. */
  updated: number;
  /** Name of that ReplicaSet. */
  replicaSet: string;
}

/**
 * The status of a Deployment whose pods all run: its generation observed, the counts (zeros omitted), and the
 * Available and Progressing conditions, which keep their times while they say the same. Other fields and
 * conditions are kept.
 */
export function deploymentStatus(deployment: KubeObject, counts: RolloutCounts, time: string): Json {
  const current = isJson(deployment['status']) ? deployment['status'] : {};
  const status: Json = { ...current, observedGeneration: deployment.metadata.generation ?? 1 };
  const numbers = {
    replicas: counts.replicas,
    updatedReplicas: counts.updated,
    readyReplicas: counts.replicas,
    availableReplicas: counts.replicas,
  };
  for (const [field, value] of Object.entries(numbers)) {
    if (value > 0) status[field] = value;
    else delete status[field];
  }
  delete status['unavailableReplicas'];
  const wanted: [type: string, reason: string, message: string][] = [
    ['Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
    [
      'Progressing',
      'NewReplicaSetAvailable',
      `ReplicaSet "${counts.replicaSet}" has successfully progressed.`,
    ],
  ];
  const conditions = listAt(current, 'conditions');
  const typeOf = (c: unknown): string | undefined => stringAt(c, 'type');
  const updated = conditions.map((c) => {
    const want = wanted.find(([type]) => type === typeOf(c));
    return want ? condition(c, ...want, time) : c;
  });
  for (const [type, reason, message] of wanted) {
    if (!conditions.some((c) => typeOf(c) === type)) {
      updated.push(condition(undefined, type, reason, message, time));
    }
  }
  status['conditions'] = updated;
  return status;
}
