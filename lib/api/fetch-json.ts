import { isUnauthenticated, sendToSignIn } from '@/lib/auth/sign-in';

/** An API answer that was not a success; `status` 0 means the server did not answer at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fetches one of the dashboard's own API routes from the browser. `acceptStatus` lists non-2xx statuses whose body
 * is still the answer (e.g. readyz's 503). Throws {@link ApiError} with the server's one-line message otherwise;
 * a 401 "sign in first" also sends the browser to the sign-in page.
 */
export async function fetchJson<T>(
  path: string,
  options?: { acceptStatus?: number[]; signal?: AbortSignal },
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal: options?.signal });
  } catch (error) {
    throw new ApiError(
      0,
      `the dashboard server did not answer (${error instanceof Error ? error.message : 'network error'})`,
    );
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok || options?.acceptStatus?.includes(res.status)) return body as T;
  if (isUnauthenticated(res.status, body)) sendToSignIn(messageOf(body) ?? 'sign in first');
  throw new ApiError(res.status, messageOf(body) ?? `${path} answered HTTP ${res.status}`);
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return undefined;
}
