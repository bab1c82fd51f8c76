import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Kubectl, kubectlFor, waitFor } from './__fixtures__/kubectl';
import { seedCluster } from './__fixtures__/seed';
import { type ApiServer, startApiServer } from './index';
import { ResourceStore } from './store';

let now = new Date('2025-03-01T12:00:00Z');
let api: ApiServer;
let kubectl: Kubectl;

beforeAll(async () => {
  const store = new ResourceStore({ clock: () => now, seed: 'kubectl' });
  seedCluster(store);
  now = new Date('2025-03-01T12:05:00Z');
  api = await startApiServer({ store });
  kubectl = await kubectlFor(api.url);
});

afterAll(async () => {
  await kubectl.dispose();
  await api.close();
});

async function ok(...args: string[]): Promise<string> {
  const result = await kubectl.run(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function lines(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

describe('kubectl get', () => {
  it('prints namespaces, pods, services, deployments and daemonsets with their usual columns', async () => {
    expect(lines(await ok('get', 'ns'))).toEqual([
      'NAME STATUS AGE',
      'bookinfo Active 5m',
      'default Active 5m',
      'istio-system Active 5m',
    ]);
    expect(lines(await ok('get', 'pods', '-n', 'bookinfo'))).toEqual([
      'NAME READY STATUS RESTARTS AGE',
      'reviews-v1-aaaaa 1/1 Running 2 5m',
      'reviews-v1-bbbbb 1/1 Running 2 5m',
    ]);
    expect(lines(await ok('get', 'svc', '-n', 'bookinfo'))).toEqual([
      'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE',
      'reviews ClusterIP 10.96.0.20 <none> 9080/TCP 5m',
    ]);
    expect(lines(await ok('get', 'deploy', '-n', 'bookinfo'))).toEqual([
      'NAME READY UP-TO-DATE AVAILABLE AGE',
      'reviews-v1 2/2 2 2 5m',
    ]);
    expect(lines(await ok('get', 'ds', '-A'))).toEqual([
      'NAMESPACE NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE',
      'istio-system ztunnel 2 2 2 2 2 <none> 5m',
    ]);
  });

  it('lists across namespaces with -A, adds label columns with -L and wide columns with -o wide', async () => {
    expect(lines(await ok('get', 'pods', '-A', '-L', 'app'))).toEqual([
      'NAMESPACE NAME READY STATUS RESTARTS AGE APP',
      'bookinfo reviews-v1-aaaaa 1/1 Running 2 5m reviews',
      'bookinfo reviews-v1-bbbbb 1/1 Running 2 5m reviews',
      'istio-system ztunnel-xxxxx 1/1 Running 2 5m ztunnel',
    ]);
    expect(lines(await ok('get', 'pods', '-n', 'istio-system', '-o', 'wide'))).toEqual([
      'NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES',
      'ztunnel-xxxxx 1/1 Running 2 5m 10.0.0.7 node-1 <none> <none>',
    ]);
    expect(lines(await ok('get', 'pods', '-A', '-l', 'app=ztunnel', '-o', 'name'))).toEqual([
      'pod/ztunnel-xxxxx',
    ]);
  });

  it('prints Gateway API and Istio kinds by plural and short name', async () => {
    expect(lines(await ok('get', 'gateways', '-n', 'bookinfo'))).toEqual([
      'NAME CLASS ADDRESS PROGRAMMED AGE',
      'waypoint istio-waypoint 5m',
    ]);
    expect(lines(await ok('get', 'vs', '-n', 'bookinfo'))).toEqual([
      'NAME GATEWAYS HOSTS AGE',
      'reviews ["reviews"] 5m',
    ]);
    expect(lines(await ok('get', 'authorizationpolicies', '-A'))).toEqual([
      'NAMESPACE NAME ACTION AGE',
      'bookinfo reviews-viewer ALLOW 5m',
    ]);
  });

  it('prints objects as JSON and YAML', async () => {
    const list = JSON.parse(await ok('get', 'vs', '-n', 'bookinfo', '-o', 'json')) as {
      items: { metadata: { uid: string }; spec: unknown }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.spec).toEqual(api.store.get('vs', 'bookinfo', 'reviews')?.['spec']);
    const pod = parse(await ok('get', 'pod', 'ztunnel-xxxxx', '-n', 'istio-system', '-o', 'yaml')) as {
      metadata: Record<string, unknown>;
    };
    expect(pod.metadata).toMatchObject({
      name: 'ztunnel-xxxxx',
      namespace: 'istio-system',
      creationTimestamp: '2025-03-01T12:00:00Z',
    });
  });

  it('reports unknown kinds and missing objects as kubectl users know them', async () => {
    const unknown = await kubectl.run(['get', 'widgets']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the server doesn\'t have a resource type "widgets"');
    const missing = await kubectl.run(['get', 'vs', 'nope', '-n', 'bookinfo']);
    expect(missing.stderr.trim()).toBe(
      'Error from server (NotFound): virtualservices.networking.istio.io "nope" not found',
    );
  });
});

const VS_YAML = (weights: [number, number]): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts: [ratings]
  http:
  - route:
    - destination: {host: ratings, subset: v1}
      weight: ${weights[0]}
    - destination: {host: ratings, subset: v2}
      weight: ${weights[1]}
`;

describe('kubectl apply', () => {
  it('creates, then updates an Istio object (client-side apply, JSON merge patch)', async () => {
    const created = await kubectl.run(['apply', '-f', '-'], { stdin: VS_YAML([100, 0]) });
    expect(created.stdout.trim()).toBe('virtualservice.networking.istio.io/ratings created');
    const updated = await kubectl.run(['apply', '-f', '-'], { stdin: VS_YAML([50, 50]) });
    expect(updated.stdout.trim()).toBe('virtualservice.networking.istio.io/ratings configured');
    const stored = api.store.get('vs', 'bookinfo', 'ratings');
    expect(stored?.metadata.generation).toBe(2);
    expect(JSON.stringify(stored?.['spec'])).toContain('"weight":50');
    const unchanged = await kubectl.run(['apply', '-f', '-'], { stdin: VS_YAML([50, 50]) });
    expect(unchanged.stdout.trim()).toBe('virtualservice.networking.istio.io/ratings unchanged');
  });

  it('updates a Deployment with the strategic merge patch kubectl computes', async () => {
    const deployment = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v1, namespace: bookinfo, labels: {app: ratings}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ratings}}
  template:
    metadata: {labels: {app: ratings}}
    spec:
      containers:
      - {name: ratings, image: ${image}, env: [{name: A, value: "1"}]}
`;
    expect((await kubectl.run(['apply', '-f', '-'], { stdin: deployment('ratings:v1') })).stdout).toContain(
      'created',
    );
    api.store.patch(
      'deploy',
      'bookinfo',
      'ratings-v1',
      'merge',
      { status: { replicas: 1 } },
      { subresource: 'status' },
    );
    expect((await kubectl.run(['apply', '-f', '-'], { stdin: deployment('ratings:v2') })).stdout).toContain(
      'configured',
    );
    const stored = api.store.get('deploy', 'bookinfo', 'ratings-v1');
    expect(stored?.['spec']).toHaveProperty('template.spec.containers', [
      { name: 'ratings', image: 'ratings:v2', env: [{ name: 'A', value: '1' }] },
    ]);
    expect(stored?.['status']).toEqual({ replicas: 1 });
  });

  it('refuses an invalid object with the field path from the schema', async () => {
    const result = await kubectl.run(['apply', '-f', '-'], {
      stdin: VS_YAML([50, 50]).replace('weight: 50', 'weight: half'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The VirtualService "ratings" is invalid');
    expect(result.stderr).toContain('spec.http[0].route[0].weight: Invalid value: "half": must be integer');
  });

  it('supports --dry-run=server and --server-side', async () => {
    const yaml = VS_YAML([80, 20]).replace('name: ratings', 'name: details');
    expect((await kubectl.run(['apply', '--dry-run=server', '-f', '-'], { stdin: yaml })).stdout.trim()).toBe(
      'virtualservice.networking.istio.io/details created (server dry run)',
    );
    expect(api.store.get('vs', 'bookinfo', 'details')).toBeUndefined();
    expect((await kubectl.run(['apply', '--server-side', '-f', '-'], { stdin: yaml })).stdout.trim()).toBe(
      'virtualservice.networking.istio.io/details serverside-applied',
    );
    expect(api.store.get('vs', 'bookinfo', 'details')?.metadata.name).toBe('details');
  });
});

describe('kubectl create and scale (typed clients that send protobuf)', () => {
  it('creates a namespace, a deployment and a service, and scales the deployment', async () => {
    expect((await ok('create', 'namespace', 'demo')).trim()).toBe('namespace/demo created');
    expect(
      (await ok('create', 'deployment', 'web', '-n', 'demo', '--image=nginx:1', '--replicas=2')).trim(),
    ).toBe('deployment.apps/web created');
    expect((await ok('create', 'service', 'clusterip', 'web', '-n', 'demo', '--tcp=80:8080')).trim()).toBe(
      'service/web created',
    );
    expect(lines(await ok('get', 'svc', 'web', '-n', 'demo'))).toEqual([
      'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE',
      'web ClusterIP 10.96.0.2 <none> 80/TCP 0s',
    ]);
    expect((await ok('scale', 'deployment', 'web', '-n', 'demo', '--replicas=0')).trim()).toBe(
      'deployment.apps/web scaled',
    );
    const deployment = api.store.get('deploy', 'demo', 'web');
    expect(deployment?.['spec']).toMatchObject({
      replicas: 0,
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } },
    });
    const stale = await kubectl.run([
      'scale',
      'deployment',
      'web',
      '-n',
      'demo',
      '--replicas=3',
      '--current-replicas=2',
    ]);
    expect(stale.stderr.trim()).toBe('error: Expected replicas to be 2, was 0');
  });
});

describe('kubectl label, annotate, delete and get -w', () => {
  it('labels and annotates, visible with -L', async () => {
    expect((await ok('label', 'vs', 'reviews', '-n', 'bookinfo', 'team=blue')).trim()).toBe(
      'virtualservice.networking.istio.io/reviews labeled',
    );
    expect((await ok('annotate', 'deploy', 'reviews-v1', '-n', 'bookinfo', 'owner=sre')).trim()).toBe(
      'deployment.apps/reviews-v1 annotated',
    );
    expect(lines(await ok('get', 'vs', '-n', 'bookinfo', '-L', 'team'))).toContain(
      'reviews ["reviews"] 5m blue',
    );
    expect(api.store.get('deploy', 'bookinfo', 'reviews-v1')?.metadata.annotations).toEqual({ owner: 'sre' });
    const refused = await kubectl.run(['label', 'vs', 'reviews', '-n', 'bookinfo', 'team=red']);
    expect(refused.stderr).toContain("'team' already has a value (blue)");
  });

  it('deletes an object, and a namespace with everything in it', async () => {
    expect((await ok('delete', 'ap', 'reviews-viewer', '-n', 'bookinfo')).trim()).toBe(
      'authorizationpolicy.security.istio.io "reviews-viewer" deleted',
    );
    expect(api.store.get('ap', 'bookinfo', 'reviews-viewer')).toBeUndefined();
    api.store.create('ns', { metadata: { name: 'scratch' } });
    api.store.create('cm', { metadata: { name: 'c', namespace: 'scratch' }, data: { a: '1' } });
    expect((await ok('delete', 'ns', 'scratch')).trim()).toBe('namespace "scratch" deleted');
    expect(api.store.list('configmaps', { namespace: 'scratch' }).items).toEqual([]);
  });

  it('streams changes with get -w until stopped', async () => {
    const watch = kubectl.start(['get', 'vs', '-n', 'bookinfo', '-w']);
    await waitFor(() => watch.output().includes('reviews'), 'the initial list');
    api.store.patch('vs', 'bookinfo', 'reviews', 'merge', { spec: { gateways: ['mesh'] } });
    await waitFor(() => watch.output().includes('["mesh"]'), 'the modified row');
    const out = await watch.stop();
    expect(lines(out)).toContain('reviews ["mesh"] ["reviews"] 5m');
    expect(lines(out)[0]).toBe('NAME GATEWAYS HOSTS AGE');
  });
});
