import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/write/types';
import { isPreviewCurrent, sessionReducer, startSession } from './session';
import { yamlOf } from './yaml-text';

const LIVE: JsonObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '41', uid: 'u-1', generation: 2 },
  spec: { hosts: ['reviews'] },
  status: { conditions: [] },
};
const target = { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' };

describe('the edit session', () => {
  const start = startSession(target, LIVE, LIVE);

  it('starts from the live object without server fields, its resourceVersion as the base', () => {
    expect(start.base).toEqual({ object: LIVE, resourceVersion: '41' });
    expect(start.object).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { hosts: ['reviews'] },
    });
    expect(start.text).not.toContain('resourceVersion');
  });

  it('keeps text and object in step from either side', () => {
    const formed = sessionReducer(start, {
      type: 'form',
      object: { ...start.object, spec: { hosts: ['a'] } },
    });
    expect(formed.text).toBe(yamlOf({ ...start.object, spec: { hosts: ['a'] } }));
    const typed = sessionReducer(formed, { type: 'text', text: 'kind: [' });
    expect(typed.object).toBeNull();
    expect(typed.text).toBe('kind: [');
  });

  it('offers Apply only for the text that was previewed', () => {
    const previewed = sessionReducer(start, { type: 'previewed', text: start.text });
    expect(isPreviewCurrent(previewed)).toBe(true);
    const edited = sessionReducer(previewed, { type: 'text', text: `${start.text}# more\n` });
    expect(isPreviewCurrent(edited)).toBe(false);
  });

  it('moves the base after a write; a created object gets its name', () => {
    const created = startSession({ kind: 'VirtualService', namespace: 'bookinfo' }, null, start.object ?? {});
    const stored = { ...LIVE, metadata: { ...(LIVE['metadata'] as JsonObject), resourceVersion: '42' } };
    const after = sessionReducer(created, { type: 'written', stored });
    expect(after.target.name).toBe('reviews');
    expect(after.base.resourceVersion).toBe('42');
    expect(after.previewed).toBeNull();
    const deleted = sessionReducer(after, { type: 'written', stored: null });
    expect(deleted.base).toEqual({ object: null, resourceVersion: undefined });
    expect(deleted.text).toBe(after.text);
  });

  it('starts over from theirs, keeping a merged edit when there is one', () => {
    const theirs = { ...LIVE, metadata: { ...(LIVE['metadata'] as JsonObject), resourceVersion: '44' } };
    const merged = { ...start.object, spec: { hosts: ['merged'] } };
    const next = sessionReducer(start, { type: 'base', live: theirs, edit: merged });
    expect(next.base.resourceVersion).toBe('44');
    expect(next.object).toEqual(merged);
  });
});
