/**
 * The demo's Deployment controller (kube-controller-manager's Deployment and ReplicaSet controllers in one, with
 * every pod running at once). For each Deployment, the ReplicaSet whose template equals the Deployment's (ignoring
 * `pod-template-hash`) is the current one; when none does (the template changed), it creates one named
 * `<deployment>-<hash>`. The current ReplicaSet gets `spec.replicas` pods (built as the world builds them, on the
 * nodes of the pods they replace or the least loaded ones), the older ones are scaled to 0 and their pods deleted,
 * and the statuses are set. Going back to an earlier template reuses its ReplicaSet, as `kubectl rollout undo`
 * does. It reconciles from the store's current state and writes only what differs, so replays and its own writes
 * are no-ops; a freshly materialized world needs no write. Without a garbage collector, deleting a Deployment
 * leaves its ReplicaSets and pods alone.
 */
import type { KubeObject, ResourceStore, WatchEvent } from '../apiserver';
import type { Random } from '@/lib/random';
import { NodeOccupancy, OwnerIndex, controllerOf } from './cluster-index';
import { type Json, at, isJson, mapAt } from './json';
import { formatTime } from './materialize';
import { podName } from './names';
import { leastLoaded } from './nodes';
import { buildPod } from './pods';
import {
  deploymentStatus,
  podTemplateOf,
  replicaSetAnnotations,
  replicaSetFor,
  replicaSetStatus,
  replicasOf,
  revisionOf,
  ROLLOUT_KEYS,
  runsTemplate,
  sameJson,
  templateHash,
} from './rollout';
import { type Controller, WorkQueue, queueController } from './work-queue';

const DEPLOYMENTS = 'deployments';
const REPLICA_SETS = 'replicasets';
const PODS = 'pods';

/** How many ReplicaSets scaled to 0 a Deployment keeps by default (`spec.revisionHistoryLimit`). */
const HISTORY_LIMIT = 10;

/** What a reconciliation works with: the store, the name source, and the indexes fed by the watches. */
interface Context {
  store: ResourceStore;
  random: Random;
  /** ReplicaSets by owning Deployment. */
  replicaSets: OwnerIndex;
  /** Pods by owning ReplicaSet. */
  pods: OwnerIndex;
  nodes: NodeOccupancy;
}

/** The ReplicaSets a Deployment controls (by owner reference, with the Deployment's uid), oldest revision first. */
function replicaSetsOf(ctx: Context, deployment: KubeObject): KubeObject[] {
  const { namespace = '', name = '', uid } = deployment.metadata;
  return ctx.replicaSets
    .ownedBy(namespace, name)
    .map((rs) => ctx.store.get(REPLICA_SETS, namespace, rs))
    .filter((rs): rs is KubeObject => rs !== undefined && controllerOf(rs, 'Deployment')?.uid === uid)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** Creates the ReplicaSet of a Deployment's current template, under the first free name its hash gives. */
function createReplicaSet(ctx: Context, deployment: KubeObject, revision: number): KubeObject {
  const { namespace = '', name = '' } = deployment.metadata;
  const template = at(deployment, 'spec.template');
  for (let collisions = 0; collisions < 10; collisions++) {
    const hash = templateHash(template, collisions);
    if (ctx.store.get(REPLICA_SETS, namespace, `${name}-${hash}`)) continue;
    return ctx.store.create(REPLICA_SETS, replicaSetFor(deployment, hash, revision));
  }
  throw new Error(`no free ReplicaSet name for Deployment ${namespace}/${name}`);
}

/** Sets a ReplicaSet's replicas and annotations (revision and desired replicas, when given); returns it as stored. */
function scaleReplicaSet(
  store: ResourceStore,
  replicaSet: KubeObject,
  replicas: number,
  annotations: Record<string, string> = {},
): KubeObject {
  const wanted = { ...replicaSet.metadata.annotations, ...annotations };
  if (replicasOf(replicaSet) === replicas && sameJson(replicaSet.metadata.annotations ?? {}, wanted)) {
    return replicaSet;
  }
  return store.update(REPLICA_SETS, {
    ...replicaSet,
    metadata: { ...replicaSet.metadata, annotations: wanted },
    spec: { ...(replicaSet['spec'] as Json), replicas },
  });
}

/** A pod name of a ReplicaSet that no pod has. */
function freshPodName(ctx: Context, namespace: string, replicaSet: string): string {
  for (;;) {
    const name = podName(replicaSet, ctx.random);
    if (!ctx.store.get(PODS, namespace, name)) return name;
  }
}

/** Creates `count` running pods of a ReplicaSet, on the `preferred` nodes in turn, then on the least loaded. */
function createPods(ctx: Context, replicaSet: KubeObject, count: number, preferred: readonly string[]): void {
  const { store } = ctx;
  const { namespace = '', name = '', uid = '' } = replicaSet.metadata;
  const ns = store.get('namespaces', undefined, namespace);
  const namespaceLabels = ns ? mapAt(ns, 'metadata.labels') : undefined;
  const slots = ctx.nodes.slots(store.list('nodes').items);
  const byName = new Map(slots.map((s) => [s.name, s]));
  const template = at(replicaSet, 'spec.template');
  const templateSpec = at(template, 'spec');
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  const time = formatTime(store.clock());
  const podTemplate = podTemplateOf(template);
  for (let i = 0; i < count; i++) {
    const node = byName.get(preferred[i] ?? '') ?? leastLoaded(slots);
    if (!node) throw new Error('the cluster has no node to place a pod on');
    const pod = buildPod(podTemplate, {
      namespace,
      name: freshPodName(ctx, namespace, name),
      owner,
      extraLabels: {},
      node,
      namespaceLabels,
      time,
    });
    // What the template says beyond what the builder models (volumes, env, tolerations…) is the pod's too.
    if (isJson(templateSpec)) pod['spec'] = { ...templateSpec, ...(pod['spec'] as Json) };
    store.create(PODS, pod);
  }
}

/** Deletes pods by name. */
function deletePods(store: ResourceStore, namespace: string, names: readonly string[]): void {
  for (const name of names) store.delete(PODS, namespace, name);
}

/** Writes a ReplicaSet's status from its pod count, when it differs. */
function syncReplicaSetStatus(ctx: Context, replicaSet: KubeObject): void {
  const { namespace = '', name = '' } = replicaSet.metadata;
  const status = replicaSetStatus(replicaSet, ctx.pods.ownedBy(namespace, name).length);
  if (sameJson(replicaSet['status'], status)) return;
  ctx.store.update(REPLICA_SETS, { ...replicaSet, status }, { subresource: 'status' });
}

/** Deletes the ReplicaSets at 0 beyond the Deployment's revision history limit, oldest first. */
function pruneHistory(ctx: Context, deployment: KubeObject, old: readonly KubeObject[]): void {
  const limit = at(deployment, 'spec.revisionHistoryLimit');
  const keep = typeof limit === 'number' && limit >= 0 ? limit : HISTORY_LIMIT;
  const namespace = deployment.metadata.namespace ?? '';
  const idle = old.filter(
    (rs) => replicasOf(rs) === 0 && ctx.pods.ownedBy(namespace, rs.metadata.name ?? '').length === 0,
  );
  for (const rs of idle.slice(0, Math.max(0, idle.length - keep))) {
    ctx.store.delete(REPLICA_SETS, namespace, rs.metadata.name ?? '');
  }
}

/**
 * Writes what differs of a Deployment's revision annotation (its current ReplicaSet's) and of its status (counted
 * from the pods of its ReplicaSets, `current` first).
 */
function syncDeployment(
  ctx: Context,
  deployment: KubeObject,
  revision: number,
  current: KubeObject,
  old: readonly KubeObject[],
): void {
  const { store } = ctx;
  const namespace = deployment.metadata.namespace ?? '';
  const annotations = { ...deployment.metadata.annotations, [ROLLOUT_KEYS.revision]: String(revision) };
  const latest = sameJson(deployment.metadata.annotations ?? {}, annotations)
    ? deployment
    : store.update(DEPLOYMENTS, { ...deployment, metadata: { ...deployment.metadata, annotations } });
  const podsOf = (rs: KubeObject): number => ctx.pods.ownedBy(namespace, rs.metadata.name ?? '').length;
  const counts = {
    replicas: [current, ...old].reduce((sum, rs) => sum + podsOf(rs), 0),
    updated: podsOf(current),
    replicaSet: current.metadata.name ?? '',
  };
  const status = deploymentStatus(latest, counts, formatTime(store.clock()));
  if (!sameJson(latest['status'], status)) {
    store.update(DEPLOYMENTS, { ...latest, status }, { subresource: 'status' });
  }
}

/** Brings one Deployment's ReplicaSets, pods and status in line with its spec. */
function reconcile(ctx: Context, namespace: string, name: string): void {
  const { store } = ctx;
  const deployment = store.get(DEPLOYMENTS, namespace, name);
  if (!deployment) return;
  const owned = replicaSetsOf(ctx, deployment);
  const found = owned.find((rs) => runsTemplate(rs, deployment));
  if (!found && at(deployment, 'spec.paused') === true) return;
  const latest = Math.max(0, ...owned.map(revisionOf));
  // A new template, or an earlier one again, becomes the newest revision.
  const newest = owned.filter((rs) => revisionOf(rs) === latest);
  const revision = found !== undefined && newest.length === 1 && newest[0] === found ? latest : latest + 1;
  const replicas = replicasOf(deployment);
  const current = scaleReplicaSet(
    store,
    found ?? createReplicaSet(ctx, deployment, revision),
    replicas,
    replicaSetAnnotations(replicas, revision),
  );
  const currentName = current.metadata.name ?? '';
  const old = owned
    .filter((rs) => rs.metadata.name !== currentName)
    .map((rs) => scaleReplicaSet(store, rs, 0));

  const running = ctx.pods.ownedBy(namespace, currentName);
  const replaced = old.flatMap((rs) => ctx.pods.ownedBy(namespace, rs.metadata.name ?? ''));
  if (running.length < replicas) {
    const nodes = replaced.map((pod) => ctx.nodes.nodeOf(namespace, pod) ?? '');
    createPods(ctx, current, replicas - running.length, nodes);
  }
  deletePods(store, namespace, [...running.slice(replicas), ...replaced]);
  for (const rs of [current, ...old]) syncReplicaSetStatus(ctx, rs);
  pruneHistory(ctx, deployment, old);

  syncDeployment(ctx, deployment, revision, current, old);
}

/** Starts the Deployment controller on a store; `random` names the pods it creates. */
export function startDeploymentController(
  store: ResourceStore,
  random: Random,
  onError?: (error: unknown) => void,
): Controller {
  const ctx: Context = {
    store,
    random,
    replicaSets: new OwnerIndex('Deployment'),
    pods: new OwnerIndex('ReplicaSet'),
    nodes: new NodeOccupancy(),
  };
  const queue = new WorkQueue(
    (key) => {
      const [namespace = '', name = ''] = key.split('/');
      reconcile(ctx, namespace, name);
    },
    (_key, error) => onError?.(error),
  );
  const onDeployment = ({ object }: WatchEvent): void =>
    queue.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
  const onReplicaSet = (event: WatchEvent): void => {
    const changed = ctx.replicaSets.observe(event);
    const owner = controllerOf(event.object, 'Deployment')?.name;
    if (owner !== undefined) changed.push(`${event.object.metadata.namespace ?? ''}/${owner}`);
    for (const key of changed) queue.add(key);
  };
  const onPod = (event: WatchEvent): void => {
    ctx.nodes.observe(event);
    // A pod that comes, goes or changes owner changes its ReplicaSet's count (its own label or status changes do not).
    for (const replicaSet of ctx.pods.observe(event)) {
      const [namespace = '', name = ''] = replicaSet.split('/');
      const deployment = ctx.replicaSets.ownerOf(namespace, name);
      if (deployment !== undefined) queue.add(`${namespace}/${deployment}`);
    }
  };
  // The indexes first, so that the first round (every Deployment, from the initial ADDED events) can use them.
  const watches = [
    store.watch(REPLICA_SETS, {}, onReplicaSet),
    store.watch(PODS, {}, onPod),
    store.watch(DEPLOYMENTS, {}, onDeployment),
  ];
  return queueController(queue, watches);
}
