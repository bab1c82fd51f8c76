import { describe, expect, it } from 'vitest';
import { applyPatch, jsonPatch, mergePatch, patchTypeOf } from './patch';

describe('patch content types', () => {
  it('map the four Kubernetes patch media types and nothing else', () => {
    expect(patchTypeOf('application/json-patch+json')).toBe('json');
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8')).toBe('merge');
    expect(patchTypeOf('application/strategic-merge-patch+json')).toBe('strategic');
    expect(patchTypeOf('application/apply-patch+yaml')).toBe('apply');
    expect(patchTypeOf('application/json')).toBeUndefined();
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, deletes with null and replaces arrays', () => {
    const target = { metadata: { labels: { a: '1', b: '2' } }, spec: { hosts: ['x', 'y'] } };
    const patched = mergePatch(target, { metadata: { labels: { b: null, c: '3' } }, spec: { hosts: ['z'] } });
    expect(patched).toEqual({ metadata: { labels: { a: '1', c: '3' } }, spec: { hosts: ['z'] } });
    expect(target.metadata.labels).toEqual({ a: '1', b: '2' });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = {
    spec: { http: [{ route: [{ weight: 90 }, { weight: 10 }] }] },
    metadata: { labels: { a: 'x/y' } },
  };

  it('applies add, replace, remove, move, copy and test in order', () => {
    const result = jsonPatch(doc, [
      { op: 'test', path: '/spec/http/0/route/0/weight', value: 90 },
      { op: 'replace', path: '/spec/http/0/route/0/weight', value: 50 },
      { op: 'add', path: '/spec/http/0/route/-', value: { weight: 40 } },
      { op: 'remove', path: '/spec/http/0/route/1' },
      { op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/b' },
      { op: 'move', from: '/metadata/labels/a', path: '/metadata/labels/c~1d' },
    ]);
    expect(result).toEqual({
      spec: { http: [{ route: [{ weight: 50 }, { weight: 40 }] }] },
      metadata: { labels: { b: 'x/y', 'c/d': 'x/y' } },
    });
    expect(doc.spec.http[0]?.route).toHaveLength(2);
  });

  it('refuses a failed test with 422 and a missing path with 400, leaving nothing half-applied', () => {
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/metadata/labels/a', value: 'no' }])).toThrow(
      /test operation failed/,
    );
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/spec/nothing' }])).toThrow(/does not exist/);
    expect(() => jsonPatch(doc, { op: 'add' })).toThrow(/array of operations/);
  });
});

describe('applyPatch', () => {
  it('refuses a merge patch that is not an object', () => {
    expect(() => applyPatch({}, 'merge', [1])).toThrow(/must be a JSON object/);
  });
});
