import { describe, expect, it } from 'vitest';
import { optOutWorkload } from './actions-opt-out';
import { NO_TRAFFIC, type ActionObjects } from './actions-types';
import { deploymentOf, legacy, outside, payments } from './__fixtures__/action-world';

const traffic = { ...NO_TRAFFIC, inbound: new Map([['api-v1', 5]]) };

describe('optOutWorkload', () => {
  it('payments/api-v1: the label goes on its Deployment pod template, which rolls its two pods', () => {
    const action = optOutWorkload(payments(), 'api-v1', traffic);
    if ('unavailable' in action) throw new Error(action.unavailable);
    expect(action).toMatchObject({
      action: 'opt-out',
      title: 'Opt payments/api-v1 out of ambient',
      kind: 'Deployment',
      namespace: 'payments',
      name: 'api-v1',
      baseResourceVersion: '31',
      warnings: [],
    });
    expect(action.effect).toEqual([
      'The pod template of Deployment api-v1 gets istio.io/dataplane-mode=none: Kubernetes replaces its 2 pods (a rolling restart)',
      'The new pods are not captured by ztunnel: their traffic leaves the mesh: plaintext, no policy',
      '5 rps into api-v1 will travel in plaintext',
    ]);
    expect(action.object).toMatchObject({
      metadata: { labels: { app: 'api', version: 'v1' } },
      spec: {
        template: { metadata: { labels: { app: 'api', version: 'v1', 'istio.io/dataplane-mode': 'none' } } },
      },
    });
  });

  it('finds the Deployment by its selector when the workload is named otherwise', () => {
    const objects = payments();
    objects.deployments = [deploymentOf('payments', 'api', { app: 'api', version: 'v1' })];
    const action = optOutWorkload(objects, 'api-v1', NO_TRAFFIC);
    expect(action).toMatchObject({ kind: 'Deployment', name: 'api' });
  });

  it.each<[string, ActionObjects, string, string[]]>([
    [
      'a workload of a namespace outside ambient',
      outside(),
      'client',
      ['client is not captured now; the label keeps it out if outside is enrolled later'],
    ],
    [
      'a workload opted out already',
      (() => {
        const objects = payments();
        objects.deployments = [
          deploymentOf('payments', 'api-v1', { app: 'api', 'istio.io/dataplane-mode': 'none' }),
        ];
        return objects;
      })(),
      'api-v1',
      ['api-v1 is opted out already: nothing changes'],
    ],
  ])('warns about %s', (_what, objects, workload, warnings) => {
    const action = optOutWorkload(objects, workload, NO_TRAFFIC);
    expect(action).toMatchObject({ warnings });
  });

  it('says sidecar pods keep their sidecars', () => {
    const objects = legacy();
    objects.deployments = [deploymentOf('legacy', 'inventory-v1', { app: 'inventory', version: 'v1' })];
    const action = optOutWorkload(objects, 'inventory-v1', NO_TRAFFIC);
    if ('unavailable' in action) throw new Error(action.unavailable);
    expect(action.effect[1]).toBe('1 pod with a sidecar keeps it: the label does not turn injection off');
  });

  it.each([
    ['no such workload', payments(), 'billing', 'payments has no workload billing'],
    [
      'a workload without a Deployment',
      legacy(),
      'inventory-v1',
      "legacy/inventory-v1 is not run by a Deployment: label its controller's pod template istio.io/dataplane-mode=none",
    ],
  ])('is unavailable for %s', (_what, objects, workload, why) => {
    expect(optOutWorkload(objects, workload, NO_TRAFFIC)).toEqual({ unavailable: why });
  });
});
