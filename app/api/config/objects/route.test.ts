import { describe, expect, it } from 'vitest';
import { GET } from './route';

/** The route's refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/config/objects refusals', () => {
  it.each([
    ['kind=Ingress', 'kind', /^kind must be a comma-separated list of Gateway, HTTPRoute, VirtualService/],
    ['namespaces=Not_A_Name', 'namespaces', /^namespaces must be \* or a comma-separated list/],
    ['name=reviews', 'name', /^unknown parameter "name"$/],
  ])('answers %s with a 400 naming %s', async (query, parameter, message) => {
    const response = await GET(new Request(`http://dashboard.test/api/config/objects?${query}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toMatch(message);
  });
});
