import { describe, expect, it } from 'vitest';
import { apiCall, apiUrl, unixSeconds } from './request';

describe('apiUrl', () => {
  it.each([
    ['http://prom:9090', 'http://prom:9090/api/v1/query'],
    ['http://prom:9090/', 'http://prom:9090/api/v1/query'],
    ['http://host/prometheus', 'http://host/prometheus/api/v1/query'],
    ['http://host/prometheus/', 'http://host/prometheus/api/v1/query'],
    ['https://mimir.example/prometheus?x=1#frag', 'https://mimir.example/prometheus/api/v1/query'],
  ])('joins %s and the API path keeping the prefix', (base, expected) => {
    expect(apiUrl(new URL(base), 'api/v1/query').href).toBe(expected);
    expect(apiUrl(new URL(base), '/api/v1/query').href).toBe(expected);
  });
});

describe('apiCall', () => {
  const base = new URL('http://host/prometheus/');

  it('sends short queries as a GET with the parameters in the URL', () => {
    const call = apiCall(base, 'api/v1/query', new URLSearchParams({ query: 'up{a="b"}', time: '1' }));
    expect(call.method).toBe('GET');
    expect(call.form).toBeUndefined();
    expect(call.url.pathname).toBe('/prometheus/api/v1/query');
    expect(call.url.searchParams.get('query')).toBe('up{a="b"}');
  });

  it('POSTs a form when the encoded parameters are longer than the limit', () => {
    const query = `up{a="${'x'.repeat(1990)}"}`;
    const params = new URLSearchParams({ query });
    expect(params.toString().length).toBeGreaterThan(2000);
    const call = apiCall(base, 'api/v1/query', params);
    expect(call.method).toBe('POST');
    expect(call.url.search).toBe('');
    expect(call.form?.get('query')).toBe(query);
    expect(apiCall(base, 'api/v1/query', params, 10_000).method).toBe('GET');
  });

  it('measures the encoded length, not the raw one', () => {
    const query = '{'.repeat(700); // 700 characters that encode to 2,100
    expect(apiCall(base, 'api/v1/query', new URLSearchParams({ query })).method).toBe('POST');
  });
});

describe('unixSeconds', () => {
  it('writes seconds with millisecond precision', () => {
    expect(unixSeconds(new Date(1_717_000_000_123))).toBe('1717000000.123');
  });
});
