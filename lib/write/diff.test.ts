import { describe, expect, it } from 'vitest';
import { diffObjects, jsonEqual, serverFieldsIn, withoutServerFields } from './diff';
import { formatPath, isUnder, parsePath } from './field-path';

const live = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: {
    name: 'reviews',
    namespace: 'bookinfo',
    resourceVersion: '41',
    uid: 'u-1',
    generation: 3,
    creationTimestamp: '2026-06-01T03:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    labels: { app: 'reviews' },
  },
  spec: {
    hosts: ['reviews'],
    http: [
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
        ],
      },
    ],
  },
  status: { conditions: [] },
};

describe('diffObjects', () => {
  it('ignores server-managed metadata and status', () => {
    const stored = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '42', generation: 4, managedFields: [] },
      status: { observedGeneration: 4 },
    };
    expect(diffObjects(live, stored)).toEqual([]);
  });

  it.each<[string, (o: typeof live) => unknown, unknown]>([
    [
      'a changed weight',
      (o) => ((o.spec.http[0]!.route[0]!.weight = 50), (o.spec.http[0]!.route[1]!.weight = 50)),
      [
        { path: 'spec.http[0].route[0].weight', op: 'replace', before: 80, after: 50 },
        { path: 'spec.http[0].route[1].weight', op: 'replace', before: 20, after: 50 },
      ],
    ],
    [
      'an added label with a dotted key',
      (o) =>
        (o.metadata.labels = { ...o.metadata.labels, 'istio.io/rev': 'canary' } as typeof o.metadata.labels),
      [{ path: 'metadata.labels["istio.io/rev"]', op: 'add', after: 'canary' }],
    ],
    [
      'a removed route',
      (o) => o.spec.http[0]!.route.pop(),
      [
        {
          path: 'spec.http[0].route[1]',
          op: 'remove',
          before: { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
        },
      ],
    ],
    [
      'a removed field',
      (o) => delete (o.spec as { hosts?: unknown }).hosts,
      [{ path: 'spec.hosts', op: 'remove', before: ['reviews'] }],
    ],
  ])('lists %s by path', (_what, edit, expected) => {
    const proposed = structuredClone(live);
    edit(proposed);
    expect(diffObjects(live, proposed)).toEqual(expected);
  });

  it('lists a create and a delete as top-level adds and removes', () => {
    expect(diffObjects(null, live).map((c) => `${c.op} ${c.path}`)).toEqual([
      'add apiVersion',
      'add kind',
      'add metadata',
      'add spec',
    ]);
    expect(diffObjects(live, null).map((c) => `${c.op} ${c.path}`)).toEqual([
      'remove apiVersion',
      'remove kind',
      'remove metadata',
      'remove spec',
    ]);
  });
});

describe('server fields', () => {
  it('are dropped and named', () => {
    expect(withoutServerFields(live)).toEqual({
      apiVersion: live.apiVersion,
      kind: live.kind,
      metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' } },
      spec: live.spec,
    });
    expect(serverFieldsIn(live)).toEqual([
      'metadata.resourceVersion',
      'metadata.uid',
      'metadata.generation',
      'metadata.managedFields',
      'metadata.creationTimestamp',
      'status',
    ]);
  });
});

describe('jsonEqual and field paths', () => {
  it('compare deeply and key order blind', () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: undefined }, {})).toBe(false);
  });

  it('format and parse paths both ways', () => {
    const segments = ['metadata', 'labels', 'istio.io/rev', 'x', 0, 'a]b'];
    expect(formatPath(segments)).toBe('metadata.labels["istio.io/rev"].x[0]["a]b"]');
    expect(parsePath(formatPath(segments))).toEqual(segments);
    expect(parsePath('spec.http[0].route')).toEqual(['spec', 'http', 0, 'route']);
    expect(parsePath('a["b')).toBeUndefined();
    expect(isUnder('metadata.labels["x"]', 'metadata.labels')).toBe(true);
    expect(isUnder('metadata.labelsx', 'metadata.labels')).toBe(false);
  });
});
