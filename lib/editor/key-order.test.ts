import { describe, expect, it } from 'vitest';
import { orderLike } from './key-order';

describe('orderLike', () => {
  it('orders keys like the model, new keys last, inside lists too', () => {
    const draft = {
      spec: {
        http: [{ fault: { abort: {} }, route: [{ weight: 1, destination: { host: 'r' } }] }],
        hosts: ['r'],
      },
      metadata: { namespace: 'b', name: 'r' },
      kind: 'VirtualService',
    };
    const live = {
      kind: 'VirtualService',
      metadata: { name: 'r', namespace: 'b', uid: 'u' },
      spec: { hosts: ['r'], http: [{ route: [{ destination: { host: 'r' }, weight: 100 }] }] },
    };
    const ordered = orderLike(draft, live);
    expect(ordered).toEqual(draft);
    expect(JSON.stringify(ordered)).toBe(
      JSON.stringify({
        kind: 'VirtualService',
        metadata: { name: 'r', namespace: 'b' },
        spec: {
          hosts: ['r'],
          http: [{ route: [{ destination: { host: 'r' }, weight: 1 }], fault: { abort: {} } }],
        },
      }),
    );
  });
});
