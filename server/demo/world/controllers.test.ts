import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResourceStore, type WatchEvent } from '../apiserver';
import { seededRandom } from '@/lib/random';
import { type RunningControllers, startControllers } from './controllers';
import { defaultWorld } from './default-world';
import { listAt, stringAt } from './json';
import { materializeWorld } from './materialize';
import { waypointGateway } from './waypoint';

const REDIRECTION = 'ambient.istio.io/redirection';
const GATEWAYS = 'gateways.gateway.networking.k8s.io';

let store: ResourceStore;
let controllers: RunningControllers;
let errors: unknown[];

beforeEach(() => {
  // A clock that moves on every read: a needless rewrite of a status would show as a write.
  let now = Date.parse('2025-06-01T10:00:00Z');
  store = new ResourceStore({ seed: 'controllers', clock: () => new Date((now += 1_000)) });
  materializeWorld(defaultWorld('controllers'), store);
  errors = [];
  controllers = startControllers(store, { random: seededRandom(7), onError: (e) => errors.push(e) });
});

afterEach(() => {
  controllers.stop();
  expect(errors).toEqual([]);
});

const redirections = (namespace: string): (string | undefined)[] =>
  store.list('pods', { namespace }).items.map((p) => p.metadata.annotations?.[REDIRECTION]);

/** Records the writes to a kind while `body` runs and the controllers settle. */
async function writesDuring(kind: string, body: () => void): Promise<WatchEvent[]> {
  const events: WatchEvent[] = [];
  const watch = store.watch(kind, { resourceVersion: store.resourceVersion }, (e) => events.push(e));
  body();
  await controllers.whenIdle(2_000);
  watch.stop();
  return events;
}

describe('startControllers on the default world', () => {
  it('writes nothing when the world is already as Istio would have it', async () => {
    const before = store.resourceVersion;
    await controllers.whenIdle(2_000);
    expect(store.resourceVersion).toBe(before);
  });
});

describe('istio-cni', () => {
  const label = (namespace: string, value: string | null): void =>
    void store.patch('namespaces', undefined, namespace, 'merge', {
      metadata: { labels: { 'istio.io/dataplane-mode': value } },
    });

  it('annotates the pods of a namespace labelled ambient at once, and removes it when unlabelled', async () => {
    expect(redirections('outside')).toEqual([undefined]);
    const writes = await writesDuring('pods', () => label('outside', 'ambient'));
    expect(redirections('outside')).toEqual(['enabled']);
    // One write per pod, and no reaction to its own write; the pod is the same pod (no restart).
    expect(writes.map((e) => e.type)).toEqual(['MODIFIED']);
    expect(writes[0]?.object.metadata.uid).toBe(
      store.list('pods', { namespace: 'outside' }).items[0]?.metadata.uid,
    );
    label('outside', null);
    await controllers.whenIdle(2_000);
    expect(redirections('outside')).toEqual([undefined]);
  });

  it('follows pod labels: none opts a pod out of an ambient namespace, ambient opts one in', async () => {
    const [pod] = store.list('pods', { namespace: 'payments', labelSelector: 'app=postgres' }).items;
    const name = pod?.metadata.name ?? '';
    store.patch('pods', 'payments', name, 'merge', {
      metadata: { labels: { 'istio.io/dataplane-mode': 'none' } },
    });
    await controllers.whenIdle(2_000);
    expect(store.get('pods', 'payments', name)?.metadata.annotations?.[REDIRECTION]).toBeUndefined();
    const [client] = store.list('pods', { namespace: 'outside' }).items;
    store.patch('pods', 'outside', client?.metadata.name ?? '', 'merge', {
      metadata: { labels: { 'istio.io/dataplane-mode': 'ambient' } },
    });
    await controllers.whenIdle(2_000);
    expect(redirections('outside')).toEqual(['enabled']);
  });

  it('never captures sidecar pods or hostNetwork pods, whatever the namespace says', async () => {
    label('legacy', 'ambient');
    label('istio-system', 'ambient');
    await controllers.whenIdle(2_000);
    expect(redirections('legacy')).toEqual([undefined, undefined]);
    const system = store.list('pods', { namespace: 'istio-system' }).items;
    for (const pod of system) {
      const hostNetwork = (pod['spec'] as { hostNetwork?: boolean }).hostNetwork === true;
      const sidecar = pod.metadata.annotations?.['sidecar.istio.io/status'] !== undefined;
      const optedOut = pod.metadata.labels?.['istio.io/dataplane-mode'] === 'none';
      const expected = hostNetwork || sidecar || optedOut ? undefined : 'enabled';
      expect(pod.metadata.annotations?.[REDIRECTION], pod.metadata.name).toBe(expected);
    }
  });

  it('captures a pod created later in an ambient namespace, and leaves other namespace changes alone', async () => {
    const writes = await writesDuring('pods', () =>
      store.patch('namespaces', undefined, 'bookinfo', 'merge', { metadata: { labels: { team: 'books' } } }),
    );
    expect(writes).toEqual([]);
    store.create('pods', { metadata: { name: 'debug', namespace: 'bookinfo', labels: { app: 'debug' } } });
    await controllers.whenIdle(2_000);
    expect(store.get('pods', 'bookinfo', 'debug')?.metadata.annotations?.[REDIRECTION]).toBe('enabled');
  });

  it('stops reacting once stopped', async () => {
    controllers.stop();
    label('outside', 'ambient');
    await new Promise((resolve) => setImmediate(resolve));
    expect(redirections('outside')).toEqual([undefined]);
  });
});

describe('waypoint controller', () => {
  const waypointObjects = (namespace: string): string[] =>
    ['serviceaccounts', 'services', 'deployments', 'replicasets', 'pods'].flatMap((kind) =>
      store
        .list(kind, { namespace })
        .items.filter(
          (o) =>
            o.metadata.name === 'waypoint' ||
            o.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] === 'waypoint',
        )
        .map((o) => `${kind}/${o.metadata.name === 'waypoint' ? 'waypoint' : 'waypoint-*'}`),
    );

  it('deploys a waypoint for a new Gateway, programs it, and never captures its pod', async () => {
    store.create(GATEWAYS, waypointGateway('payments'));
    await controllers.whenIdle(2_000);
    expect(waypointObjects('payments')).toEqual([
      'serviceaccounts/waypoint',
      'services/waypoint',
      'deployments/waypoint',
      'replicasets/waypoint-*',
      'pods/waypoint-*',
    ]);
    const gateway = store.get(GATEWAYS, 'payments', 'waypoint');
    const service = store.get('services', 'payments', 'waypoint');
    const conditions = listAt(gateway, 'status.conditions').map(
      (c) => `${stringAt(c, 'type')}=${stringAt(c, 'status')}`,
    );
    expect(conditions).toEqual(['Accepted=True', 'Programmed=True']);
    expect(stringAt(listAt(gateway, 'status.addresses')[0], 'value')).toBe(
      stringAt(service, 'spec.clusterIP'),
    );
    const [pod] = store.list('pods', {
      namespace: 'payments',
      labelSelector: 'gateway.networking.k8s.io/gateway-name=waypoint',
    }).items;
    expect(pod?.metadata.annotations?.[REDIRECTION]).toBeUndefined();
    expect(stringAt(pod, 'spec.serviceAccountName')).toBe('waypoint');
    const ips = store.list('pods').items.map((p) => stringAt(p, 'status.podIP'));
    expect(ips.filter((ip) => ip === stringAt(pod, 'status.podIP'))).toHaveLength(1);
    // Owner references carry the real uids.
    const owner = (o: unknown, field: string): string | undefined =>
      stringAt(listAt(o, 'metadata.ownerReferences')[0], field);
    const rs = store.get('replicasets', 'payments', owner(pod, 'name') ?? '');
    const deployment = store.get('deployments', 'payments', 'waypoint');
    expect(owner(rs, 'uid')).toBe(deployment?.metadata.uid);
    expect(owner(deployment, 'uid')).toBe(gateway?.metadata.uid);
    expect(deployment?.metadata.uid).toBeTruthy();
  });

  it('is idempotent: a label change writes nothing more, a spec change only the status', async () => {
    store.create(GATEWAYS, waypointGateway('payments'));
    await controllers.whenIdle(2_000);
    const relabel = await writesDuring(GATEWAYS, () =>
      store.patch(GATEWAYS, 'payments', 'waypoint', 'merge', { metadata: { labels: { team: 'pay' } } }),
    );
    expect(relabel).toHaveLength(1);
    const respec = await writesDuring(GATEWAYS, () =>
      store.patch(GATEWAYS, 'payments', 'waypoint', 'merge', {
        spec: { listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE', allowedRoutes: {} }] },
      }),
    );
    expect(respec).toHaveLength(2);
    const gateway = store.get(GATEWAYS, 'payments', 'waypoint');
    expect(
      listAt(gateway, 'status.conditions').map(
        (c) => (c as { observedGeneration: number }).observedGeneration,
      ),
    ).toEqual([2, 2]);
    expect(store.list('pods', { namespace: 'payments' }).items).toHaveLength(4);
  });

  it('deletes the waypoint with its Gateway, and ignores Gateways of other classes', async () => {
    store.create(GATEWAYS, waypointGateway('payments'));
    await controllers.whenIdle(2_000);
    store.delete(GATEWAYS, 'payments', 'waypoint');
    await controllers.whenIdle(2_000);
    expect(waypointObjects('payments')).toEqual([]);
    store.create(GATEWAYS, {
      ...waypointGateway('payments', 'ingress'),
      spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
    });
    await controllers.whenIdle(2_000);
    expect(store.get('deployments', 'payments', 'ingress')).toBeUndefined();
    expect(waypointObjects('bookinfo')).toHaveLength(5);
  });
});
