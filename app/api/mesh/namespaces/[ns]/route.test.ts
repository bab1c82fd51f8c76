import { describe, expect, it } from 'vitest';
import { GET as namespaceGET } from './route';
import { GET as workloadGET } from '../../workloads/[ns]/[name]/route';

/** The routes' refusals happen before any source is touched, so no cluster is needed to see them. */
describe('GET /api/mesh/namespaces/<ns> and /api/mesh/workloads/<ns>/<name> refusals', () => {
  it.each([
    [
      '/api/mesh/namespaces/Bad_Name',
      namespaceGET,
      'namespace',
      'namespace "Bad_Name" is not a namespace name',
    ],
    [
      '/api/mesh/namespaces/bookinfo?window=5',
      namespaceGET,
      'window',
      'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m',
    ],
    ['/api/mesh/namespaces/bookinfo?ns=x', namespaceGET, 'ns', 'unknown parameter "ns"'],
    [
      '/api/mesh/workloads/bookinfo/Reviews',
      workloadGET,
      'workload',
      'workload "Reviews" is not a workload name',
    ],
    [
      '/api/mesh/workloads/no_ns/reviews',
      workloadGET,
      'namespace',
      'namespace "no_ns" is not a namespace name',
    ],
    [
      '/api/mesh/workloads/bookinfo/reviews?window=1y',
      workloadGET,
      'window',
      'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m',
    ],
  ])('answers %s with a 400 naming %s', async (path, get, parameter, message) => {
    const response = await get(new Request(`http://dashboard.test${path}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter, message } });
  });
});
