import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/write/types';
import { rebase } from './rebase';

const vs = (weights: [number, number], extra: JsonObject = {}, rv = '41'): JsonObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: rv, ...extra },
  spec: {
    hosts: ['reviews'],
    http: [
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: weights[0] },
          { destination: { host: 'reviews', subset: 'v2' }, weight: weights[1] },
        ],
      },
    ],
  },
});

describe('rebase', () => {
  it('replays your changes on theirs when they touch other fields', () => {
    const base = vs([80, 20]);
    const yours = vs([50, 50]);
    const theirs = vs([80, 20], { labels: { team: 'reviews' } }, '44');
    const result = rebase(base, yours, theirs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.merged).toEqual({
      ...vs([50, 50], { labels: { team: 'reviews' } }),
      metadata: { name: 'reviews', namespace: 'bookinfo', labels: { team: 'reviews' } },
    });
    expect(result.replayed.map((c) => c.path)).toEqual([
      'spec.http[0].route[0].weight',
      'spec.http[0].route[1].weight',
    ]);
  });

  it('names the fields both changed differently, and merges nothing', () => {
    expect(rebase(vs([80, 20]), vs([50, 50]), vs([90, 10], {}, '44'))).toEqual({
      ok: false,
      clashes: ['spec.http[0].route[0].weight', 'spec.http[0].route[1].weight'],
    });
  });

  it('sees a change under a field the other replaced as a clash', () => {
    const base = vs([80, 20]);
    const theirs = { ...base, spec: { hosts: ['reviews'] } };
    const result = rebase(base, vs([50, 50]), theirs);
    expect(result.ok).toBe(false);
  });

  it('is no clash when both made the same change', () => {
    const result = rebase(vs([80, 20]), vs([50, 50]), vs([50, 50], {}, '44'));
    expect(result).toMatchObject({ ok: true, replayed: [] });
  });

  it('replays removals of list items last-first', () => {
    const base: JsonObject = { spec: { hosts: ['a', 'b', 'c', 'd'] }, metadata: {} };
    const yours: JsonObject = { spec: { hosts: ['a', 'b'] }, metadata: {} };
    const theirs: JsonObject = { spec: { hosts: ['a', 'b', 'c', 'd'] }, metadata: { labels: { x: 'y' } } };
    expect(rebase(base, yours, theirs)).toMatchObject({
      ok: true,
      merged: { spec: { hosts: ['a', 'b'] }, metadata: { labels: { x: 'y' } } },
    });
  });

  it('cannot rebase onto an object that was deleted, nor a new object onto an existing one', () => {
    expect(rebase(vs([80, 20]), vs([50, 50]), null)).toEqual({
      ok: false,
      clashes: ['the object was deleted'],
    });
    expect(rebase(null, vs([50, 50]), vs([80, 20], {}, '3')).ok).toBe(false);
  });
});
