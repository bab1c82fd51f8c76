import { queryOptions } from '@tanstack/react-query';
import type { Identity, SessionInfo } from '@/lib/auth/types';
import { fetchJson } from '@/lib/api/fetch-json';

/** Who the browser acts as; re-read every minute so that the header notices an expired session. */
export function sessionQuery() {
  return queryOptions({
    queryKey: ['auth', 'session'] as const,
    queryFn: ({ signal }) => fetchJson<SessionInfo>('/api/auth/session', { signal }),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
}

/** `POST /api/auth/login`: the identity the cluster gave the token, or the server's reason for refusing it. */
export async function signInWithToken(
  token: string,
): Promise<{ ok: true; identity: Identity } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'same-origin',
    });
  } catch (error) {
    return {
      ok: false,
      message: `the dashboard server did not answer (${error instanceof Error ? error.message : 'network error'})`,
    };
  }
  const body = (await response.json().catch(() => null)) as {
    identity?: Identity;
    error?: { message?: string };
  } | null;
  if (response.ok && body?.identity) return { ok: true, identity: body.identity };
  return { ok: false, message: body?.error?.message ?? `sign-in failed (HTTP ${response.status})` };
}

/** `POST /api/auth/logout`; resolves whatever the answer (the cookie is gone either way once it succeeds). */
export async function signOut(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
}
