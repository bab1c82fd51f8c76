/**
 * Puts a world into a store: owners before what they own (so that owner references get the uids the store gave),
 * namespaces before their objects, and every world timestamp replaced by the store's clock.
 */
import { RESOURCE_TYPES, type ResourceStore, type ResourceType, apiVersionOf } from '../apiserver';
import { type Json, listAt } from './json';
import { WORLD_TIME } from './labels';
import type { DemoWorld } from './world-builder';

/** Kinds in creation order; kinds not listed come last, in world order. */
const CREATION_ORDER = [
  'Namespace',
  'Node',
  'GatewayClass',
  'Gateway',
  'ServiceAccount',
  'ConfigMap',
  'Service',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'Pod',
];

function rank(kind: string | undefined): number {
  const index = CREATION_ORDER.indexOf(kind ?? '');
  return index < 0 ? CREATION_ORDER.length : index;
}

const TYPES = new Map<string, ResourceType>(RESOURCE_TYPES.map((t) => [`${apiVersionOf(t)}/${t.kind}`, t]));

function typeOf(object: Json): ResourceType {
  const apiVersion = String(object['apiVersion']);
  const kind = String(object['kind']);
  const type = TYPES.get(`${apiVersion}/${kind}`);
  if (!type) throw new Error(`the demo API server does not serve ${apiVersion}/${kind}`);
  return type;
}

function ownerKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** RFC 3339 at second precision, as Kubernetes writes times. */
export function formatTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Creates objects in the order given. An owner reference without uid gets the uid of the object of that kind and
 * name created before it in the same call; one that has a uid keeps it. Returns the created objects.
 */
export function createInOrder(store: ResourceStore, objects: readonly Json[]): Json[] {
  const uids = new Map<string, string>();
  return objects.map((object) => {
    const body = structuredClone(object) as Json & { metadata: { name: string; namespace?: string } };
    for (const ref of listAt(body, 'metadata.ownerReferences') as Json[]) {
      if (typeof ref['uid'] === 'string' && ref['uid'] !== '') continue;
      const uid = uids.get(ownerKey(String(ref['kind']), body.metadata.namespace, String(ref['name'])));
      if (uid === undefined) {
        throw new Error(
          `${String(body['kind'])} ${body.metadata.name}: owner ${String(ref['kind'])} ${String(ref['name'])} is not in the world`,
        );
      }
      ref['uid'] = uid;
    }
    const created = store.create(typeOf(body), body);
    uids.set(
      ownerKey(String(body['kind']), body.metadata.namespace, body.metadata.name),
      created.metadata.uid ?? '',
    );
    return created as Json;
  });
}

/**
 * Creates every object of the world in the store (which must not hold them yet), owners first, with the world's
 * timestamps set to the store's clock. Throws on the first object the store refuses, or on an owner reference to
 * an object that is not in the world.
 */
export function materializeWorld(world: DemoWorld, store: ResourceStore): void {
  const now = JSON.stringify(formatTime(store.clock()));
  const placeholder = JSON.stringify(WORLD_TIME);
  const ordered = world.objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => rank(a.object.kind) - rank(b.object.kind) || a.index - b.index)
    .map(({ object }) => JSON.parse(JSON.stringify(object).replaceAll(placeholder, now)) as Json);
  createInOrder(store, ordered);
}
