import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { policiesAt } from './authorization-scope';
import type { AuthorizationPolicySpec, EnforcementPoint } from './authorization-types';

function ap(namespace: string, name: string, spec: AuthorizationPolicySpec = {}): KubeObject {
  return { kind: 'AuthorizationPolicy', metadata: { name, namespace }, spec: { rules: [{}], ...spec } };
}
const POLICIES = [
  ap('shop', 'selects-api', { selector: { matchLabels: { app: 'api' } } }),
  ap('shop', 'selects-db', { selector: { matchLabels: { app: 'db' } } }),
  ap('shop', 'namespace-wide'),
  ap('istio-system', 'mesh-wide'),
  ap('istio-system', 'root-selector', { selector: { matchLabels: { app: 'api' } } }),
  ap('other', 'other-namespace'),
  ap('shop', 'targets-waypoint', {
    targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
  }),
  ap('shop', 'targets-service', { targetRefs: [{ kind: 'Service', group: '', name: 'api' }] }),
  ap('shop', 'targets-other-service', { targetRefs: [{ kind: 'Service', group: '', name: 'db' }] }),
  ap('istio-system', 'targets-class', {
    targetRefs: [{ kind: 'GatewayClass', group: 'gateway.networking.k8s.io', name: 'istio-waypoint' }],
  }),
  ap('shop', 'class-outside-root', {
    targetRefs: [{ kind: 'GatewayClass', group: 'gateway.networking.k8s.io', name: 'istio-waypoint' }],
  }),
  ap('shop', 'legacy-target-ref', {
    targetRef: { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' },
  }),
];

describe('policiesAt', () => {
  const ztunnel: EnforcementPoint = { kind: 'ztunnel', namespace: 'shop', labels: { app: 'api' } };
  const waypoint: EnforcementPoint = {
    kind: 'waypoint',
    gateway: { namespace: 'shop', name: 'waypoint', className: 'istio-waypoint' },
    service: { namespace: 'shop', name: 'api' },
  };
  const rows: [string, EnforcementPoint, string[]][] = [
    [
      "a workload's ztunnel: its selector policies, namespace-wide and mesh-wide ones, never targetRefs",
      ztunnel,
      ['selects-api', 'namespace-wide', 'mesh-wide', 'root-selector'],
    ],
    [
      'a sidecar sees the same set',
      { ...ztunnel, kind: 'sidecar' },
      ['selects-api', 'namespace-wide', 'mesh-wide', 'root-selector'],
    ],
    [
      'a waypoint: policies naming it, its class (from the root namespace) or the Service it serves',
      waypoint,
      ['targets-waypoint', 'targets-service', 'targets-class', 'legacy-target-ref'],
    ],
    [
      'a waypoint without a Service: only the Gateway and class ones',
      { ...waypoint, service: undefined } as EnforcementPoint,
      ['targets-waypoint', 'targets-class', 'legacy-target-ref'],
    ],
  ];
  it.each(rows)('%s', (_name, point, names) => {
    expect(policiesAt(POLICIES, point).map((p) => p.metadata.name)).toEqual(names);
  });
});
