import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kubectl, kubectlFor } from '../apiserver/__fixtures__/kubectl';
import { type ApiServer, ResourceStore, startApiServer } from '../apiserver';
import { type RunningControllers, startControllers } from './controllers';
import { defaultWorld } from './default-world';
import { materializeWorld } from './materialize';

let api: ApiServer;
let kubectl: Kubectl;
let controllers: RunningControllers;
const errors: unknown[] = [];

beforeAll(async () => {
  const store = new ResourceStore({ seed: 'world-int' });
  materializeWorld(defaultWorld('world-int'), store);
  controllers = startControllers(store, { onError: (e) => errors.push(e) });
  api = await startApiServer({ store });
  kubectl = await kubectlFor(api.url);
});

afterAll(async () => {
  controllers.stop();
  await kubectl.dispose();
  await api.close();
  expect(errors).toEqual([]);
});

async function ok(args: string[], stdin?: string): Promise<string> {
  const result = await kubectl.run(args, stdin === undefined ? {} : { stdin });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** Runs kubectl until its output satisfies `check`, for at most `timeoutMs`; returns the last output. */
async function eventually(
  args: string[],
  check: (out: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await ok(args);
    if (check(out)) return out;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting on kubectl ${args.join(' ')}; last output:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const rows = (text: string): string[][] =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));

const REDIRECTION = [
  'get',
  'pods',
  '-n',
  'outside',
  '-o',
  String.raw`jsonpath={.items[*].metadata.annotations.ambient\.istio\.io/redirection}`,
];

describe('the default world through kubectl', () => {
  it('shows the bookinfo pods Running, one per deployment plus the waypoint', async () => {
    const [header, ...pods] = rows(await ok(['get', 'pods', '-n', 'bookinfo']));
    expect(header).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(pods.map(([, ready, status]) => `${ready} ${status}`)).toEqual(Array(7).fill('1/1 Running'));
    const prefixes = pods.map(([name]) => name?.replace(/-[a-z0-9]{10}-[a-z0-9]{5}$/, '')).sort();
    expect(prefixes).toEqual([
      'details-v1',
      'productpage-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
      'waypoint',
    ]);
    const [, ...ztunnels] = rows(await ok(['get', 'ds', 'ztunnel', '-n', 'istio-system']));
    expect(ztunnels[0]?.slice(1, 4)).toEqual(['3', '3', '3']);
  });

  it('captures the outside pods when their namespace is labelled ambient, and releases them when unlabelled', async () => {
    expect(await ok(REDIRECTION)).toBe('');
    await ok(['label', 'namespace', 'outside', 'istio.io/dataplane-mode=ambient']);
    await eventually(REDIRECTION, (out) => out === 'enabled');
    await ok(['label', 'namespace', 'outside', 'istio.io/dataplane-mode-']);
    await eventually(REDIRECTION, (out) => out === '');
  });

  it('deploys and programs a waypoint applied to payments, and removes it with its Gateway', async () => {
    const manifest = [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: waypoint',
      '  namespace: payments',
      '  labels:',
      '    istio.io/waypoint-for: service',
      'spec:',
      '  gatewayClassName: istio-waypoint',
      '  listeners:',
      '  - name: mesh',
      '    port: 15008',
      '    protocol: HBONE',
      '',
    ].join('\n');
    expect(await ok(['apply', '-f', '-'], manifest)).toContain(
      'gateway.gateway.networking.k8s.io/waypoint created',
    );
    const programmed = [
      'get',
      'gtw',
      'waypoint',
      '-n',
      'payments',
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Programmed")].status}',
    ];
    await eventually(programmed, (out) => out === 'True');
    const [, deployment] = rows(await ok(['get', 'deploy', 'waypoint', '-n', 'payments']));
    expect(deployment?.slice(0, 2)).toEqual(['waypoint', '1/1']);
    const pods = rows(
      await ok([
        'get',
        'pods',
        '-n',
        'payments',
        '-l',
        'gateway.networking.k8s.io/gateway-name=waypoint',
        '--no-headers',
      ]),
    );
    expect(pods.map((p) => p.slice(1, 3))).toEqual([['1/1', 'Running']]);
    await ok(['delete', 'gtw', 'waypoint', '-n', 'payments']);
    await eventually(
      ['get', 'deploy,svc,sa', '-n', 'payments', '-o', 'name'],
      (out) => !out.includes('waypoint'),
    );
    expect(await ok(['get', 'pods', '-n', 'payments', '-o', 'name'])).not.toContain('waypoint');
  });
});
