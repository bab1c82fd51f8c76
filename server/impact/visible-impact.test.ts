import { describe, expect, it } from 'vitest';
import { SEES_ALL } from '@/lib/auth/visibility';
import { seeing } from '@/lib/graph/__fixtures__/visibility';
import type { EdgeImpact } from '@/lib/impact/authorization-impact';
import type { HostImpact } from '@/lib/impact/virtual-service-impact';
import { edge } from '@/lib/mesh/__fixtures__/graph-edges';
import type { ImpactPreview } from './preview';
import { impactRefusal, visibleImpact } from './visible-impact';

const viewer = seeing(['shop'], ['infra', 'istio-system']);

const API = 'workload:shop/api-v1';
const DB = 'workload:shop/db-v1';
const JOB = 'workload:infra/job';

/** The window's graph: two calls inside shop, one from infra, one from the unknown caller, one into infra. */
const EDGES = [
  edge('workload:shop/web-v1', API),
  edge(API, DB),
  edge(JOB, API),
  edge('unknown', API),
  edge(API, JOB),
];

function impact(source: string, target: string, after: 'allow' | 'deny'): EdgeImpact {
  return {
    edgeId: `${source}->${target}|http|L7`,
    source,
    target,
    protocol: 'http',
    requestsPerSecond: 1,
    bytesPerSecond: null,
    before: after === 'deny' ? 'allow' : 'deny',
    after,
    enforcedAt: 'ztunnel',
    reason: 'denied by shop/deny (DENY) at ztunnel',
    undecided: null,
  };
}

const authorization: ImpactPreview = {
  windowSeconds: 300,
  edges: 5,
  kind: 'AuthorizationPolicy',
  authorization: {
    denied: [impact(JOB, API, 'deny'), impact('unknown', API, 'deny')],
    allowed: [impact(API, JOB, 'allow')],
    undecided: [{ ...impact(API, DB, 'allow'), undecided: 'its rules look at paths' }],
    unchanged: 1,
  },
};

describe('impactRefusal', () => {
  it.each([
    ['shop', null],
    ['infra', 'namespace "infra" is not one you may see: its impact cannot be previewed'],
    ['nope', 'namespace "nope" is not one you may see: its impact cannot be previewed'],
  ])('an object in %s', (namespace, refusal) => {
    const object = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'p', namespace },
    };
    expect(impactRefusal(object, viewer)).toBe(refusal);
    expect(impactRefusal(object, SEES_ALL)).toBeNull();
  });
});

describe('visibleImpact: AuthorizationPolicy', () => {
  it('gives a viewer who sees everything the preview itself', () => {
    expect(visibleImpact(authorization, EDGES, SEES_ALL)).toBe(authorization);
  });

  it('keeps the calls between namespaces the viewer sees, and counts only those', () => {
    const shown = visibleImpact(authorization, EDGES, viewer);
    expect(shown).toEqual({
      ...authorization,
      edges: 3,
      authorization: {
        denied: [impact('unknown', API, 'deny')],
        allowed: [],
        undecided: authorization.authorization.undecided,
        unchanged: 1,
      },
    });
  });
});

describe('visibleImpact: VirtualService', () => {
  const host = (namespace: string): HostImpact => ({
    service: { namespace, name: 'api' },
    routes: [
      {
        match: 'all requests',
        targets: [
          { host: 'api', subset: null, weight: 80, workloads: [`workload:${namespace}/api-v1`] },
          { host: 'job.infra.svc.cluster.local', subset: null, weight: 20, workloads: [JOB] },
        ],
        fault: null,
        timeout: null,
        retries: null,
      },
    ],
    current: [{ workload: `workload:${namespace}/api-v1`, requestsPerSecond: 3, share: 1 }],
    expected: [
      { workload: `workload:${namespace}/api-v1`, share: 0.8 },
      { workload: JOB, share: 0.2 },
    ],
    callers: [
      { source: JOB, requestsPerSecond: 2 },
      { source: 'workload:shop/web-v1', requestsPerSecond: 1 },
    ],
    notes: [],
  });
  const routing: ImpactPreview = {
    windowSeconds: 300,
    edges: 5,
    kind: 'VirtualService',
    routing: [host('shop'), host('infra')],
  };

  it('gives a viewer who sees everything the preview itself', () => {
    expect(visibleImpact(routing, EDGES, SEES_ALL)).toBe(routing);
  });

  it('leaves out hosts, workloads and callers of hidden namespaces', () => {
    const shown = visibleImpact(routing, EDGES, viewer);
    expect(shown.edges).toBe(3);
    expect(shown.kind === 'VirtualService' && shown.routing).toEqual([
      {
        ...host('shop'),
        routes: [
          {
            ...host('shop').routes[0],
            targets: [
              { host: 'api', subset: null, weight: 80, workloads: [API] },
              { host: 'job.infra.svc.cluster.local', subset: null, weight: 20, workloads: [] },
            ],
          },
        ],
        expected: [{ workload: API, share: 0.8 }],
        callers: [{ source: 'workload:shop/web-v1', requestsPerSecond: 1 }],
      },
    ]);
  });
});
