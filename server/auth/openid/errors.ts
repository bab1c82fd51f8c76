import {
  AuthorizationResponseError,
  ClientError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from 'openid-client';

/**
 * Plain-language reasons for what goes wrong talking to an OpenID provider. They end up in the login page's URL and
 * the server log, so they carry no token, code or verifier, and text that came from the provider is kept short and on
 * one line.
 */

const MAX_PROVIDER_TEXT = 200;

/** Provider-supplied text, on one line and at most {@link MAX_PROVIDER_TEXT} characters. */
function clip(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > MAX_PROVIDER_TEXT ? `${line.slice(0, MAX_PROVIDER_TEXT)}…` : line;
}

/** An error's message followed by its causes' (`fetch failed: connect ECONNREFUSED 127.0.0.1:1`), on one line. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    const text = current.message || (typeof code === 'string' ? code : current.name);
    if (!parts.some((p) => p.includes(text))) parts.push(text);
    current = current.cause;
  }
  return clip(parts.length > 0 ? parts.join(': ') : String(error));
}

/** Whether the request never got an answer: a network failure or a timeout. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return error.message === 'fetch failed';
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * What to tell the user about a failed authorization response or code exchange, for the errors `openid-client`
 * throws; undefined for anything else (a bug, to be reported as such).
 */
export function loginFailure(error: unknown): string | undefined {
  if (error instanceof AuthorizationResponseError) {
    const description = error.error_description ? ` (${clip(error.error_description)})` : '';
    return `the identity provider refused the sign-in: ${clip(error.error)}${description}`;
  }
  if (error instanceof ResponseBodyError) {
    const description = error.error_description ? ` (${clip(error.error_description)})` : '';
    const hint =
      error.error === 'invalid_grant'
        ? ': the code was already used, has expired, or belongs to another sign-in; sign in again'
        : error.error === 'invalid_client'
          ? ': check OPENID_CLIENT_ID and OPENID_CLIENT_SECRET'
          : '';
    return `the identity provider refused to exchange the authorization code: ${clip(error.error)}${description}${hint}`;
  }
  if (error instanceof WWWAuthenticateChallengeError) {
    return `the identity provider refused the dashboard's client credentials (HTTP ${error.status}): check OPENID_CLIENT_ID and OPENID_CLIENT_SECRET`;
  }
  if (error instanceof ClientError) {
    return `the identity provider's answer failed validation: ${describeError(error)}`;
  }
  if (isUnreachable(error)) return `the identity provider could not be reached: ${describeError(error)}`;
  return undefined;
}
