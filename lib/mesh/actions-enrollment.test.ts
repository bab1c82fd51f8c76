import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { enrollNamespace, removeFromAmbient } from './actions-enrollment';
import { NO_TRAFFIC, type ActionObjects, type ActionTraffic } from './actions-types';
import { CLIENT_TO_API, legacy, outside, payments } from './__fixtures__/action-world';
import { CAPTURED, peerAuthentication, pod } from './__fixtures__/cluster';

const traffic: ActionTraffic = {
  inbound: new Map([
    ['api-v1', 5],
    ['postgres', 0],
  ]),
  plaintext: [CLIENT_TO_API],
  policies: [],
};

/** `outside` with extra pods in the client workload. */
function outsideWith(...pods: KubeObject[]): ActionObjects {
  const objects = outside();
  const client = objects.workloads[0];
  if (!client) throw new Error('fixture without client');
  return { ...objects, workloads: [{ ...client, pods: [...client.pods, ...pods] }] };
}

describe('enrollNamespace', () => {
  it.each<[string, ActionObjects, string[], string[]]>([
    [
      'outside: its client pod is captured',
      outside(),
      [
        '1 pod will be captured by ztunnel, no restarts',
        'Its traffic with other mesh workloads becomes mTLS (HBONE) with SPIFFE identities, and ztunnel enforces L4 AuthorizationPolicies',
      ],
      [],
    ],
    [
      'legacy: sidecar pods keep their sidecars',
      legacy(),
      ['No pod will be captured by ztunnel', '2 pods keep their sidecars until restarted without injection'],
      [
        'Sidecar injection stays on (istio-injection=enabled): pods started later still get sidecars and are not captured; remove the label to move legacy to ambient',
      ],
    ],
    [
      'payments: enrolled already',
      payments(),
      ['No pod will be captured by ztunnel', '3 pods captured already'],
      ['payments is enrolled already (istio.io/dataplane-mode=ambient): nothing changes'],
    ],
    [
      'a namespace without pods',
      { ...outside(), workloads: [] },
      ['No pod runs in outside now; pods started later will be captured by ztunnel'],
      [],
    ],
    [
      'an opted-out pod and a hostNetwork pod',
      outsideWith(
        pod('outside', 'batch-1', { labels: { 'istio.io/dataplane-mode': 'none' } }),
        pod('outside', 'agent-1', { hostNetwork: true }),
      ),
      [
        '1 pod will be captured by ztunnel, no restarts',
        'Its traffic with other mesh workloads becomes mTLS (HBONE) with SPIFFE identities, and ztunnel enforces L4 AuthorizationPolicies',
        '1 pod stays out: opted out with istio.io/dataplane-mode=none',
        '1 hostNetwork pod is never captured',
      ],
      [],
    ],
  ])('%s', (_what, objects, effect, warnings) => {
    const action = enrollNamespace(objects, NO_TRAFFIC);
    expect(action.effect).toEqual(effect);
    expect(action.warnings).toEqual(warnings);
  });

  it('proposes the live Namespace with the label added, at its resourceVersion, leaving the live one alone', () => {
    const objects = outside();
    const action = enrollNamespace(objects, NO_TRAFFIC);
    expect(action).toMatchObject({
      action: 'enroll-ambient',
      title: 'Enroll outside in ambient',
      kind: 'Namespace',
      namespace: 'outside',
      name: 'outside',
      baseResourceVersion: '7',
    });
    expect(action.object).toMatchObject({
      metadata: {
        labels: { 'kubernetes.io/metadata.name': 'outside', 'istio.io/dataplane-mode': 'ambient' },
      },
    });
    expect(objects.namespace.metadata.labels).not.toHaveProperty('istio.io/dataplane-mode');
  });

  it('warns that STRICT refuses the plaintext seen into the namespace once it is captured', () => {
    const objects: ActionObjects = {
      ...payments(),
      namespace: { ...payments().namespace, metadata: { name: 'payments', labels: {} } },
      workloads: payments().workloads.map((w) => ({
        ...w,
        pods: w.pods.map((p) => ({ ...p, metadata: { ...p.metadata, annotations: {} } })),
      })),
      peerAuthentications: [peerAuthentication('payments', 'default', 'STRICT')],
    };
    const action = enrollNamespace(objects, traffic);
    expect(action.effect[0]).toBe('3 pods will be captured by ztunnel, no restarts');
    expect(action.effect[1]).toMatch(/\(5 rps inbound now\)$/);
    expect(action.warnings).toEqual([
      'STRICT from payments/default (namespace): once captured, plaintext from clients outside the mesh is refused: outside/client → payments/api-v1 (5 rps)',
    ]);
  });
});

describe('removeFromAmbient', () => {
  it('payments: every pod leaves the mesh, with the rate that turns plaintext', () => {
    const action = removeFromAmbient(payments(), traffic);
    expect(action.effect).toEqual([
      '3 pods will no longer be captured; their traffic leaves the mesh: plaintext, no policy',
      '5 rps into api-v1 and postgres will travel in plaintext',
      'No restarts: istio-cni removes the redirection at once',
    ]);
    expect(action.warnings).toEqual([]);
    expect((action.object['metadata'] as { labels: Record<string, string> }).labels).toEqual({
      'kubernetes.io/metadata.name': 'payments',
    });
  });

  it('keeps pods enrolled by their own label, and names the policies and the waypoint that stop applying', () => {
    const objects = payments();
    const own = pod('payments', 'worker-1', {
      labels: { 'istio.io/dataplane-mode': 'ambient' },
      annotations: CAPTURED,
    });
    objects.workloads.push({ namespace: 'payments', name: 'worker', pods: [own] });
    objects.namespace = {
      ...objects.namespace,
      metadata: {
        ...objects.namespace.metadata,
        labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
      },
    };
    const policies = [
      {
        kind: 'AuthorizationPolicy' as const,
        namespace: 'payments',
        name: 'api-get',
        appliesTo: 'Service api',
        enforcedAt: ['waypoint' as const],
        note: null,
      },
      {
        kind: 'AuthorizationPolicy' as const,
        namespace: 'payments',
        name: 'sidecar-only',
        appliesTo: 'x',
        enforcedAt: ['sidecar' as const],
        note: null,
      },
    ];
    const action = removeFromAmbient(objects, { ...NO_TRAFFIC, policies });
    expect(action.effect).toEqual([
      '3 pods will no longer be captured; their traffic leaves the mesh: plaintext, no policy',
      'No restarts: istio-cni removes the redirection at once',
      '1 pod stays captured by its own istio.io/dataplane-mode=ambient label',
    ]);
    expect(action.warnings).toEqual([
      '1 AuthorizationPolicy stops being enforced for its pods: payments/api-get',
      'istio.io/use-waypoint=waypoint stays, but a waypoint serves captured pods only: its L7 policy and routing stop applying',
    ]);
  });

  it('outside: nothing to remove', () => {
    const action = removeFromAmbient(outside(), NO_TRAFFIC);
    expect(action.effect).toEqual([
      "No pod of outside is captured through the namespace's label: nothing leaves the mesh",
    ]);
    expect(action.warnings).toEqual(['outside has no istio.io/dataplane-mode label: nothing to remove']);
  });
});
