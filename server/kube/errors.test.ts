import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/source-error';
import { isGone, kindForKubeStatus, toKubeError } from './errors';

const ctx = { operation: 'list pods', timeoutMs: 2000 };

function status(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });
}

function networkError(code: string, message: string): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

describe('toKubeError', () => {
  it('maps an ApiException with a Status body by its reason, keeping the Status message', () => {
    const body = status(403, 'Forbidden', 'pods is forbidden: User "jane" cannot list resource "pods"');
    const error = toKubeError(new ApiException(403, 'Unknown API Status Code!', body, {}), ctx);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.source).toBe('kubernetes');
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'kubernetes list pods: HTTP 403: Forbidden: pods is forbidden: User "jane" cannot list resource "pods"',
    );
  });

  it.each([
    [401, 'Unauthorized', 'unauthorized'],
    [404, 'NotFound', 'not_found'],
    [409, 'Conflict', 'conflict'],
    [409, 'AlreadyExists', 'conflict'],
    [422, 'Invalid', 'invalid'],
    [400, 'BadRequest', 'invalid'],
    [429, 'TooManyRequests', 'unavailable'],
    [500, 'InternalError', 'unavailable'],
    [504, 'Timeout', 'timeout'],
    [500, 'ServerTimeout', 'timeout'],
    [503, 'ServiceUnavailable', 'unavailable'],
  ] as const)('maps HTTP %i %s to %s', (code, reason, kind) => {
    expect(toKubeError(new ApiException(code, 'x', status(code, reason, 'm'), {}), ctx).kind).toBe(kind);
  });

  it('falls back to the HTTP status when the body is empty or not a Status', () => {
    const noBody = toKubeError(new ApiException(401, 'Unauthorized', undefined, {}), ctx);
    expect(noBody.kind).toBe('unauthorized');
    expect(noBody.message).toBe('kubernetes list pods: HTTP 401');
    const html = toKubeError(new ApiException(502, 'x', '<html>Bad gateway</html>', {}), ctx);
    expect(html.kind).toBe('unavailable');
    expect(html.message).toBe('kubernetes list pods: HTTP 502: non-JSON body of 24 bytes');
    expect(toKubeError(new ApiException(400, 'x', '', {}), ctx).kind).toBe('invalid');
  });

  it('maps the status error that Watch passes to its done callback', () => {
    const gone = Object.assign(new Error('Gone'), { statusCode: 410 });
    const error = toKubeError(gone, { operation: 'watch pods' });
    expect(error.status).toBe(410);
    expect(error.message).toBe('kubernetes watch pods: HTTP 410: Gone');
    expect(isGone(gone)).toBe(true);
    expect(isGone(new ApiException(410, 'x', status(410, 'Expired', 'too old'), {}))).toBe(true);
    expect(isGone(error)).toBe(true);
    expect(isGone(new ApiException(404, 'x', '', {}))).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'DEPTH_ZERO_SELF_SIGNED_CERT'])(
    'maps a fetch failure with %s to unreachable, naming the code',
    (code) => {
      const error = toKubeError(networkError(code, `connect ${code} 127.0.0.1:6443`), ctx);
      expect(error.kind).toBe('unreachable');
      expect(error.message).toBe(
        `kubernetes list pods: cannot reach the API server (connect ${code} 127.0.0.1:6443)`,
      );
    },
  );

  it('maps our deadline, undici timeouts and a caller abort to timeout', () => {
    const deadline = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(toKubeError(deadline, ctx).message).toBe('kubernetes list pods: no answer within 2000 ms');
    expect(toKubeError(networkError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'), ctx).kind).toBe(
      'timeout',
    );
    const aborted = toKubeError(new DOMException('This operation was aborted', 'AbortError'), ctx);
    expect(aborted.kind).toBe('timeout');
    expect(aborted.message).toBe('kubernetes list pods: the request was aborted');
  });

  it('maps unparseable answers to bad_response and passes SourceErrors through', () => {
    expect(toKubeError(new SyntaxError('Unexpected token <'), ctx).kind).toBe('bad_response');
    const unsupported = new Error('The mediaType text/html is not supported by ObjectSerializer.parse.');
    expect(toKubeError(unsupported, ctx).kind).toBe('bad_response');
    const original = new SourceError('kubernetes', 'missing_kind', 'Gateway API not installed');
    expect(toKubeError(original, ctx)).toBe(original);
  });

  it('treats other client-node errors (configuration, auth plugins) as unreachable with their message', () => {
    const error = toKubeError(
      new Error('HTTP protocol is not allowed when skipTLSVerify is not set or false'),
      ctx,
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('skipTLSVerify');
  });
});

describe('kindForKubeStatus', () => {
  it('prefers the reason, then the status, and calls a non-error status a bad response', () => {
    expect(kindForKubeStatus(500, 'NotFound')).toBe('not_found');
    expect(kindForKubeStatus(418, 'Teapot')).toBe('unavailable');
    expect(kindForKubeStatus(302)).toBe('bad_response');
    expect(kindForKubeStatus(408)).toBe('timeout');
  });
});
