import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { ResourceStore } from '../apiserver';
import { bookinfoManifests } from './bookinfo';
import { defaultWorld } from './default-world';
import { at, listAt, mapAt, stringAt } from './json';
import { materializeWorld } from './materialize';
import { behaviourProblems } from './world-check';

const world = defaultWorld('test');
const of = (kind: string, namespace?: string): KubeObject[] =>
  world.objects.filter(
    (o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace),
  );
const names = (objects: KubeObject[]): string[] => objects.map((o) => o.metadata.name).sort();
const annotation = (o: KubeObject, key: string): string | undefined => o.metadata.annotations?.[key];

describe('defaultWorld: the cluster', () => {
  it('has three nodes, the namespaces of the demo with their mesh labels, and nothing the store refuses', () => {
    expect(names(of('Node'))).toEqual(['demo-worker-1', 'demo-worker-2', 'demo-worker-3']);
    const labels = Object.fromEntries(of('Namespace').map((n) => [n.metadata.name, n.metadata.labels]));
    expect(Object.keys(labels).sort()).toEqual([
      'bookinfo',
      'default',
      'istio-system',
      'kube-system',
      'legacy',
      'meshlens-system',
      'outside',
      'payments',
    ]);
    expect(labels['bookinfo']).toMatchObject({
      'istio.io/dataplane-mode': 'ambient',
      'istio.io/use-waypoint': 'waypoint',
    });
    expect(labels['payments']).toMatchObject({ 'istio.io/dataplane-mode': 'ambient' });
    expect(labels['payments']?.['istio.io/use-waypoint']).toBeUndefined();
    expect(labels['legacy']).toMatchObject({ 'istio-injection': 'enabled' });
    expect(labels['outside']).toEqual({ 'kubernetes.io/metadata.name': 'outside' });
    expect(labels['meshlens-system']).toMatchObject({ 'meshlens.io/purpose': 'audit-records' });
    const store = new ResourceStore({ seed: 'test' });
    materializeWorld(world, store);
    expect(store.list('pods').items).toHaveLength(of('Pod').length);
  });

  it('runs istiod, ztunnel and istio-cni on every node, and an Envoy ingress gateway', () => {
    const [istiod] = of('Deployment', 'istio-system').filter((d) => d.metadata.name === 'istiod');
    expect(istiod?.metadata.labels).toMatchObject({ app: 'istiod', 'istio.io/rev': 'default' });
    expect(stringAt(listAt(istiod, 'spec.template.spec.containers')[0], 'image')).toBe(
      'docker.io/istio/pilot:1.28.0',
    );
    const pods = of('Pod', 'istio-system');
    const ztunnels = pods.filter((p) => p.metadata.labels?.['app'] === 'ztunnel');
    expect(ztunnels.map((p) => stringAt(p, 'spec.nodeName')).sort()).toEqual(names(of('Node')));
    expect(of('DaemonSet').map((d) => [d.metadata.name, at(d, 'status.numberReady')])).toEqual([
      ['ztunnel', 3],
      ['istio-cni-node', 3],
    ]);
    const cni = pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'istio-cni-node');
    expect(cni.every((p) => stringAt(p, 'status.podIP') === stringAt(p, 'status.hostIP'))).toBe(true);
    const ingress = pods.filter((p) => p.metadata.labels?.['istio'] === 'ingressgateway');
    expect(ingress).toHaveLength(1);
    expect(annotation(ingress[0] as KubeObject, 'sidecar.istio.io/status')).toBeDefined();
    const svc = of('Service', 'istio-system').find((s) => s.metadata.name === 'istio-ingressgateway');
    expect(stringAt(svc, 'spec.type')).toBe('LoadBalancer');
    expect(names(of('GatewayClass'))).toEqual(['istio', 'istio-waypoint']);
  });

  it('makes pods look real: owners, labels, accounts, nodes, addresses from the node range, Ready', () => {
    const ips = new Set<string>();
    const workloads = new Set(names([...of('ReplicaSet'), ...of('DaemonSet')]));
    for (const pod of of('Pod')) {
      const owner = pod.metadata.ownerReferences?.[0];
      expect(owner && workloads.has(owner.name), pod.metadata.name).toBe(true);
      expect(pod.metadata.name.startsWith(`${owner?.name}-`)).toBe(true);
      expect(stringAt(pod, 'spec.serviceAccountName')).toBeTruthy();
      expect(stringAt(pod, 'status.phase')).toBe('Running');
      const ready = listAt(pod, 'status.conditions').find((c) => stringAt(c, 'type') === 'Ready');
      expect(stringAt(ready, 'status')).toBe('True');
      const node = stringAt(pod, 'spec.nodeName') ?? '';
      const ip = stringAt(pod, 'status.podIP') ?? '';
      if (at(pod, 'spec.hostNetwork') === true) continue;
      expect(ip).toMatch(new RegExp(`^10\\.244\\.${node.replace('demo-worker-', '')}\\.\\d+$`));
      expect(ips.has(ip), ip).toBe(false);
      ips.add(ip);
      expect(listAt(pod, 'status.containerStatuses')).toHaveLength(listAt(pod, 'spec.containers').length);
    }
    for (const ns of ['bookinfo', 'payments', 'legacy', 'outside']) {
      for (const pod of of('Pod', ns).filter(
        (p) => !p.metadata.labels?.['gateway.networking.k8s.io/gateway-name'],
      )) {
        expect(pod.metadata.labels, pod.metadata.name).toMatchObject({
          app: expect.any(String),
          version: expect.any(String),
          'pod-template-hash': expect.any(String),
        });
      }
    }
  });

  it('captures ambient pods, injects the sidecar namespace, and leaves the rest alone', () => {
    const redirected = (ns: string): boolean[] =>
      of('Pod', ns).map((p) => annotation(p, 'ambient.istio.io/redirection') === 'enabled');
    const bookinfo = of('Pod', 'bookinfo');
    for (const pod of bookinfo) {
      const isWaypoint = pod.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] === 'waypoint';
      expect(annotation(pod, 'ambient.istio.io/redirection'), pod.metadata.name).toBe(
        isWaypoint ? undefined : 'enabled',
      );
    }
    expect(redirected('payments')).toEqual([true, true, true]);
    expect(redirected('outside')).toEqual([false]);
    expect(redirected('istio-system').some(Boolean)).toBe(false);
    for (const pod of of('Pod', 'legacy')) {
      expect(annotation(pod, 'sidecar.istio.io/status')).toBeDefined();
      expect(listAt(pod, 'spec.containers').map((c) => stringAt(c, 'name'))).toContain('istio-proxy');
      expect(annotation(pod, 'ambient.istio.io/redirection')).toBeUndefined();
    }
  });

  it('has the bookinfo waypoint as Istio deploys it, programmed', () => {
    const [gateway] = of('Gateway', 'bookinfo');
    expect(gateway?.metadata).toMatchObject({
      name: 'waypoint',
      labels: { 'istio.io/waypoint-for': 'service' },
    });
    expect(gateway?.spec).toEqual({
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    });
    const conditions = listAt(gateway, 'status.conditions').map((c) => [
      stringAt(c, 'type'),
      stringAt(c, 'status'),
    ]);
    expect(conditions).toEqual([
      ['Accepted', 'True'],
      ['Programmed', 'True'],
    ]);
    const service = of('Service', 'bookinfo').find((s) => s.metadata.name === 'waypoint');
    expect(stringAt(listAt(gateway, 'status.addresses')[0], 'value')).toBe(
      stringAt(service, 'spec.clusterIP'),
    );
    expect(listAt(service, 'spec.ports').map((p) => (p as { port: number }).port)).toContain(15008);
    const pod = of('Pod', 'bookinfo').find((p) => p.metadata.name.startsWith('waypoint-'));
    expect(pod?.metadata.labels).toMatchObject({
      'gateway.istio.io/managed': 'istio.io-mesh-controller',
      'gateway.networking.k8s.io/gateway-name': 'waypoint',
      'istio.io/dataplane-mode': 'none',
    });
    expect(stringAt(pod, 'spec.serviceAccountName')).toBe('waypoint');
  });
});

describe('defaultWorld: bookinfo and the behaviour', () => {
  it('has exactly the sample bookinfo Services, ServiceAccounts and Deployments', () => {
    for (const kind of ['Service', 'ServiceAccount', 'Deployment']) {
      const sample = bookinfoManifests()
        .filter((o) => o['kind'] === kind)
        .map((o) => stringAt(o, 'metadata.name'));
      const ours = names(of(kind, 'bookinfo')).filter((n) => n !== 'waypoint');
      expect(ours, kind).toEqual([...sample].sort());
    }
    const reviews = of('Deployment', 'bookinfo').find((d) => d.metadata.name === 'reviews-v2');
    expect(mapAt(reviews, 'spec.selector.matchLabels')).toEqual({ app: 'reviews', version: 'v2' });
    expect(stringAt(reviews, 'spec.template.spec.serviceAccountName')).toBe('bookinfo-reviews');
  });

  it('calls as bookinfo does: productpage -> details, reviews; reviews v2 and v3 -> ratings; v1 calls nothing', () => {
    const edges = world.behaviour.calls
      .filter((c) => c.from.namespace === 'bookinfo')
      .map((c) => `${c.from.name} -> ${c.to.service}:${c.to.port}`)
      .sort();
    expect(edges).toEqual([
      'productpage-v1 -> details:9080',
      'productpage-v1 -> reviews:9080',
      'reviews-v2 -> ratings:9080',
      'reviews-v3 -> ratings:9080',
    ]);
    expect(world.behaviour.calls.filter((c) => c.to.service === 'reviews').map((c) => c.onError)).toEqual([
      'degrade',
    ]);
  });

  it('sends traffic in from the internet, the outside client (to payments), legacy and into postgres', () => {
    const sources = world.behaviour.sources.map((s) => [
      s.from ? `${s.from.namespace}/${s.from.name}` : 'internet',
      `${s.to.namespace}/${s.to.service}:${s.to.port}`,
    ]);
    expect(sources).toContainEqual(['internet', 'istio-system/istio-ingressgateway:80']);
    expect(sources).toContainEqual(['outside/client', 'payments/api:8080']);
    const calls = world.behaviour.calls.map((c) => `${c.from.namespace}/${c.from.name} -> ${c.to.service}`);
    expect(calls).toContain('istio-system/istio-ingressgateway -> productpage');
    expect(calls).toContain('payments/api-v1 -> postgres');
    expect(calls.filter((c) => c.startsWith('legacy/'))).toHaveLength(2);
  });

  it('references only workloads and service ports that exist, with no call cycle', () => {
    expect(behaviourProblems(world)).toEqual([]);
    for (const w of world.behaviour.workloads) {
      expect(w.p99Ms).toBeGreaterThanOrEqual(w.medianMs);
      expect(w.errorRate).toBeLessThanOrEqual(0.002);
    }
  });

  it('is the same for the same seed; another seed changes names only', () => {
    expect(defaultWorld('test')).toEqual(world);
    const other = defaultWorld('other');
    expect(other.behaviour).toEqual(world.behaviour);
    expect(other.objects.map((o) => o.kind)).toEqual(world.objects.map((o) => o.kind));
    expect(names(other.objects.filter((o) => o.kind === 'Pod'))).not.toEqual(names(of('Pod')));
  });
});
