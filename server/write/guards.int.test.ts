import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteCapabilities } from '@/lib/write/types';
import {
  ORIGIN,
  reviewsVirtualService,
  reviewsYaml,
  startWriteCluster,
  type WriteCluster,
} from './__fixtures__/demo-cluster';
import { applyHandler, capabilitiesHandler } from './handlers';

/**
 * The guards of the mutating routes, through the real handlers over the demo API server: each refusal has its
 * status and a message naming the problem, is logged, and leaves the cluster as it was.
 */

let cluster: WriteCluster;
let token: string;
let base: string;

beforeAll(async () => {
  cluster = await startWriteCluster();
  base = cluster.store.create('vs', reviewsVirtualService([90, 10])).metadata.resourceVersion ?? '';
  const response = await cluster.handlers.capabilities(new Request(`${ORIGIN}/api/write/capabilities`));
  token = ((await response.json()) as WriteCapabilities).csrfToken ?? '';
});

afterAll(async () => {
  await cluster?.close();
});

const body = (): string =>
  JSON.stringify({
    kind: 'VirtualService',
    namespace: 'bookinfo',
    name: 'reviews',
    yaml: reviewsYaml([50, 50]),
    baseResourceVersion: base,
  });

function request(headers: Record<string, string | undefined>, payload: BodyInit = body()): Request {
  const all: Record<string, string | undefined> = {
    origin: ORIGIN,
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/json',
    'x-csrf-token': token,
    cookie: `meshlens-csrf=${token}`,
    ...headers,
  };
  const defined = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return new Request(`${ORIGIN}/api/write/apply`, { method: 'POST', headers: defined, body: payload });
}

describe('GET /api/write/capabilities', () => {
  it('answers the token, sets it as a strict HTTP-only cookie, and lists the writable kinds', async () => {
    const response = await cluster.handlers.capabilities(new Request(`${ORIGIN}/api/write/capabilities`));
    const caps = (await response.json()) as WriteCapabilities;
    expect(caps).toMatchObject({ readOnly: false, auditNamespace: 'meshlens-system' });
    expect(response.headers.get('set-cookie')).toBe(
      `meshlens-csrf=${caps.csrfToken}; Path=/api/write; SameSite=Strict; HttpOnly; Max-Age=43200`,
    );
    expect(caps.kinds.map((k) => k.kind)).toEqual([
      'VirtualService',
      'DestinationRule',
      'AuthorizationPolicy',
      'PeerAuthentication',
      'RequestAuthentication',
      'Gateway',
      'Namespace',
      'Service',
      'Deployment',
    ]);
    const again = await cluster.handlers.capabilities(
      new Request(`${ORIGIN}/api/write/capabilities`, { headers: { cookie: `meshlens-csrf=${token}` } }),
    );
    expect(((await again.json()) as WriteCapabilities).csrfToken).toBe(token);
  });

  it('says read-only, with no token and no kinds, when READ_ONLY is set', async () => {
    const readOnly = capabilitiesHandler(() => ({ ...cluster.deps, readOnly: true }));
    const response = await readOnly(new Request(`${ORIGIN}/api/write/capabilities`));
    expect(await response.json()).toEqual({
      readOnly: true,
      csrfToken: null,
      auditNamespace: 'meshlens-system',
      kinds: [],
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('refusals of POST /api/write/apply', () => {
  const twoMegabytes = JSON.stringify({ yaml: 'x'.repeat(2 * 1024 * 1024) });
  const wrongToken = 'x.y.z';

  it.each<[string, Record<string, string | undefined>, BodyInit | undefined, number, RegExp]>([
    ['read-only mode', {}, undefined, 403, /^the dashboard is read-only \(READ_ONLY=true\)$/],
    ['another origin', { origin: 'http://evil.test' }, undefined, 403, /origin http:\/\/evil\.test/],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, undefined, 403, /cross-site/],
    ['no anti-CSRF token', { 'x-csrf-token': undefined }, undefined, 403, /missing X-CSRF-Token/],
    [
      'a wrong anti-CSRF token',
      { 'x-csrf-token': wrongToken },
      undefined,
      403,
      /does not match the token cookie/,
    ],
    [
      'a token the dashboard did not make',
      { 'x-csrf-token': wrongToken, cookie: `meshlens-csrf=${wrongToken}` },
      undefined,
      403,
      /not made by this dashboard/,
    ],
    [
      'a form post',
      { 'content-type': 'application/x-www-form-urlencoded' },
      undefined,
      415,
      /Content-Type: application\/json/,
    ],
    ['a 2 MB body', {}, twoMegabytes, 413, /larger than 512 KiB \(524288 bytes\)/],
    ['a body that is not JSON', {}, '{"kind": ', 400, /not JSON/],
  ])('%s', async (what, headers, payload, status, message) => {
    const counter = cluster.store.resourceVersion;
    cluster.logs.length = 0;
    const handler =
      what === 'read-only mode'
        ? applyHandler(() => ({ ...cluster.deps, readOnly: true }))
        : cluster.handlers.apply;
    const response = await handler(request(headers, payload));
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message).toMatch(message);
    expect(cluster.store.resourceVersion).toBe(counter);
    expect(cluster.store.get('vs', 'bookinfo', 'reviews')?.spec).toEqual(
      reviewsVirtualService([90, 10]).spec,
    );
    expect(cluster.logs).toEqual([
      expect.stringMatching(new RegExp(`action=apply result=refused status=${status}`)) as string,
    ]);
  });

  it('names the body field that is wrong', async () => {
    const response = await cluster.handlers.apply(
      request({}, JSON.stringify({ kind: 'VirtualService', namespace: 'bookinfo', yaml: 1 })),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { parameter: 'yaml', message: expect.stringMatching(/^yaml /) as string },
    });
    expect(cluster.logs.at(-1)).toMatch(/action=apply result=refused status=400 reason="yaml /);
  });

  it('accepts the same request when everything is in order', async () => {
    expect((await cluster.handlers.apply(request({}))).status).toBe(200);
  });
});
