import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES, ResourceStore, resourceKey } from '../apiserver';
import { defaultWorld } from './default-world';
import { listAt, stringAt } from './json';
import { WORLD_TIME } from './labels';
import { materializeWorld } from './materialize';

const clock = (): Date => new Date('2025-06-01T10:00:00Z');

describe('materializeWorld', () => {
  it('gives owner references the uids the store gave the owners, whatever the order of the world', () => {
    const world = defaultWorld('m');
    const store = new ResourceStore({ seed: 'm', clock });
    materializeWorld({ ...world, objects: [...world.objects].reverse() }, store);
    const uids = new Map<string, string>();
    const stored = RESOURCE_TYPES.flatMap((type) => store.list(type).items.map((o) => ({ type, o })));
    for (const { o } of stored)
      uids.set(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o.metadata.uid ?? '');
    let refs = 0;
    for (const { o } of stored) {
      for (const ref of listAt(o, 'metadata.ownerReferences')) {
        const key = `${stringAt(ref, 'kind')}/${o.metadata.namespace ?? ''}/${stringAt(ref, 'name')}`;
        expect(stringAt(ref, 'uid'), key).toBe(uids.get(key));
        refs++;
      }
    }
    expect(refs).toBe(world.objects.filter((o) => (o.metadata.ownerReferences ?? []).length > 0).length);
    expect(stored.map(({ type }) => resourceKey(type))).toContain('gateways.gateway.networking.k8s.io');
  });

  it("replaces the world's placeholder times with the store's clock", () => {
    const store = new ResourceStore({ clock });
    materializeWorld(defaultWorld('m'), store);
    const text = JSON.stringify(RESOURCE_TYPES.map((type) => store.list(type).items));
    expect(text).not.toContain(WORLD_TIME);
    const [pod] = store.list('pods', { namespace: 'bookinfo' }).items;
    expect(stringAt(pod, 'status.startTime')).toBe('2025-06-01T10:00:00Z');
  });

  it('refuses an owner that is not in the world', () => {
    const world = defaultWorld('m');
    const orphan = world.objects.filter((o) => o.kind !== 'ReplicaSet');
    expect(() => materializeWorld({ ...world, objects: orphan }, new ResourceStore())).toThrow(
      /owner ReplicaSet .* is not in the world/,
    );
  });
});
