import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditSearchParams, failureMessage, parseWriteAnswer, postImpact, postJson } from './write';

const PREVIEW = {
  outcome: 'preview',
  operation: 'update',
  live: {},
  proposed: {},
  changes: [],
  diff: '',
  gitops: null,
  warnings: [],
};

describe('parseWriteAnswer', () => {
  it.each([
    [200, PREVIEW],
    [
      200,
      {
        outcome: 'applied',
        operation: 'update',
        object: {},
        changes: [],
        diff: '',
        audit: null,
        warnings: [],
      },
    ],
    [
      422,
      { outcome: 'invalid', problems: [{ path: 'spec.htpp', message: 'unknown field', line: 8, col: 3 }] },
    ],
    [
      409,
      { outcome: 'conflict', conflict: { message: 'changed', yours: {}, theirs: {}, changes: [], diff: '' } },
    ],
    [
      412,
      { outcome: 'gitops', gitops: { manager: 'argocd', detail: 'label' }, message: 'managed', yaml: 'a: 1' },
    ],
    [403, { outcome: 'refused', error: { message: 'forbidden by RBAC' } }],
  ])('keeps a %i answer as the outcome it names', (status, body) => {
    expect(parseWriteAnswer(status, body)).toEqual(body);
  });

  it("turns a guard's refusal into an error with its message", () => {
    const outcome = parseWriteAnswer(403, {
      error: { message: 'the dashboard is read-only (READ_ONLY=true)' },
    });
    expect(outcome).toEqual({
      outcome: 'error',
      status: 403,
      message: 'the dashboard is read-only (READ_ONLY=true)',
    });
    if (outcome.outcome === 'error') expect(failureMessage(outcome)).toContain('read-only');
  });

  it('does not trust an outcome without its field, nor a body that is not JSON', () => {
    expect(parseWriteAnswer(409, { outcome: 'conflict' })).toMatchObject({ outcome: 'error', status: 409 });
    expect(parseWriteAnswer(502, null)).toEqual({
      outcome: 'error',
      status: 502,
      message: 'the dashboard answered HTTP 502',
    });
  });
});

describe('postJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the anti-CSRF token, and answers a 409 as a value', async () => {
    const conflict = {
      outcome: 'conflict',
      conflict: { message: 'm', yours: null, theirs: {}, changes: [], diff: '' },
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(conflict), { status: 409 }));
    vi.stubGlobal('fetch', fetchMock);
    const body = {
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'reviews',
      yaml: 'x',
      baseResourceVersion: '4',
    };
    await expect(postJson('/api/write/apply', body, 'token-1')).resolves.toEqual(conflict);
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/write/apply');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'token-1' });
    expect(JSON.parse(String(init.body))).toEqual(body);
  });

  it('never throws: a network failure is an error outcome', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    await expect(
      postJson('/api/write/preview', { kind: 'X', namespace: 'a', yaml: '' }, 't'),
    ).resolves.toEqual({
      outcome: 'error',
      status: 0,
      message: 'the dashboard server did not answer (fetch failed)',
    });
  });
});

describe('postImpact', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("answers the server's message for a refused object", async () => {
    const body = {
      error: { parameter: 'object', message: 'object.kind must be AuthorizationPolicy or VirtualService' },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 400 })),
    );
    await expect(postImpact({ kind: 'Gateway' }, '5m')).resolves.toEqual({
      ok: false,
      message: 'object.kind must be AuthorizationPolicy or VirtualService',
    });
  });

  it('answers the data response', async () => {
    const answer = { data: null, errors: [{ source: 'prometheus', kind: 'unreachable', message: 'down' }] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })),
    );
    await expect(postImpact({ kind: 'VirtualService' }, '5m')).resolves.toEqual({ ok: true, answer });
  });
});

describe('auditSearchParams', () => {
  it('writes only the filters given', () => {
    expect(auditSearchParams({})).toBe('');
    expect(
      auditSearchParams({ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews', limit: 20 }),
    ).toBe('kind=VirtualService&namespace=bookinfo&name=reviews&limit=20');
  });
});
