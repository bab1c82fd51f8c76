import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespace, virtualService } from './__fixtures__/objects';
import { type ApiServer, startApiServer } from './index';
import { ResourceStore } from './store';

let api: ApiServer;
const VS_PATH = '/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices';

beforeAll(async () => {
  const store = new ResourceStore({ historyLimit: 50 });
  store.create('namespaces', namespace('bookinfo'));
  store.create('vs', virtualService('bookinfo', 'reviews'));
  api = await startApiServer({ store, bookmarkIntervalMs: 100 });
});

afterAll(() => api.close());

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const res = await fetch(api.url + path, { ...init, signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const json = (method: string, body: unknown, type = 'application/json'): RequestInit => ({
  method,
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Reads a watch stream until it ends or `max` events arrived (the request is aborted after 5 s regardless). */
async function watchEvents(
  path: string,
  max = 100,
): Promise<{ type: string; object: Record<string, unknown> }[]> {
  const res = await fetch(api.url + path, { signal: AbortSignal.timeout(5000) });
  const events: { type: string; object: Record<string, unknown> }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body?.getReader();
  while (reader && events.length < max) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0 && events.length < max) {
      events.push(JSON.parse(buffer.slice(0, newline)) as { type: string; object: Record<string, unknown> });
      buffer = buffer.slice(newline + 1);
    }
  }
  await reader?.cancel();
  return events;
}

describe('refusals as Kubernetes Status objects', () => {
  it('answers unknown resources with 404 NotFound', async () => {
    const res = await call('/api/v1/namespaces/bookinfo/widgets');
    expect(res).toMatchObject({
      status: 404,
      body: { kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 },
    });
    expect(
      (await call('/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/nope')).body['message'],
    ).toBe('virtualservices.networking.istio.io "nope" not found');
  });

  it('answers malformed JSON and YAML with 400 BadRequest', async () => {
    expect((await call(VS_PATH, json('POST', '{"metadata":'))).body).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
    expect((await call(VS_PATH, json('POST', 'metadata: [oops', 'application/yaml'))).body).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
  });

  it('answers a body over 3 MiB with 413 and stores nothing', async () => {
    const huge = virtualService('bookinfo', 'huge');
    huge.metadata.annotations = { filler: 'x'.repeat(3 * 1024 * 1024) };
    const res = await call(VS_PATH, json('POST', huge));
    expect(res).toMatchObject({ status: 413, body: { reason: 'RequestEntityTooLarge' } });
    expect(api.store.get('vs', 'bookinfo', 'huge')).toBeUndefined();
  });

  it('answers a duplicate create with 409 AlreadyExists and a stale update with 409 Conflict', async () => {
    expect((await call(VS_PATH, json('POST', virtualService('bookinfo', 'reviews')))).body).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
    });
    const current = (await call(`${VS_PATH}/reviews`)).body as { metadata: Record<string, unknown> };
    const stale = { ...current, metadata: { ...current.metadata, resourceVersion: '1' } };
    expect((await call(`${VS_PATH}/reviews`, json('PUT', stale))).body).toMatchObject({
      code: 409,
      reason: 'Conflict',
    });
    expect((await call(`${VS_PATH}/reviews`, json('PUT', current))).status).toBe(200);
  });

  it('refuses a create in a namespace that does not exist, or under another namespace than the URL', async () => {
    const res = await call(
      '/apis/networking.istio.io/v1/namespaces/ghost/virtualservices',
      json('POST', virtualService('ghost', 'x')),
    );
    expect(res.body).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
    expect((await call(VS_PATH, json('POST', virtualService('other', 'x')))).status).toBe(400);
  });

  it('refuses strategic merge on Istio kinds (415) and apply without a field manager (400)', async () => {
    const smp = await call(
      `${VS_PATH}/reviews`,
      json('PATCH', { metadata: { labels: { a: 'b' } } }, 'application/strategic-merge-patch+json'),
    );
    expect(smp.body).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(
      (
        await call(
          `${VS_PATH}/reviews`,
          json('PATCH', 'metadata: {name: reviews}', 'application/apply-patch+yaml'),
        )
      ).status,
    ).toBe(400);
  });
});

describe('dry run', () => {
  it('validates and answers without storing or emitting an event', async () => {
    const rv = api.store.resourceVersion;
    const seen: string[] = [];
    const handle = api.store.watch('vs', { resourceVersion: rv }, (e) => seen.push(e.type));
    const res = await call(`${VS_PATH}?dryRun=All`, json('POST', virtualService('bookinfo', 'ghost')));
    const bad = await call(
      `${VS_PATH}?dryRun=All`,
      json('POST', { ...virtualService('bookinfo', 'bad'), spec: { hosts: 'x' } }),
    );
    const patch = await call(
      `${VS_PATH}/reviews?dryRun=All`,
      json('PATCH', { metadata: { labels: { dry: 'run' } } }, 'application/merge-patch+json'),
    );
    handle.stop();
    expect(res.status).toBe(201);
    expect(bad.body).toMatchObject({ code: 422, details: { causes: [{ field: 'spec.hosts' }] } });
    expect((patch.body['metadata'] as { labels: unknown }).labels).toEqual({ dry: 'run' });
    expect(api.store.get('vs', 'bookinfo', 'reviews')?.metadata.labels).toBeUndefined();
    expect(api.store.resourceVersion).toBe(rv);
    expect(seen).toEqual([]);
  });
});

describe('discovery and OpenAPI', () => {
  it('serves aggregated discovery when asked and the legacy documents otherwise', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const aggregated = await call('/apis', { headers: { accept } });
    expect(aggregated.type).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(aggregated.body['kind']).toBe('APIGroupDiscoveryList');
    expect((await call('/apis')).body['kind']).toBe('APIGroupList');
    expect((await call('/version')).body).toMatchObject({ major: '1', minor: '32' });
  });

  it('publishes the fieldValidation parameter kubectl apply looks for', async () => {
    const index = await call('/openapi/v3');
    const entry = (index.body['paths'] as Record<string, { serverRelativeURL: string }>)[
      'apis/security.istio.io/v1'
    ];
    const doc = await call(entry?.serverRelativeURL ?? '/missing');
    const paths = doc.body['paths'] as Record<string, { patch: { parameters: { name: string }[] } }>;
    const patch =
      paths['/apis/security.istio.io/v1/namespaces/{namespace}/authorizationpolicies/{name}']?.patch;
    expect(patch?.parameters.map((p) => p.name)).toContain('fieldValidation');
    expect((await call('/openapi/v2')).status).toBe(404);
  });
});

describe('watch over HTTP', () => {
  it('ends after timeoutSeconds and sends bookmarks when allowed', async () => {
    const started = Date.now();
    const events = await watchEvents(
      `${VS_PATH}?watch=true&resourceVersion=${api.store.resourceVersion}&timeoutSeconds=1&allowWatchBookmarks=true`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.type === 'BOOKMARK')).toBe(true);
    expect(events[0]?.object).toEqual({
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      metadata: { resourceVersion: api.store.resourceVersion },
    });
  });

  it('streams a change made while watching, and a change by fieldSelector', async () => {
    const pending = watchEvents(
      `${VS_PATH}?watch=1&fieldSelector=metadata.name%3Dreviews&resourceVersion=${api.store.resourceVersion}`,
      1,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    api.store.patch('vs', 'bookinfo', 'reviews', 'merge', { metadata: { labels: { live: 'yes' } } });
    const [event] = await pending;
    expect(event?.type).toBe('MODIFIED');
    expect((event?.object['metadata'] as { labels: unknown }).labels).toEqual({ live: 'yes' });
  });

  it('answers an expired resourceVersion with an ERROR event carrying a 410 Status', async () => {
    for (let i = 0; i < 60; i++)
      api.store.create('configmaps', { metadata: { name: `cm-${i}`, namespace: 'bookinfo' } });
    const events = await watchEvents('/api/v1/namespaces/bookinfo/configmaps?watch=true&resourceVersion=2');
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) as unknown,
      },
    ]);
  });
});

describe('tables', () => {
  it('answers kubectl get with a Table that can carry the whole object', async () => {
    const res = await call('/api/v1/namespaces?includeObject=Object', {
      headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    expect(res.type).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const rows = res.body['rows'] as { cells: unknown[]; object: { kind: string } }[];
    expect(rows[0]?.cells[0]).toBe('bookinfo');
    expect(rows[0]?.object.kind).toBe('Namespace');
  });
});
