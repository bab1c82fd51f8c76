import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { clusterSnapshot, pod } from './__fixtures__/cluster';
import { meshFacts, workloadNameOf } from './mesh-facts';

describe('workloadNameOf', () => {
  it("names a pod by its controller, a Deployment's through its ReplicaSet", () => {
    expect(workloadNameOf(pod('ns', 'reviews-v2', {}))).toBe('reviews-v2');
    const daemon: KubeObject = {
      metadata: {
        name: 'ztunnel-x1',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ztunnel', uid: 'u', controller: true },
        ],
      },
    };
    expect(workloadNameOf(daemon)).toBe('ztunnel');
    expect(workloadNameOf({ metadata: { name: 'bare' } })).toBe('bare');
  });
});

describe('meshFacts', () => {
  const facts = meshFacts(clusterSnapshot());

  it('knows waypoints from their Gateway and the pods that name it', () => {
    expect([...facts.waypoints.keys()]).toEqual(['bookinfo/waypoint']);
    expect(facts.waypoints.get('bookinfo/waypoint')).toEqual({
      namespace: 'bookinfo',
      name: 'waypoint',
      className: 'istio-waypoint',
      workload: 'bookinfo/waypoint',
    });
    expect(facts.workloads.get('bookinfo/waypoint')?.role).toBe('waypoint');
  });

  it('finds a Gateway of the waypoint class even before its pods run', () => {
    const snapshot = clusterSnapshot();
    const facts2 = meshFacts({
      ...snapshot,
      pods: snapshot.pods.filter((p) => !p.metadata.name.startsWith('waypoint')),
    });
    expect([...facts2.waypoints.keys()]).toEqual(['bookinfo/waypoint']);
  });

  it('reads roles and data planes from the pods', () => {
    const of = (key: string) => {
      const w = facts.workloads.get(key);
      return [w?.role, w?.dataplane];
    };
    expect(of('bookinfo/reviews-v2')).toEqual(['workload', 'ambient']);
    expect(of('legacy/inventory-v1')).toEqual(['workload', 'sidecar']);
    expect(of('outside/client-v1')).toEqual(['workload', 'none']);
    expect(of('istio-system/istio-ingressgateway')).toEqual(['gateway', 'sidecar']);
  });

  it('binds Services to their effective waypoint, and workloads through their Services', () => {
    expect(facts.serviceWaypoints.get('bookinfo/reviews')?.name).toBe('waypoint');
    expect(facts.serviceWaypoints.has('payments/api')).toBe(false);
    // The namespace waypoint serves services only: reviews-v2 is served through the reviews Service.
    expect(facts.workloads.get('bookinfo/reviews-v2')?.services).toEqual(['bookinfo/reviews']);
    expect(facts.workloads.get('bookinfo/reviews-v2')?.waypoint?.workload).toBe('bookinfo/waypoint');
    expect(facts.workloads.get('payments/api-v1')?.waypoint).toBeNull();
    expect(facts.serviceWorkloads.get('bookinfo/reviews')).toEqual(['bookinfo/reviews-v2']);
  });

  it("takes a waypoint's traffic type from its GatewayClass when the Gateway has no istio.io/waypoint-for", () => {
    const snapshot = clusterSnapshot();
    const workloadsOnly: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'istio-waypoint', labels: { 'istio.io/waypoint-for': 'workload' } },
      spec: { controllerName: 'istio.io/mesh-controller' },
    };
    // The fixture's Gateway says `service` itself, which beats its class.
    expect(
      meshFacts({ ...snapshot, gatewayClasses: [workloadsOnly] }).serviceWaypoints.has('bookinfo/reviews'),
    ).toBe(true);
    const unlabelled = snapshot.gateways.map((g) => ({ ...g, metadata: { ...g.metadata, labels: {} } }));
    const byClass = meshFacts({ ...snapshot, gateways: unlabelled, gatewayClasses: [workloadsOnly] });
    // Without it, the class says workloads only: the namespace's Services are not bound to it any more.
    expect(byClass.serviceWaypoints.has('bookinfo/reviews')).toBe(false);
  });
});
