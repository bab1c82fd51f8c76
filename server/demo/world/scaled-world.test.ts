import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { ResourceStore } from '../apiserver';
import { startControllers } from './controllers';
import { materializeWorld } from './materialize';
import { scaledWorld } from './scaled-world';
import { behaviourProblems } from './world-check';

const SYSTEM = new Set(['default', 'kube-system', 'istio-system', 'meshlens-system']);
const isApp = (o: KubeObject): boolean =>
  !SYSTEM.has(o.metadata.namespace ?? '') && !o.metadata.labels?.['gateway.networking.k8s.io/gateway-name'];

const started = performance.now();
const world = scaledWorld(1000, 'bench');
const generationMs = performance.now() - started;

describe('scaledWorld(1000)', () => {
  it('has about 1,000 application workloads over about 50 namespaces in a mix of mesh modes', () => {
    const deployments = world.objects.filter((o) => o.kind === 'Deployment' && isApp(o));
    expect(deployments).toHaveLength(1000);
    const namespaces = world.objects.filter((o) => o.kind === 'Namespace' && !SYSTEM.has(o.metadata.name));
    expect(namespaces).toHaveLength(50);
    const mode = (labels: Readonly<Record<string, string>> = {}): string =>
      labels['istio.io/use-waypoint']
        ? 'waypoint'
        : (labels['istio.io/dataplane-mode'] ?? (labels['istio-injection'] ? 'sidecar' : 'outside'));
    const modes = new Map<string, number>();
    for (const ns of namespaces)
      modes.set(mode(ns.metadata.labels), (modes.get(mode(ns.metadata.labels)) ?? 0) + 1);
    expect(Object.fromEntries(modes)).toEqual({ waypoint: 23, ambient: 15, sidecar: 7, outside: 5 });
    expect(world.objects.filter((o) => o.kind === 'Gateway')).toHaveLength(23);
    // One replica each: objects stay in the low thousands (Deployment, ReplicaSet, Pod, Service, ServiceAccount).
    expect(world.objects.length).toBeLessThan(6_000);
  });

  it('has a layered call graph of several thousand edges, across namespaces too, with sources per front end', () => {
    const { calls, sources } = world.behaviour;
    expect(calls.length).toBeGreaterThan(3_000);
    const crossing = calls.filter((c) => c.from.namespace !== c.to.namespace).length;
    expect(crossing / calls.length).toBeGreaterThan(0.1);
    expect(crossing / calls.length).toBeLessThan(0.5);
    expect(sources.filter((s) => s.from === null)).toHaveLength(1);
    const fronts = new Set(
      calls
        .filter((c) => c.from.name === 'istio-ingressgateway')
        .map((c) => `${c.to.namespace}/${c.to.service}`),
    );
    expect(fronts.size).toBeGreaterThan(10);
    const perFront = new Map<string, number>();
    for (const s of sources.filter((s) => s.from !== null)) {
      const key = `${s.to.namespace}/${s.to.service}`;
      perFront.set(key, (perFront.get(key) ?? 0) + 1);
    }
    expect(Math.min(...perFront.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perFront.values())).toBeLessThanOrEqual(3);
  });

  it('references only workloads and service ports that exist, and has no call cycle', () => {
    expect(behaviourProblems(world)).toEqual([]);
  });

  it('is accepted by the store whole, and the controllers find nothing to change in it', async () => {
    const store = new ResourceStore({ seed: 'bench' });
    materializeWorld(world, store);
    expect(store.list('deployments').items.length).toBe(
      world.objects.filter((o) => o.kind === 'Deployment').length,
    );
    const before = store.resourceVersion;
    const controllers = startControllers(store);
    await controllers.whenIdle();
    controllers.stop();
    expect(store.resourceVersion).toBe(before);
  });

  it('is generated in well under a second', () => {
    expect(generationMs).toBeLessThan(1_000);
  });

  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(scaledWorld(1000, 'bench'))).toBe(JSON.stringify(world));
    const other = scaledWorld(1000, 'other');
    expect(other.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual(
      world.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name),
    );
    expect(JSON.stringify(other.behaviour.calls)).not.toBe(JSON.stringify(world.behaviour.calls));
  });
});

describe('scaledWorld at other sizes', () => {
  it.each([1, 2, 7, 20, 137])('stays consistent with %i workloads', (n) => {
    const small = scaledWorld(n, n);
    expect(behaviourProblems(small)).toEqual([]);
    expect(small.objects.filter((o) => o.kind === 'Deployment' && isApp(o))).toHaveLength(n);
    materializeWorld(small, new ResourceStore());
  });
});
