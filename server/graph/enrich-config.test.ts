import { describe, expect, it } from 'vitest';
import { ALL_CASES, caseGraph, clusterFacts } from './__fixtures__/cases';
import { clusterSnapshot } from './__fixtures__/cluster';
import { addConfig } from './enrich-config';
import { meshFacts } from './mesh-facts';
import type { GraphModel } from './model';

function enriched(graph: GraphModel): GraphModel {
  addConfig(graph, clusterFacts());
  return graph;
}

describe('addConfig', () => {
  const graph = enriched(caseGraph('workload', ...ALL_CASES));
  const node = (id: string) => graph.nodes.get(id);

  it('sets the data plane of each node from its pods', () => {
    expect(node('workload:bookinfo/reviews-v2')?.dataplane).toBe('ambient');
    expect(node('workload:legacy/orders-v1')?.dataplane).toBe('sidecar');
    expect(node('workload:outside/client-v1')?.dataplane).toBe('none');
    expect(node('unknown')?.dataplane).toBe('none');
  });

  it('names the effective waypoint of workloads served by one, and of no one else', () => {
    expect(node('workload:bookinfo/details-v1')?.waypoint).toEqual({
      name: 'waypoint',
      namespace: 'bookinfo',
    });
    expect(node('workload:payments/api-v1')?.waypoint).toBeNull();
    expect(node('workload:bookinfo/waypoint')?.waypoint).toBeNull();
  });

  it('badges an L7 AuthorizationPolicy where the waypoint enforces it, not an L4 one at ztunnel', () => {
    expect(node('workload:bookinfo/details-v1')?.badges.l7Policy).toBe(true);
    expect(node('workload:bookinfo/reviews-v2')?.badges.l7Policy).toBe(false);
    expect(node('workload:payments/postgres-v1')?.badges.l7Policy).toBe(false);
  });

  it('badges the workloads and Services a VirtualService routes for', () => {
    expect(node('workload:bookinfo/reviews-v2')?.badges.virtualService).toBe(true);
    expect(node('workload:bookinfo/details-v1')?.badges.virtualService).toBe(false);
    const services = enriched(caseGraph('service', 'ambient-waypoint', 'waypoint-403'));
    expect(services.nodes.get('service:bookinfo/reviews')?.badges).toEqual({
      l7Policy: false,
      virtualService: true,
    });
    expect(services.nodes.get('service:bookinfo/details')?.badges).toEqual({
      l7Policy: true,
      virtualService: false,
    });
    expect(services.nodes.get('service:bookinfo/details')?.waypoint?.name).toBe('waypoint');
    expect(services.nodes.get('service:bookinfo/details')?.dataplane).toBe('ambient');
  });

  it('badges a waypoint for policies bound to its Gateway', () => {
    const snapshot = clusterSnapshot();
    const facts = meshFacts({
      ...snapshot,
      authorizationPolicies: [
        {
          metadata: { name: 'no-delete', namespace: 'bookinfo' },
          spec: {
            targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
            action: 'DENY',
            rules: [{ to: [{ operation: { methods: ['DELETE'] } }] }],
          },
        },
      ],
    });
    const g = caseGraph('workload', 'ambient-waypoint');
    addConfig(g, facts);
    expect(g.nodes.get('workload:bookinfo/waypoint')?.badges.l7Policy).toBe(true);
  });
});
