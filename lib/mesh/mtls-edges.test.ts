import { describe, expect, it } from 'vitest';
import { edge, spiffe } from './__fixtures__/graph-edges';
import { mtlsEdges, plaintextEdges, principalsSeen, senderOf } from './mtls-edges';
import type { EffectiveMode } from './views-types';

const API = 'workload:payments/api-v1';
const modes = new Map<string, EffectiveMode>([[API, 'PERMISSIVE']]);

describe('mtlsEdges', () => {
  it("merges a pair's L7 and L4 edges: requests from L7, bytes added, the lower mTLS share, identities joined", () => {
    const [row, ...rest] = mtlsEdges(
      [
        edge('workload:legacy/inventory-v1', API, {
          requestsPerSecond: 2,
          mtls: 1,
          sourcePrincipals: [spiffe('legacy', 'inventory')],
        }),
        edge('workload:legacy/inventory-v1', API, {
          layer: 'L4',
          bytesPerSecond: 300,
          mtls: 0.5,
          destinationPrincipals: [spiffe('payments', 'api')],
        }),
      ],
      modes,
    );
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      layers: ['L7', 'L4'],
      protocol: 'http',
      requestsPerSecond: 2,
      bytesPerSecond: 300,
      mtlsShare: 0.5,
      sourcePrincipals: [spiffe('legacy', 'inventory')],
      destinationPrincipals: [spiffe('payments', 'api')],
      destinationMode: 'PERMISSIVE',
    });
  });

  it('counts refused connections (code 0 on L4) and leaves idle edges out (their share of 0 says nothing)', () => {
    const rows = mtlsEdges(
      [
        edge('unknown', API, { layer: 'L4', bytesPerSecond: 0, responseCodes: { '0': 2 }, mtls: 0 }),
        edge('workload:a/b', API, { layer: 'L4', bytesPerSecond: 0, mtls: 0 }),
      ],
      modes,
    );
    expect(rows.map((r) => [r.source, r.refusedPerSecond])).toEqual([['unknown', 2]]);
  });

  it('sorts the least mTLS first, then the busiest; a callee that is not a mesh workload has no mode', () => {
    const rows = mtlsEdges(
      [
        edge('workload:a/x', 'workload:a/y', { requestsPerSecond: 1 }),
        edge('workload:a/x', 'workload:a/z', { requestsPerSecond: 5 }),
        edge('workload:outside/client', API, { layer: 'L4', mtls: 0 }),
      ],
      modes,
    );
    expect(rows.map((r) => [r.target, r.destinationMode])).toEqual([
      [API, 'PERMISSIVE'],
      ['workload:a/z', null],
      ['workload:a/y', null],
    ]);
  });
});

describe('plaintextEdges (docs: "Observed mTLS per edge comes from connection_security_policy")', () => {
  const rows: [string, Parameters<typeof edge>[2], string, 'accepted' | 'refused' | 'partly refused'][] = [
    [
      'an out-of-mesh client let through',
      { layer: 'L4', mtls: 0, bytesPerSecond: 900 },
      'outside/client',
      'accepted',
    ],
    [
      'an out-of-mesh client refused by STRICT',
      { layer: 'L4', mtls: 0, bytesPerSecond: 0, responseCodes: { '0': 5 } },
      'outside/client',
      'refused',
    ],
    [
      'refused since the window’s middle',
      { layer: 'L4', mtls: 0, bytesPerSecond: 400, responseCodes: { '0': 2 } },
      'outside/client',
      'partly refused',
    ],
  ];
  it.each(rows)('%s', (_name, fields, sender, outcome) => {
    const [row] = plaintextEdges(mtlsEdges([edge('workload:outside/client', API, fields)], modes));
    expect(row).toMatchObject({ sender, receiver: 'payments/api-v1', plaintextShare: 1, outcome });
  });

  it('names a caller the telemetry could not name as outside the mesh, and skips all-mTLS edges', () => {
    const list = plaintextEdges(
      mtlsEdges([edge('unknown', API, { layer: 'L4', mtls: 0.25 }), edge('workload:a/b', API)], modes),
    );
    expect(list.map((p) => [p.sender, p.plaintextShare])).toEqual([['unknown (outside the mesh)', 0.75]]);
    expect(senderOf('workload:legacy/inventory-v1')).toBe('legacy/inventory-v1');
  });
});

describe('principalsSeen', () => {
  it('lists each identity once, with its roles and the edges it was on', () => {
    const productpage = spiffe('bookinfo', 'bookinfo-productpage');
    const reviews = spiffe('bookinfo', 'bookinfo-reviews');
    const seen = principalsSeen(
      mtlsEdges(
        [
          edge('workload:i/gw', 'workload:b/pp', { destinationPrincipals: [productpage] }),
          edge('workload:b/pp', 'workload:b/rv', {
            sourcePrincipals: [productpage],
            destinationPrincipals: [reviews],
          }),
        ],
        new Map(),
      ),
    );
    expect(seen).toEqual([
      { principal: productpage, as: ['source', 'destination'], edges: 2 },
      { principal: reviews, as: ['destination'], edges: 1 },
    ]);
  });
});
