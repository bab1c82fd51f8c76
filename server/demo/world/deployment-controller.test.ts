import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KubeObject, ResourceStore, type WatchEvent } from '../apiserver';
import { seededRandom } from '@/lib/random';
import { type RunningControllers, startControllers } from './controllers';
import { defaultWorld } from './default-world';
import { startDeploymentController } from './deployment-controller';
import { listAt, stringAt } from './json';
import { materializeWorld } from './materialize';
import { scaledWorld } from './scaled-world';
import { waypointGateway } from './waypoint';

const REDIRECTION = 'ambient.istio.io/redirection';
const MODE = 'istio.io/dataplane-mode';
const HASH = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';
const GATEWAYS = 'gateways.gateway.networking.k8s.io';

let store: ResourceStore;
let controllers: RunningControllers | undefined;
let errors: unknown[];

/** A store holding the default world, with a clock that moves on every read (a needless rewrite shows). */
function defaultStore(): ResourceStore {
  let now = Date.parse('2025-06-01T10:00:00Z');
  const fresh = new ResourceStore({ seed: 'deployments', clock: () => new Date((now += 1_000)) });
  materializeWorld(defaultWorld('deployments'), fresh);
  return fresh;
}

beforeEach(() => {
  store = defaultStore();
  errors = [];
  controllers = undefined;
});

afterEach(() => {
  controllers?.stop();
  expect(errors).toEqual([]);
});

async function startAll(): Promise<RunningControllers> {
  controllers = startControllers(store, { random: seededRandom(11), onError: (e) => errors.push(e) });
  await controllers.whenIdle(2_000);
  return controllers;
}

/** Records the writes to some kinds while `body` runs and the controllers settle. */
async function writesDuring(kinds: string[], body: () => void): Promise<string[]> {
  const events: string[] = [];
  const watches = kinds.map((kind) =>
    store.watch(kind, { resourceVersion: store.resourceVersion }, (e: WatchEvent) =>
      events.push(`${e.type} ${kind}/${e.object.metadata.name ?? ''}`),
    ),
  );
  body();
  await controllers?.whenIdle(2_000);
  for (const w of watches) w.stop();
  return events;
}

const pods = (namespace: string, selector: string): KubeObject[] =>
  store.list('pods', { namespace, labelSelector: selector }).items;
const names = (objects: readonly KubeObject[]): string[] => objects.map((o) => o.metadata.name ?? '');
const replicaSets = (namespace: string, selector: string): KubeObject[] =>
  store.list('replicasets', { namespace, labelSelector: selector }).items;
const deployment = (namespace: string, name: string): KubeObject => {
  const found = store.get('deployments', namespace, name);
  if (!found) throw new Error(`no Deployment ${namespace}/${name}`);
  return found;
};
const status = (object: KubeObject): Record<string, unknown> => object['status'] as Record<string, unknown>;

function patchTemplateLabels(namespace: string, name: string, labels: Record<string, string | null>): void {
  store.patch('deployments', namespace, name, 'strategic', {
    spec: { template: { metadata: { labels } } },
  });
}

function scale(namespace: string, name: string, replicas: number): void {
  store.patch('deployments', namespace, name, 'merge', { spec: { replicas } });
}

describe('startDeploymentController on a materialized world', () => {
  it('writes nothing on the default world', async () => {
    const before = store.resourceVersion;
    const controller = startDeploymentController(store, seededRandom(1), (e) => errors.push(e));
    await controller.whenIdle();
    controller.stop();
    expect(store.resourceVersion).toBe(before);
  });

  it('writes nothing on a world of 1,000 workloads, and rolls one of them out cheaply', async () => {
    const big = new ResourceStore({ seed: 'bench' });
    materializeWorld(scaledWorld(1000, 'bench'), big);
    const before = big.resourceVersion;
    const started = performance.now();
    const controller = startDeploymentController(big, seededRandom(1), (e) => errors.push(e));
    await controller.whenIdle();
    const elapsed = performance.now() - started;
    expect(big.resourceVersion).toBe(before);
    expect(big.list('deployments').items.length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(2_000);
    // One rollout touches its own objects only: a handful of writes, however large the cluster.
    const [target] = big.list('deployments', {
      namespace: big.list('namespaces').items[0]?.metadata.name,
    }).items;
    const { namespace = '', name = '' } = target?.metadata ?? {};
    const writes = Number(big.resourceVersion);
    const rollout = performance.now();
    big.patch('deployments', namespace, name, 'strategic', {
      spec: { template: { metadata: { labels: { [MODE]: 'none' } } } },
    });
    await controller.whenIdle();
    const rolloutMs = performance.now() - rollout;
    controller.stop();
    expect(Number(big.resourceVersion) - writes).toBeGreaterThan(3);
    expect(Number(big.resourceVersion) - writes).toBeLessThan(10);
    expect(rolloutMs).toBeLessThan(500);
  });
});

describe('a changed pod template', () => {
  it('rolls out a new ReplicaSet whose pods carry the template, and removes the old pods', async () => {
    await startAll();
    const oldPods = pods('bookinfo', 'app=ratings');
    const [oldRs] = replicaSets('bookinfo', 'app=ratings');
    const oldNodes = oldPods.map((p) => stringAt(p, 'spec.nodeName'));
    expect(oldPods).toHaveLength(1);
    expect(oldPods[0]?.metadata.annotations?.[REDIRECTION]).toBe('enabled');

    const writes = await writesDuring(['pods'], () =>
      patchTemplateLabels('bookinfo', 'ratings-v1', { [MODE]: 'none' }),
    );

    const now = pods('bookinfo', 'app=ratings');
    const ratings = deployment('bookinfo', 'ratings-v1');
    expect(now).toHaveLength(1);
    expect(names(now).filter((n) => names(oldPods).includes(n))).toEqual([]);
    for (const pod of now) {
      expect(pod.metadata.labels?.[MODE]).toBe('none');
      expect(pod.metadata.annotations?.[REDIRECTION]).toBeUndefined();
      expect(stringAt(pod, 'status.phase')).toBe('Running');
      expect(stringAt(pod, 'spec.serviceAccountName')).toBe('bookinfo-ratings');
    }
    // Created ready (istio-cni finds nothing to fix), then the old pod deleted: no other pod write.
    expect(writes.map((w) => w.split(' ')[0])).toEqual(['ADDED', 'DELETED']);
    // On the old pod's node, with an address nobody else has.
    expect(now.map((p) => stringAt(p, 'spec.nodeName'))).toEqual(oldNodes);
    const ip = stringAt(now[0], 'status.podIP');
    expect(store.list('pods').items.filter((p) => stringAt(p, 'status.podIP') === ip)).toHaveLength(1);

    // A new ReplicaSet `<deployment>-<hash>` owns them; the old one is kept at 0 as history.
    const hash = now[0]?.metadata.labels?.[HASH] ?? '';
    expect(hash).toMatch(/^[a-z0-9]{10}$/);
    expect(hash).not.toBe(oldRs?.metadata.labels?.[HASH]);
    const newRs = store.get('replicasets', 'bookinfo', `ratings-v1-${hash}`);
    expect(stringAt(listAt(now[0], 'metadata.ownerReferences')[0], 'uid')).toBe(newRs?.metadata.uid);
    expect(stringAt(listAt(newRs, 'metadata.ownerReferences')[0], 'uid')).toBe(ratings.metadata.uid);
    expect(newRs?.metadata.annotations?.[REVISION]).toBe('2');
    expect(status(newRs as KubeObject)).toMatchObject({
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    const old = store.get('replicasets', 'bookinfo', oldRs?.metadata.name ?? '');
    expect((old?.['spec'] as { replicas: number }).replicas).toBe(0);
    expect(status(old as KubeObject)).toEqual({ replicas: 0, observedGeneration: 2 });

    // The Deployment's status says the rollout is complete.
    expect(ratings.metadata.generation).toBe(2);
    expect(ratings.metadata.annotations?.[REVISION]).toBe('2');
    expect(status(ratings)).toMatchObject({
      observedGeneration: 2,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    const progressing = listAt(status(ratings), 'conditions').find(
      (c) => stringAt(c, 'type') === 'Progressing',
    );
    expect(stringAt(progressing, 'message')).toBe(
      `ReplicaSet "ratings-v1-${hash}" has successfully progressed.`,
    );
  });

  it('writes nothing for a second identical patch, nor for a change outside the template', async () => {
    await startAll();
    patchTemplateLabels('bookinfo', 'ratings-v1', { [MODE]: 'none' });
    await controllers?.whenIdle(2_000);
    const before = store.resourceVersion;
    patchTemplateLabels('bookinfo', 'ratings-v1', { [MODE]: 'none' });
    await controllers?.whenIdle(2_000);
    expect(store.resourceVersion).toBe(before);
    const kinds = ['deployments', 'replicasets', 'pods'];
    const relabel = await writesDuring(kinds, () =>
      store.patch('deployments', 'bookinfo', 'ratings-v1', 'merge', {
        metadata: { labels: { team: 'books' } },
      }),
    );
    expect(relabel).toEqual(['MODIFIED deployments/ratings-v1']);
  });

  it('injects the new pods of a sidecar namespace, as the webhook would', async () => {
    await startAll();
    const before = names(pods('legacy', 'app=inventory'));
    patchTemplateLabels('legacy', 'inventory-v1', { [MODE]: 'none' });
    await controllers?.whenIdle(2_000);
    const now = pods('legacy', 'app=inventory');
    expect(now).toHaveLength(before.length);
    expect(names(now).filter((n) => before.includes(n))).toEqual([]);
    for (const pod of now) {
      expect(listAt(pod, 'spec.containers').map((c) => stringAt(c, 'name'))).toContain('istio-proxy');
      expect(pod.metadata.annotations?.['sidecar.istio.io/status']).toBeDefined();
      expect(pod.metadata.annotations?.[REDIRECTION]).toBeUndefined();
    }
  });

  it('goes back to the earlier ReplicaSet when the template does, and keeps only the history asked for', async () => {
    await startAll();
    const [original] = replicaSets('bookinfo', 'app=ratings');
    const originalHash = original?.metadata.labels?.[HASH];
    patchTemplateLabels('bookinfo', 'ratings-v1', { [MODE]: 'none' });
    await controllers?.whenIdle(2_000);
    patchTemplateLabels('bookinfo', 'ratings-v1', { [MODE]: null });
    await controllers?.whenIdle(2_000);
    const now = pods('bookinfo', 'app=ratings');
    expect(now.map((p) => p.metadata.labels?.[HASH])).toEqual([originalHash]);
    expect(now[0]?.metadata.annotations?.[REDIRECTION]).toBe('enabled');
    expect(
      store.get('replicasets', 'bookinfo', original?.metadata.name ?? '')?.metadata.annotations?.[REVISION],
    ).toBe('3');
    expect(deployment('bookinfo', 'ratings-v1').metadata.annotations?.[REVISION]).toBe('3');
    expect(replicaSets('bookinfo', 'app=ratings')).toHaveLength(2);
    store.patch('deployments', 'bookinfo', 'ratings-v1', 'merge', { spec: { revisionHistoryLimit: 0 } });
    await controllers?.whenIdle(2_000);
    expect(names(replicaSets('bookinfo', 'app=ratings'))).toEqual([original?.metadata.name]);
  });
});

describe('replicas', () => {
  it('scales the current ReplicaSet up and down without a new one', async () => {
    await startAll();
    const [rs] = replicaSets('bookinfo', 'app=ratings');
    const [first] = names(pods('bookinfo', 'app=ratings'));
    scale('bookinfo', 'ratings-v1', 3);
    await controllers?.whenIdle(2_000);
    const up = pods('bookinfo', 'app=ratings');
    expect(up).toHaveLength(3);
    expect(names(up)).toContain(first);
    const ips = store.list('pods').items.map((p) => stringAt(p, 'status.podIP'));
    for (const pod of up) expect(ips.filter((ip) => ip === stringAt(pod, 'status.podIP'))).toHaveLength(1);
    expect(up.every((p) => p.metadata.annotations?.[REDIRECTION] === 'enabled')).toBe(true);
    expect(names(replicaSets('bookinfo', 'app=ratings'))).toEqual([rs?.metadata.name]);
    const scaledRs = store.get('replicasets', 'bookinfo', rs?.metadata.name ?? '');
    expect((scaledRs?.['spec'] as { replicas: number }).replicas).toBe(3);
    expect(scaledRs?.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('3');
    expect(status(deployment('bookinfo', 'ratings-v1'))).toMatchObject({ replicas: 3, availableReplicas: 3 });

    scale('bookinfo', 'ratings-v1', 1);
    await controllers?.whenIdle(2_000);
    expect(pods('bookinfo', 'app=ratings')).toHaveLength(1);
    expect(status(deployment('bookinfo', 'ratings-v1'))).toMatchObject({
      replicas: 1,
      observedGeneration: 3,
    });
    scale('bookinfo', 'ratings-v1', 0);
    await controllers?.whenIdle(2_000);
    expect(pods('bookinfo', 'app=ratings')).toEqual([]);
    expect(status(deployment('bookinfo', 'ratings-v1'))['replicas']).toBeUndefined();
  });

  it('replaces a deleted pod, and puts a ReplicaSet scaled by hand back', async () => {
    await startAll();
    const [pod] = names(pods('payments', 'app=api'));
    store.delete('pods', 'payments', pod ?? '');
    await controllers?.whenIdle(2_000);
    const now = names(pods('payments', 'app=api'));
    expect(now).toHaveLength(2);
    expect(now).not.toContain(pod);
    const [rs] = replicaSets('payments', 'app=api');
    store.patch('replicasets', 'payments', rs?.metadata.name ?? '', 'merge', { spec: { replicas: 5 } });
    await controllers?.whenIdle(2_000);
    expect(pods('payments', 'app=api')).toHaveLength(2);
  });
});

describe('waypoint Deployments', () => {
  const WAYPOINT = 'gateway.networking.k8s.io/gateway-name=waypoint';

  it('leaves the waypoint controller’s Deployment as it made it', async () => {
    await startAll();
    const kinds = ['deployments', 'replicasets', 'pods'];
    const writes = await writesDuring(kinds, () => void store.create(GATEWAYS, waypointGateway('payments')));
    // The waypoint controller's creates, and nothing from the Deployment controller.
    expect(writes.map((w) => w.replace(/waypoint-[a-z0-9-]+$/, 'waypoint-*'))).toEqual([
      'ADDED deployments/waypoint',
      'ADDED replicasets/waypoint-*',
      'ADDED pods/waypoint-*',
    ]);
    const relabel = await writesDuring(kinds, () =>
      store.patch(GATEWAYS, 'payments', 'waypoint', 'merge', { metadata: { labels: { team: 'pay' } } }),
    );
    expect(relabel).toEqual([]);
    expect(pods('payments', WAYPOINT)).toHaveLength(1);
    expect(replicaSets('payments', WAYPOINT)).toHaveLength(1);
  });

  it('rolls a waypoint out like any Deployment, and the waypoint controller keeps out of it', async () => {
    await startAll();
    const before = names(pods('bookinfo', WAYPOINT));
    store.patch('deployments', 'bookinfo', 'waypoint', 'strategic', {
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z' } },
        },
      },
    });
    await controllers?.whenIdle(2_000);
    const now = pods('bookinfo', WAYPOINT);
    expect(now).toHaveLength(1);
    expect(names(now)).not.toEqual(before);
    expect(now[0]?.metadata.annotations?.[REDIRECTION]).toBeUndefined();
    expect(store.get(GATEWAYS, 'bookinfo', 'waypoint')).toBeDefined();
    store.delete(GATEWAYS, 'bookinfo', 'waypoint');
    await controllers?.whenIdle(2_000);
    expect(pods('bookinfo', WAYPOINT)).toEqual([]);
    expect(replicaSets('bookinfo', WAYPOINT)).toEqual([]);
  });
});
