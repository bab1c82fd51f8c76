import { describe, expect, it } from 'vitest';
import { tempoStatusError } from './errors';

const TRACEQL_ERROR =
  'invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER, expecting {';

describe('tempoStatusError', () => {
  it('turns a 400 into bad_query whose message is exactly Tempo’s text', () => {
    const error = tempoStatusError('search', {
      status: 400,
      contentType: 'text/plain',
      body: `${TRACEQL_ERROR}\n`,
    });
    expect(error.toDTO()).toEqual({
      source: 'tempo',
      kind: 'bad_query',
      message: TRACEQL_ERROR,
      status: 400,
    });
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
    [504, 'timeout'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    const error = tempoStatusError('search', { status, contentType: 'text/plain', body: 'tenant limit' });
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`tempo search: HTTP ${status}: tenant limit`);
  });

  it('never echoes a proxy’s HTML page', () => {
    const body = '<html><body><h1>502 Bad Gateway</h1><script>x()</script></body></html>';
    const error = tempoStatusError('trace', { status: 502, contentType: 'text/html', body });
    expect(error.message).toBe('tempo trace: HTTP 502');
  });

  it('keeps a 400 without text a bad_query with a generic message', () => {
    const error = tempoStatusError('search', { status: 400, contentType: '', body: '' });
    expect(error.kind).toBe('bad_query');
    expect(error.message).toBe('tempo search: HTTP 400');
  });

  it('cuts very long messages', () => {
    const error = tempoStatusError('search', {
      status: 400,
      contentType: 'text/plain',
      body: 'x'.repeat(5000),
    });
    expect(error.message.length).toBeLessThanOrEqual(501);
  });
});
