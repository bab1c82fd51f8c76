import { describe, expect, it } from 'vitest';
import { POST } from './route';

const URL_ = 'http://dashboard.test/api/impact';
const headers = { origin: 'http://dashboard.test', 'content-type': 'application/json' };
const post = (body: string, extra: Record<string, string> = {}) =>
  POST(new Request(URL_, { method: 'POST', headers: { ...headers, ...extra }, body }));

/** Refusals happen before any source is read, so no cluster is needed to see them. */
describe('POST /api/impact refusals', () => {
  it('refuses another origin and a body that is not JSON by type', async () => {
    expect((await post('{}', { origin: 'http://evil.test' })).status).toBe(403);
    expect((await post('{}', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses a body over the cap without reading it whole', async () => {
    expect((await post(JSON.stringify({ object: {}, pad: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  it.each([
    ['not json', 'body', 'the body is not JSON'],
    ['{"object":{},"extra":1}', 'extra', 'unknown field "extra"'],
    [
      '{"object":{"kind":"DestinationRule"},"window":"5m"}',
      'object',
      'object.kind must be AuthorizationPolicy or VirtualService',
    ],
    [
      '{"object":{"kind":"AuthorizationPolicy","apiVersion":"security.istio.io/v1","metadata":{"name":"a","namespace":"b"}},"window":"5"}',
      'window',
      'window must be a duration',
    ],
  ])('answers %s with a 400 naming %s', async (body, parameter, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { parameter: string; message: string } };
    expect(answer.error.parameter).toBe(parameter);
    expect(answer.error.message).toContain(message);
  });
});
