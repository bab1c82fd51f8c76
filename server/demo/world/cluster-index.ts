/**
 * What a controller needs to know about the cluster without listing a whole kind on every event: which objects of a
 * kind each owner controls, and which pods and addresses each node has. Both are fed from store watch events (as an
 * informer's indexers are), so a lookup costs what it returns, not the size of the cluster.
 */
import type { KubeObject, WatchEvent } from '../apiserver';
import { listAt, stringAt } from './json';
import { type NodeSlot, slotOf } from './nodes';

/** The name and uid of an object's controller of the given kind (its controller owner reference), if any. */
export function controllerOf(object: KubeObject, kind: string): { name: string; uid: string } | undefined {
  const refs = listAt(object, 'metadata.ownerReferences').filter((r) => stringAt(r, 'kind') === kind);
  const ref = refs.find((r) => (r as { controller?: unknown }).controller === true) ?? refs[0];
  const name = stringAt(ref, 'name');
  return name ? { name, uid: stringAt(ref, 'uid') ?? '' } : undefined;
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/** Which objects of one kind each owner of `ownerKind` controls, by namespace and name. */
export class OwnerIndex {
  /** `namespace/owner` to the names of what it controls. */
  private readonly owned = new Map<string, Set<string>>();
  /** `namespace/name` to the name of its owner. */
  private readonly owners = new Map<string, string>();

  constructor(private readonly ownerKind: string) {}

  /** Takes in one watch event of the owned kind; returns the owners (`namespace/name`) that gained or lost it. */
  observe({ type, object }: WatchEvent): string[] {
    const namespace = object.metadata.namespace ?? '';
    const key = keyOf(object);
    const before = this.owners.get(key);
    const after = type === 'DELETED' ? undefined : controllerOf(object, this.ownerKind)?.name;
    if (before === after) return [];
    const name = object.metadata.name ?? '';
    if (before !== undefined) {
      this.owned.get(`${namespace}/${before}`)?.delete(name);
      this.owners.delete(key);
    }
    if (after !== undefined) {
      const ownerKey = `${namespace}/${after}`;
      let names = this.owned.get(ownerKey);
      if (!names) this.owned.set(ownerKey, (names = new Set()));
      names.add(name);
      this.owners.set(key, after);
    }
    return [before, after].filter((o): o is string => o !== undefined).map((o) => `${namespace}/${o}`);
  }

  /** The names of the objects an owner controls, sorted. */
  ownedBy(namespace: string, owner: string): string[] {
    return [...(this.owned.get(`${namespace}/${owner}`) ?? [])].sort();
  }

  /** The name of an object's owner, if it has one of the index's owner kind. */
  ownerOf(namespace: string, name: string): string | undefined {
    return this.owners.get(`${namespace}/${name}`);
  }
}

/** The pods on each node and the addresses they take, for placing new pods as `slotsOf` would. */
export class NodeOccupancy {
  /** Node name to `namespace/pod` to the pod's IP (`''` when it has none). */
  private readonly byNode = new Map<string, Map<string, string>>();
  /** `namespace/pod` to its node. */
  private readonly nodes = new Map<string, string>();

  /** Takes in one pod watch event. */
  observe({ type, object }: WatchEvent): void {
    const key = keyOf(object);
    const before = this.nodes.get(key);
    if (before !== undefined) this.byNode.get(before)?.delete(key);
    this.nodes.delete(key);
    const node = stringAt(object, 'spec.nodeName');
    if (type === 'DELETED' || !node) return;
    let pods = this.byNode.get(node);
    if (!pods) this.byNode.set(node, (pods = new Map()));
    pods.set(key, stringAt(object, 'status.podIP') ?? '');
    this.nodes.set(key, node);
  }

  /** The node a pod runs on, if known. */
  nodeOf(namespace: string, pod: string): string | undefined {
    return this.nodes.get(`${namespace}/${pod}`);
  }

  /** Fresh slots of these Node objects with today's pods and addresses (placing pods on them changes nothing here). */
  slots(nodes: readonly KubeObject[]): NodeSlot[] {
    return nodes.flatMap((node) => {
      const slot = slotOf(node);
      if (!slot) return [];
      const pods = this.byNode.get(slot.name);
      slot.pods = pods?.size ?? 0;
      for (const ip of pods?.values() ?? []) if (ip) slot.used.add(ip);
      return [slot];
    });
  }
}
