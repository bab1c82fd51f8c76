/**
 * The demo's waypoint controller (istiod's part for Gateways of class `istio-waypoint`): for each such Gateway it
 * creates what is missing of the ServiceAccount, Service (HBONE port 15008) and Deployment (with its ReplicaSet and
 * one pod on the least loaded node), and sets the Gateway's status (Accepted, Programmed, address). When the
 * Gateway is deleted or changes class, it deletes them. It reconciles from the store's current state, never from
 * an event, and writes only what differs, so replays and its own status writes are no-ops.
 */
import type { ResourceStore, WatchEvent } from '../apiserver';
import type { Random } from '@/lib/random';
import { serviceObject } from './core-objects';
import type { Json } from './json';
import { mapAt, stringAt } from './json';
import { KEYS, MESH_CONTROLLER } from './labels';
import { createInOrder, formatTime } from './materialize';
import { slotsOf } from './nodes';
import {
  gatewayOwner,
  hasWaypointStatus,
  isWaypoint,
  waypointService,
  waypointServiceAccount,
  waypointStatus,
  waypointWorkload,
} from './waypoint';
import { type Controller, WorkQueue, queueController } from './work-queue';
import { deploymentObjects } from './workloads';

const GATEWAYS = 'gateways.gateway.networking.k8s.io';

function ownedBy(object: Json | undefined, gateway: string): boolean {
  const refs = (object?.['metadata'] as { ownerReferences?: { kind?: string; name?: string }[] } | undefined)
    ?.ownerReferences;
  return refs?.some((r) => r.kind === 'Gateway' && r.name === gateway) ?? false;
}

/** Deletes the waypoint objects of a Gateway that is gone (or no longer a waypoint). */
function cleanup(store: ResourceStore, namespace: string, name: string): void {
  const selector = `${KEYS.gatewayName}=${name},${KEYS.gatewayManaged}=${MESH_CONTROLLER}`;
  for (const kind of ['deployments', 'services', 'serviceaccounts']) {
    if (ownedBy(store.get(kind, namespace, name), name)) store.delete(kind, namespace, name);
  }
  for (const kind of ['replicasets', 'pods']) {
    for (const object of store.list(kind, { namespace, labelSelector: selector }).items) {
      store.delete(kind, namespace, object.metadata.name ?? '');
    }
  }
}

function reconcile(store: ResourceStore, random: Random, namespace: string, name: string): void {
  const gateway = store.get(GATEWAYS, namespace, name);
  if (!gateway || !isWaypoint(gateway)) return cleanup(store, namespace, name);
  const owner = gatewayOwner(name, gateway.metadata.uid ?? '');
  const time = formatTime(store.clock());
  if (!store.get('serviceaccounts', namespace, name)) {
    store.create('serviceaccounts', waypointServiceAccount(namespace, name, owner));
  }
  const service =
    store.get('services', namespace, name) ??
    store.create('services', serviceObject(waypointService(namespace, name, owner)));
  if (!store.get('deployments', namespace, name)) {
    const slots = slotsOf(store.list('nodes').items, store.list('pods').items);
    const ns = store.get('namespaces', undefined, namespace);
    const objects = deploymentObjects(waypointWorkload(namespace, name, owner), {
      random,
      slots,
      namespaceLabels: ns ? mapAt(ns, 'metadata.labels') : undefined,
      time,
    });
    createInOrder(store, objects);
  }
  const clusterIp = stringAt(service, 'spec.clusterIP') ?? '';
  if (!hasWaypointStatus(gateway, clusterIp)) {
    const status = waypointStatus({ metadata: { ...gateway.metadata, name } }, clusterIp, time);
    store.update(GATEWAYS, { ...gateway, status }, { subresource: 'status' });
  }
}

/** Starts the waypoint controller on a store; `random` names the pods and ReplicaSets it creates. */
export function startWaypointController(
  store: ResourceStore,
  random: Random,
  onError?: (error: unknown) => void,
): Controller {
  const queue = new WorkQueue(
    (key) => {
      const [namespace = '', name = ''] = key.split('/');
      reconcile(store, random, namespace, name);
    },
    (_key, error) => onError?.(error),
  );
  const onGateway = ({ object }: WatchEvent): void =>
    queue.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
  return queueController(queue, [store.watch(GATEWAYS, {}, onGateway)]);
}
