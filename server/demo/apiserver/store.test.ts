import { beforeEach, describe, expect, it } from 'vitest';
import { statusOf } from './__fixtures__/errors';
import { namespace, pod, virtualService } from './__fixtures__/objects';
import { ResourceStore } from './store';
import { type WatchEvent } from './types';

const T0 = new Date('2025-03-01T12:00:00.000Z');
let store: ResourceStore;

beforeEach(() => {
  store = new ResourceStore({ clock: () => T0, seed: 'test' });
  store.create('namespaces', namespace('bookinfo'));
});

function events(
  options: Parameters<ResourceStore['watch']>[1],
  ref = 'pods',
): { seen: WatchEvent[]; stop(): void } {
  const seen: WatchEvent[] = [];
  const handle = store.watch(ref, options, (e) => seen.push(e));
  return { seen, stop: () => handle.stop() };
}

describe('ResourceStore create', () => {
  it('sets uid, creationTimestamp, generation and a new resourceVersion', () => {
    const created = store.create('pods', pod('bookinfo', 'reviews-1'));
    expect(created.metadata).toMatchObject({
      creationTimestamp: '2025-03-01T12:00:00Z',
      generation: 1,
      resourceVersion: '2',
    });
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(store.resourceVersion).toBe('2');
    const again = new ResourceStore({ clock: () => T0, seed: 'test' });
    expect(again.create('namespaces', namespace('bookinfo')).metadata.uid).toBe(
      store.get('ns', undefined, 'bookinfo')?.metadata.uid,
    );
  });

  it('refuses duplicates (409 AlreadyExists), missing namespaces (404) and invalid objects (422), storing nothing', () => {
    store.create('pods', pod('bookinfo', 'reviews-1'));
    expect(statusOf(() => store.create('pods', pod('bookinfo', 'reviews-1')))).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "reviews-1" already exists',
    });
    expect(statusOf(() => store.create('pods', pod('nowhere', 'x')))).toMatchObject({
      code: 404,
      message: 'namespaces "nowhere" not found',
    });
    const bad = virtualService('bookinfo', 'reviews');
    (bad['spec'] as { hosts: unknown }).hosts = 'reviews';
    const status = statusOf(() => store.create('vs', bad));
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { kind: 'VirtualService', group: 'networking.istio.io' },
    });
    expect(status.details?.causes?.map((c) => c.field)).toEqual(['spec.hosts']);
    expect(
      statusOf(() => store.create('pods', pod('bookinfo', 'Not_A_Name'))).details?.causes?.[0]?.field,
    ).toBe('metadata.name');
    expect(store.resourceVersion).toBe('2');
    expect(store.list('vs').items).toEqual([]);
  });

  it('fills generateName deterministically and ignores client-set server fields', () => {
    const created = store.create('pods', {
      metadata: { generateName: 'reviews-', namespace: 'bookinfo', uid: 'mine', resourceVersion: '99' },
    });
    expect(created.metadata.name).toMatch(/^reviews-[a-z0-9]{5}$/);
    expect(created.metadata.uid).not.toBe('mine');
    expect(created.metadata.resourceVersion).toBe('2');
  });

  it('defaults a Service (type, protocol, target port) and gives it the next free cluster IP', () => {
    const svc = (name: string, clusterIP?: string): unknown => ({
      metadata: { name, namespace: 'bookinfo' },
      spec: { ports: [{ port: 9080 }], ...(clusterIP ? { clusterIP } : {}) },
    });
    store.create('svc', svc('pinned', '10.96.0.2'));
    const created = store.create('svc', svc('reviews'));
    expect(created['spec']).toEqual({
      type: 'ClusterIP',
      ports: [{ port: 9080, protocol: 'TCP', targetPort: 9080 }],
      clusterIP: '10.96.0.3',
      clusterIPs: ['10.96.0.3'],
    });
    expect(store.get('ns', undefined, 'bookinfo')?.['status']).toEqual({ phase: 'Active' });
  });

  it('answers a dry run without storing or telling watchers', () => {
    const watch = events({ resourceVersion: store.resourceVersion });
    const answer = store.create('pods', pod('bookinfo', 'dry'), { dryRun: true });
    expect(answer.metadata.name).toBe('dry');
    expect(store.get('pods', 'bookinfo', 'dry')).toBeUndefined();
    expect(store.resourceVersion).toBe('1');
    expect(watch.seen).toEqual([]);
  });
});

describe('ResourceStore update and patch', () => {
  it('refuses a stale resourceVersion with 409 Conflict and accepts the current one', () => {
    const created = store.create('vs', virtualService('bookinfo', 'reviews'));
    const edited = { ...created, metadata: { ...created.metadata, labels: { team: 'blue' } } };
    store.update('vs', edited);
    const status = statusOf(() => store.update('vs', edited));
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(status.message).toContain('the object has been modified');
  });

  it('bumps generation for spec changes only, and stores nothing for a no-op', () => {
    const created = store.create('vs', virtualService('bookinfo', 'reviews'));
    const relabelled = store.patch('vs', 'bookinfo', 'reviews', 'merge', {
      metadata: { labels: { a: 'b' } },
    });
    expect(relabelled.metadata.generation).toBe(1);
    const reweighted = store.patch('vs', 'bookinfo', 'reviews', 'json', [
      { op: 'replace', path: '/spec/http/0/route/0/weight', value: 50 },
      { op: 'replace', path: '/spec/http/0/route/1/weight', value: 50 },
    ]);
    expect(reweighted.metadata.generation).toBe(2);
    const rv = store.resourceVersion;
    expect(
      store.update('vs', { ...reweighted, metadata: { ...reweighted.metadata, resourceVersion: undefined } })
        .metadata.resourceVersion,
    ).toBe(rv);
    expect(store.resourceVersion).toBe(rv);
    expect(created.metadata.uid).toBe(reweighted.metadata.uid);
  });

  it('keeps status on a main-resource update and changes only status through the subresource', () => {
    const created = store.create('pods', pod('bookinfo', 'reviews-1'));
    const updated = store.update('pods', {
      ...created,
      status: { phase: 'Failed' },
      spec: { containers: [{ name: 'app', image: 'x:2' }] },
    });
    expect(updated['status']).toMatchObject({ phase: 'Running' });
    const statusOnly = store.update(
      'pods',
      { ...updated, status: { phase: 'Succeeded' }, spec: {} },
      { subresource: 'status' },
    );
    expect(statusOnly['status']).toEqual({ phase: 'Succeeded' });
    expect(statusOnly['spec']).toEqual({ containers: [{ name: 'app', image: 'x:2' }] });
  });

  it('refuses a patch that renames the object or makes it invalid, leaving it unchanged', () => {
    store.create('vs', virtualService('bookinfo', 'reviews'));
    expect(
      statusOf(() => store.patch('vs', 'bookinfo', 'reviews', 'merge', { metadata: { name: 'other' } })).code,
    ).toBe(400);
    const status = statusOf(() =>
      store.patch('vs', 'bookinfo', 'reviews', 'merge', {
        spec: { http: [{ route: [{ destination: { host: 'r' }, weight: 'all' }] }] },
      }),
    );
    expect(status.details?.causes?.[0]?.field).toBe('spec.http[0].route[0].weight');
    expect(store.get('vs', 'bookinfo', 'reviews')?.metadata.resourceVersion).toBe('2');
  });

  it('applies: creates when absent, merges when present', () => {
    const vs = virtualService('bookinfo', 'reviews');
    expect(store.apply('vs', vs).metadata.resourceVersion).toBe('2');
    const merged = store.apply('vs', { ...vs, metadata: { ...vs.metadata, labels: { app: 'reviews' } } });
    expect(merged.metadata.labels).toEqual({ app: 'reviews' });
    expect(merged.metadata.generation).toBe(1);
  });
});

describe('ResourceStore list and delete', () => {
  it('lists across namespaces with label and field selectors, sorted', () => {
    store.create('namespaces', namespace('other'));
    store.create('pods', pod('other', 'b', { app: 'b' }));
    store.create('pods', pod('bookinfo', 'a', { app: 'a' }));
    store.create('pods', pod('bookinfo', 'c', { app: 'b' }));
    const names = (o: Parameters<ResourceStore['list']>[1]): string[] =>
      store.list('pods', o).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names({})).toEqual(['bookinfo/a', 'bookinfo/c', 'other/b']);
    expect(names({ labelSelector: 'app=b' })).toEqual(['bookinfo/c', 'other/b']);
    expect(names({ namespace: 'other' })).toEqual(['other/b']);
    expect(names({ fieldSelector: 'metadata.namespace=bookinfo,metadata.name!=a' })).toEqual(['bookinfo/c']);
    expect(store.list('pods').resourceVersion).toBe(store.resourceVersion);
  });

  it('deletes a namespace with its objects, each with a DELETED event', () => {
    store.create('pods', pod('bookinfo', 'a'));
    store.create('vs', virtualService('bookinfo', 'reviews'));
    const watch = events({ resourceVersion: store.resourceVersion });
    const last = store.delete('namespaces', undefined, 'bookinfo');
    expect(Number(last.metadata.resourceVersion)).toBe(Number(store.resourceVersion));
    expect(store.list('pods').items).toEqual([]);
    expect(store.list('vs').items).toEqual([]);
    expect(watch.seen.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['DELETED a']);
  });

  it('refuses a delete with a stale resourceVersion precondition', () => {
    store.create('pods', pod('bookinfo', 'a'));
    expect(statusOf(() => store.delete('pods', 'bookinfo', 'a', { resourceVersion: '1' })).code).toBe(409);
    expect(statusOf(() => store.delete('pods', 'bookinfo', 'zz')).code).toBe(404);
  });
});

describe('ResourceStore watch', () => {
  it('starts with ADDED for existing objects when no resourceVersion is given', () => {
    store.create('pods', pod('bookinfo', 'a'));
    const watch = events({});
    store.patch('pods', 'bookinfo', 'a', 'merge', { metadata: { labels: { x: 'y' } } });
    expect(watch.seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED']);
    watch.stop();
    store.delete('pods', 'bookinfo', 'a');
    expect(watch.seen).toHaveLength(2);
  });

  it('replays changes after a resourceVersion, and refuses one older than the history with 410', () => {
    const small = new ResourceStore({ historyLimit: 3 });
    small.create('namespaces', namespace('n'));
    for (const name of ['a', 'b', 'c', 'd']) small.create('pods', pod('n', name));
    const seen: string[] = [];
    small
      .watch('pods', { resourceVersion: '3' }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`))
      .stop();
    expect(seen).toEqual(['ADDED c', 'ADDED d']);
    expect(statusOf(() => small.watch('pods', { resourceVersion: '1' }, () => undefined))).toMatchObject({
      code: 410,
      reason: 'Expired',
    });
    expect(statusOf(() => small.watch('pods', { resourceVersion: '99' }, () => undefined)).message).toBe(
      'too large resource version: 99, current: 5',
    );
  });

  it('shows objects entering and leaving a label selector as ADDED and DELETED', () => {
    store.create('pods', pod('bookinfo', 'a', { mesh: 'no' }));
    const watch = events({ labelSelector: 'mesh=yes', resourceVersion: store.resourceVersion });
    store.patch('pods', 'bookinfo', 'a', 'merge', { metadata: { labels: { mesh: 'yes' } } });
    store.patch('pods', 'bookinfo', 'a', 'merge', { metadata: { annotations: { n: '1' } } });
    store.patch('pods', 'bookinfo', 'a', 'merge', { metadata: { labels: { mesh: 'no' } } });
    expect(watch.seen.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('hands out copies: mutating an event or a get does not change the store', () => {
    store.create('pods', pod('bookinfo', 'a'));
    const got = store.get('pods', 'bookinfo', 'a');
    if (got) got.metadata.name = 'mutated';
    expect(store.get('pods', 'bookinfo', 'a')?.metadata.name).toBe('a');
  });
});
