import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  actionTraffic,
  isUnavailable,
  planAction,
  previewRequestOf,
  type ActionRequest,
  type MeshAction,
} from './actions';
import type { NamespaceDetail, PolicyRow } from './detail-types';
import type { MtlsView } from './views-types';
import { CLIENT_TO_API } from './__fixtures__/action-world';
import { bookinfo, payments } from './__fixtures__/action-world';
import { waypoint } from './__fixtures__/cluster';

const objects = payments({ gateways: [waypoint('payments')] });

describe('planAction', () => {
  it.each<[ActionRequest, Pick<MeshAction, 'action' | 'kind' | 'name'>]>([
    [
      { action: 'enroll-ambient', namespace: 'payments' },
      { action: 'enroll-ambient', kind: 'Namespace', name: 'payments' },
    ],
    [
      { action: 'remove-ambient', namespace: 'payments' },
      { action: 'remove-ambient', kind: 'Namespace', name: 'payments' },
    ],
    [
      { action: 'opt-out', namespace: 'payments', workload: 'postgres' },
      { action: 'opt-out', kind: 'Deployment', name: 'postgres' },
    ],
    [
      {
        action: 'create-waypoint',
        namespace: 'payments',
        scope: 'namespace',
        waypointFor: 'service',
        name: 'l7',
      },
      { action: 'create-waypoint', kind: 'Gateway', name: 'l7' },
    ],
    [
      {
        action: 'bind-waypoint',
        namespace: 'payments',
        target: { kind: 'service', name: 'api' },
        waypoint: { namespace: 'payments', name: 'waypoint' },
      },
      { action: 'bind-waypoint', kind: 'Service', name: 'api' },
    ],
    [
      { action: 'unbind-waypoint', namespace: 'payments', target: { kind: 'namespace' } },
      { action: 'unbind-waypoint', kind: 'Namespace', name: 'payments' },
    ],
    [
      { action: 'set-peerauthentication', namespace: 'payments', mode: 'STRICT' },
      { action: 'set-peerauthentication', kind: 'PeerAuthentication', name: 'default' },
    ],
  ])('%j plans %j', (request, expected) => {
    const plan = planAction(request, objects);
    expect(plan).toMatchObject({ ...expected, namespace: 'payments' });
  });

  it('refuses objects of another namespace', () => {
    const plan = planAction({ action: 'enroll-ambient', namespace: 'payments' }, bookinfo());
    expect(isUnavailable(plan) && plan.unavailable).toBe('the objects are of bookinfo, not payments');
  });
});

describe('previewRequestOf', () => {
  it('sends the proposed object as YAML without server fields, conditioned on the live version', () => {
    const plan = planAction(
      { action: 'enroll-ambient', namespace: 'outside' },
      {
        ...payments(),
        namespace: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'outside',
            resourceVersion: '9',
            uid: 'u-1',
            creationTimestamp: '2026-01-01T00:00:00Z',
            labels: { team: 'x' },
          },
          status: { phase: 'Active' },
        },
      },
    );
    if (isUnavailable(plan)) throw new Error(plan.unavailable);
    const request = previewRequestOf(plan);
    expect(request).toMatchObject({
      kind: 'Namespace',
      namespace: 'outside',
      name: 'outside',
      baseResourceVersion: '9',
    });
    expect(parse(request.yaml)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'outside', labels: { team: 'x', 'istio.io/dataplane-mode': 'ambient' } },
    });
  });

  it('has no base for an object the action creates', () => {
    const plan = planAction(
      { action: 'set-peerauthentication', namespace: 'payments', mode: 'STRICT' },
      objects,
    );
    if (isUnavailable(plan)) throw new Error(plan.unavailable);
    expect(previewRequestOf(plan)).not.toHaveProperty('baseResourceVersion');
  });
});

describe('actionTraffic', () => {
  const policy = { kind: 'AuthorizationPolicy', name: 'p' } as PolicyRow;
  const detail = (trafficKnown: boolean) => ({
    data: {
      trafficKnown,
      workloads: [
        { name: 'api-v1', inbound: { requestsPerSecond: 5 } },
        { name: 'postgres', inbound: null },
      ],
      policies: [policy],
    } as unknown as NamespaceDetail,
    errors: [],
  });
  const mtls = (trafficKnown: boolean) => ({
    data: { trafficKnown, plaintext: [CLIENT_TO_API] } as unknown as MtlsView,
    errors: [],
  });

  it('takes the inbound rates and policies of the namespace page, the plaintext edges of the mTLS view', () => {
    expect(actionTraffic(detail(true), mtls(true))).toEqual({
      inbound: new Map([
        ['api-v1', 5],
        ['postgres', 0],
      ]),
      plaintext: [CLIENT_TO_API],
      policies: [policy],
    });
  });

  it('leaves unknown what the metrics could not tell, and prefers the page’s own policies', () => {
    expect(actionTraffic(detail(false), mtls(false), [])).toEqual({
      inbound: null,
      plaintext: null,
      policies: [],
    });
    expect(actionTraffic(undefined, undefined)).toEqual({ inbound: null, plaintext: null, policies: [] });
  });
});
