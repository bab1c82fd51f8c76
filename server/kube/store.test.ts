import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { ObjectStore } from './store';

const obj = (ns: string | undefined, name: string, rv: string): KubeObject => ({
  metadata: { name, namespace: ns, resourceVersion: rv },
});

describe('ObjectStore', () => {
  it('applies watch events and reports only real changes', () => {
    const store = new ObjectStore();
    expect(store.apply('ADDED', obj('a', 'p1', '1'))?.type).toBe('added');
    expect(store.apply('ADDED', obj('a', 'p1', '1'))).toBeNull();
    expect(store.apply('MODIFIED', obj('a', 'p1', '2'))?.type).toBe('modified');
    expect(store.apply('MODIFIED', obj('b', 'p1', '3'))?.type).toBe('added');
    expect(store.size).toBe(2);
    expect(store.get('a', 'p1')?.metadata.resourceVersion).toBe('2');
    expect(store.list('b').map((o) => o.metadata.name)).toEqual(['p1']);
    expect(store.apply('DELETED', obj('a', 'p1', '4'))).toEqual({
      type: 'deleted',
      object: obj('a', 'p1', '4'),
    });
    expect(store.apply('DELETED', obj('a', 'p1', '4'))).toBeNull();
    expect(store.size).toBe(1);
    expect(store.list('a')).toEqual([]);
  });

  it('keys cluster-scoped objects without a namespace', () => {
    const store = new ObjectStore();
    store.apply('ADDED', obj(undefined, 'bookinfo', '1'));
    expect(store.get(undefined, 'bookinfo')?.metadata.name).toBe('bookinfo');
    expect(store.get('', 'bookinfo')?.metadata.name).toBe('bookinfo');
  });

  it('replaces its content with a fresh list as deletions, additions and modifications', () => {
    const store = new ObjectStore();
    store.replace([obj('a', 'keep', '1'), obj('a', 'change', '1'), obj('b', 'gone', '1')]);
    const changes = store.replace([obj('a', 'keep', '1'), obj('a', 'change', '5'), obj('c', 'new', '6')]);
    expect(changes.map((c) => `${c.type} ${c.object.metadata.name}`).sort()).toEqual([
      'added new',
      'deleted gone',
      'modified change',
    ]);
    expect(store.size).toBe(3);
    expect(store.clear().length).toBe(3);
    expect(store.size).toBe(0);
  });
});
