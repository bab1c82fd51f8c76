import 'server-only';
import { isSourceError, kindForHttpStatus, SourceError, type SourceErrorKind } from '@/lib/source-error';

/**
 * Turns whatever client-node throws into a typed {@link SourceError} with source `kubernetes`:
 * - `ApiException` (generated APIs, KubernetesObjectApi): `code` is the HTTP status and `body` the Status object,
 *   usually still as a JSON string; its `reason` and `message` decide the kind and go into the text.
 * - the `Error` with a `statusCode` that `Watch` passes to its done callback for a non-200 answer;
 * - fetch (undici) failures: `TypeError('fetch failed')` whose `cause` carries `ECONNREFUSED`, `ENOTFOUND`, TLS codes…;
 * - timeouts: the `TimeoutError` DOMException of `AbortSignal.timeout` (and undici's own timeout codes).
 */

/** Where the failed call came from, for the message. */
export interface KubeErrorContext {
  /** A short operation name, e.g. `list pods`, `discovery`, `version`. */
  operation: string;
  /** The timeout that applied, for the `timeout` message. */
  timeoutMs?: number;
}

/** The fields of a Kubernetes `Status` object the mapping uses. */
interface KubeStatus {
  message?: string;
  reason?: string;
  code?: number;
}

const reasonKinds: Readonly<Record<string, SourceErrorKind>> = {
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  AlreadyExists: 'conflict',
  Conflict: 'conflict',
  Invalid: 'invalid',
  BadRequest: 'invalid',
  MethodNotAllowed: 'invalid',
  UnsupportedMediaType: 'invalid',
  RequestEntityTooLarge: 'invalid',
  Timeout: 'timeout',
  ServerTimeout: 'timeout',
  TooManyRequests: 'unavailable',
  ServiceUnavailable: 'unavailable',
  InternalError: 'unavailable',
  Expired: 'unavailable',
  Gone: 'unavailable',
};

const timeoutCodes = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The kind for a Kubernetes error status: the Status reason when it is known, else the HTTP status. */
export function kindForKubeStatus(status: number, reason?: string): SourceErrorKind {
  const byReason = reason === undefined ? undefined : reasonKinds[reason];
  if (byReason) return byReason;
  if (status < 400) return 'bad_response';
  // Kubernetes answers 400 for malformed requests and bodies: the object or request is invalid, not a query.
  if (status === 400) return 'invalid';
  return kindForHttpStatus(status);
}

/** The HTTP status carried by a client-node error (ApiException `code`, Watch `statusCode`), if any. */
export function statusOf(error: unknown): number | undefined {
  if (isSourceError(error)) return error.status;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  if (typeof code === 'number' && 'body' in error) return code;
  return undefined;
}

/** True when the API server said 410 Gone (the resourceVersion is too old): the caller must re-list. */
export function isGone(error: unknown): boolean {
  return statusOf(error) === 410;
}

/** Maps any error thrown by client-node (or fetch beneath it) to a SourceError. SourceErrors pass through. */
export function toKubeError(error: unknown, context: KubeErrorContext): SourceError {
  if (isSourceError(error)) return error;
  const label = `kubernetes ${context.operation}`;
  const status = statusOf(error);
  if (status !== undefined) {
    const parsed = statusBody(error);
    const reason = parsed?.reason;
    const detail =
      parsed?.message ?? (error instanceof Error && 'statusCode' in error ? error.message : undefined);
    const text = [`HTTP ${status}`, reason, detail]
      .filter((part) => part !== undefined && part !== '')
      .join(': ');
    return new SourceError('kubernetes', kindForKubeStatus(status, reason), `${label}: ${text}`, {
      status,
      cause: error,
    });
  }
  const stopped = timeoutOrAbort(error);
  if (stopped) {
    const within = context.timeoutMs === undefined ? '' : ` within ${context.timeoutMs} ms`;
    const text = stopped === 'timeout' ? `no answer${within}` : 'the request was aborted';
    return new SourceError('kubernetes', 'timeout', `${label}: ${text}`, { cause: error });
  }
  if (
    error instanceof SyntaxError ||
    (error instanceof Error && /mediaType|Unable to determine type/.test(error.message))
  ) {
    return new SourceError(
      'kubernetes',
      'bad_response',
      `${label}: the answer is not a Kubernetes object (${error.message})`,
      {
        cause: error,
      },
    );
  }
  return new SourceError(
    'kubernetes',
    'unreachable',
    `${label}: cannot reach the API server (${describe(error)})`,
    {
      cause: error,
    },
  );
}

function statusBody(error: unknown): KubeStatus | undefined {
  const body = (error as { body?: unknown }).body;
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      // A proxy's HTML error page: keep a short hint rather than the page.
      return body.trim() === '' ? undefined : { message: `non-JSON body of ${body.length} bytes` };
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { message, reason, code } = value as Record<string, unknown>;
  return {
    message: typeof message === 'string' ? message : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
    code: typeof code === 'number' ? code : undefined,
  };
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** `timeout` for our own deadline (AbortSignal.timeout, undici timeouts), `aborted` for a caller's abort. */
function timeoutOrAbort(error: unknown): 'timeout' | 'aborted' | undefined {
  const chain = causes(error);
  const isError = (e: unknown, name: string): boolean =>
    typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name;
  if (chain.some((e) => isError(e, 'TimeoutError') || timeoutCodes.has(codeOf(e) ?? ''))) return 'timeout';
  return chain.some((e) => isError(e, 'AbortError')) ? 'aborted' : undefined;
}

function describe(error: unknown): string {
  const chain = causes(error);
  const innermost = chain[chain.length - 1];
  const code = chain.map(codeOf).find((c) => c !== undefined);
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
