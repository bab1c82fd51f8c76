import 'server-only';
import { checkCsrf } from './csrf';

/**
 * The guards every mutating route runs before it looks at what is asked, in this order (the first refusal answers):
 *
 * | guard              | refusal | rule                                                                      |
 * |--------------------|---------|---------------------------------------------------------------------------|
 * | same origin        | 403     | `Origin` present and equal to the dashboard's own origin; `Sec-Fetch-Site` not cross-site or same-site |
 * | read-only          | 403     | `READ_ONLY=true` turns every mutating route off                           |
 * | anti-CSRF token    | 403     | `X-CSRF-Token` equal to the token cookie, and made by this dashboard (csrf.ts) |
 * | content type       | 415     | `Content-Type: application/json`                                          |
 * | body size          | 413     | at most {@link MAX_BODY_BYTES}, read as a stream that stops at the limit  |
 * | JSON               | 400     | the body parses as JSON                                                   |
 */

/** The body cap of mutating routes: 512 KiB. */
export const MAX_BODY_BYTES = 512 * 1024;

/** A refusal: the status and the one-line message of `{error: {message}}`. */
export interface GuardRefusal {
  status: number;
  message: string;
}

/** The message of the read-only refusal. */
export const READ_ONLY_MESSAGE = 'the dashboard is read-only (READ_ONLY=true)';

/** The origins the request may come from: its own URL's, and the one a reverse proxy says the browser used. */
export function ownOrigins(request: Request): string[] {
  const url = new URL(request.url);
  const origins = [url.origin];
  const proto =
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(/:$/, '');
  for (const host of [
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(),
    request.headers.get('host'),
  ]) {
    if (host) origins.push(`${proto}://${host}`);
  }
  return origins;
}

/** Refuses a request that a browser did not send from the dashboard's own pages. */
export function checkSameOrigin(request: Request): GuardRefusal | undefined {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') {
    return {
      status: 403,
      message: `refused a ${site} request: changes are accepted only from the dashboard's own pages`,
    };
  }
  const origin = request.headers.get('origin');
  if (!origin)
    return { status: 403, message: 'refused a request without an Origin header: send it from the dashboard' };
  if (!ownOrigins(request).includes(origin)) {
    return {
      status: 403,
      message: `refused a request from origin ${origin}: changes are accepted only from the dashboard's own origin`,
    };
  }
  return undefined;
}

/** Refuses a body that is not declared as JSON (a form post cannot be). */
export function checkContentType(request: Request): GuardRefusal | undefined {
  const type = request.headers.get('content-type') ?? '';
  const media = type.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') return undefined;
  return {
    status: 415,
    message: `send the body as Content-Type: application/json (got ${type === '' ? 'none' : JSON.stringify(type)})`,
  };
}

function tooLarge(limit: number): GuardRefusal {
  return {
    status: 413,
    message: `the request body is larger than ${limit / 1024} KiB (${limit} bytes): send one object at a time`,
  };
}

/** Reads the body as UTF-8 text, stopping (and refusing) as soon as it passes `limit` bytes. */
export async function readCappedText(
  request: Request,
  limit: number = MAX_BODY_BYTES,
): Promise<string | GuardRefusal> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return tooLarge(limit);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { status: 400, message: 'the request body is not UTF-8 text' };
  }
}

/** What the guards need to know. */
export interface GuardOptions {
  readOnly: boolean;
  /** The secret anti-CSRF tokens are made with. */
  csrfSecret: Buffer;
  now?: () => number;
  maxBodyBytes?: number;
}

/** Runs every guard (see the table above); the parsed JSON body, or the first refusal. */
export async function guardMutation(
  request: Request,
  options: GuardOptions,
): Promise<{ ok: true; body: unknown } | ({ ok: false } & GuardRefusal)> {
  const origin = checkSameOrigin(request);
  if (origin) return { ok: false, ...origin };
  if (options.readOnly) return { ok: false, status: 403, message: READ_ONLY_MESSAGE };
  const csrf = checkCsrf(
    request.headers.get('x-csrf-token'),
    request.headers.get('cookie'),
    options.csrfSecret,
    (options.now ?? Date.now)(),
  );
  if (!csrf.ok) return { ok: false, status: 403, message: csrf.message };
  const type = checkContentType(request);
  if (type) return { ok: false, ...type };
  const text = await readCappedText(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
  if (typeof text !== 'string') return { ok: false, ...text };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, status: 400, message: `the request body is not JSON: ${detail}` };
  }
}
