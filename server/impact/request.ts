import 'server-only';
import { ParamError } from '@/lib/api/params';
import { WINDOW_LIMITS } from '@/lib/api/graph-params';
import type { KubeObject } from '@/lib/kube/object';
import { tryParseDuration } from '@/lib/promql/duration';
import { checkContentType, checkSameOrigin, readCappedText, type GuardRefusal } from '@/server/write/guards';
import { checkProposed } from './preview';

/** A preview request: the proposed object and the window of traffic to judge it against. */
export interface ImpactRequest {
  object: KubeObject;
  windowSeconds: number;
}

/**
 * Reads `POST /api/impact`: same origin only, a JSON body of at most the write routes' cap, `{object, window?}`
 * with `window` a duration from 1m to 24h (default 5m). It changes nothing, so it needs no anti-CSRF token and is
 * offered in read-only mode too. Malformed input throws a `ParamError` naming the field.
 */
export async function readImpactRequest(request: Request): Promise<ImpactRequest | GuardRefusal> {
  const refusal = checkSameOrigin(request) ?? checkContentType(request);
  if (refusal) return refusal;
  const text = await readCappedText(request);
  if (typeof text !== 'string') return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ParamError(
      'body',
      `the body is not JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ParamError('body', 'the body must be a JSON object: {"object": {...}, "window": "5m"}');
  }
  const { object, window, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new ParamError(unknown, `unknown field ${JSON.stringify(unknown)}`);
  const seconds =
    window === undefined ? 300 : typeof window === 'string' ? tryParseDuration(window) : undefined;
  if (seconds === undefined || seconds < WINDOW_LIMITS.min || seconds > WINDOW_LIMITS.max) {
    throw new ParamError('window', 'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m');
  }
  return { object: checkProposed(object), windowSeconds: seconds };
}
