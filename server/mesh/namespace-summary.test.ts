import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { summarizeNamespaces } from './namespace-summary';

function obj(name: string, labels: Record<string, string> = {}, namespace?: string): KubeObject {
  return { apiVersion: 'v1', kind: namespace ? 'Pod' : 'Namespace', metadata: { name, namespace, labels } };
}

describe('summarizeNamespaces', () => {
  it('reads the mesh labels and counts pods per namespace', () => {
    const summary = summarizeNamespaces(
      [
        obj('legacy', { 'istio-injection': 'enabled' }),
        obj('bookinfo', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }),
        obj('canary', { 'istio.io/rev': '1-24' }),
        obj('plain'),
      ],
      [obj('a', {}, 'bookinfo'), obj('b', {}, 'bookinfo'), obj('c', {}, 'legacy')],
    );
    expect(summary).toEqual([
      { name: 'bookinfo', dataplaneMode: 'ambient', sidecarInjection: false, waypoint: 'waypoint', pods: 2 },
      { name: 'canary', dataplaneMode: null, sidecarInjection: true, waypoint: null, pods: 0 },
      { name: 'legacy', dataplaneMode: null, sidecarInjection: true, waypoint: null, pods: 1 },
      { name: 'plain', dataplaneMode: null, sidecarInjection: false, waypoint: null, pods: 0 },
    ]);
  });
});
