/**
 * The editor's calls: what the dashboard may write (and the anti-CSRF token), the audit history, the live object of
 * an edit, and the write and impact POSTs. A write's 409, 412 and 422 are outcomes the editor shows, not errors:
 * {@link postJson} returns every answer as a value of one union and never throws.
 */
import { isUnauthenticated, sendToSignIn } from '@/lib/auth/sign-in';
import { queryOptions } from '@tanstack/react-query';
import type { DataResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';
import type { ConfigObjectSummary } from '@/lib/config/types';
import type {
  ApplyRequest,
  AuditList,
  DeleteRequest,
  JsonObject,
  PreviewRequest,
  RevertRequest,
  WriteAnswer,
  WriteCapabilities,
} from '@/lib/write/types';
import type { ImpactPreview } from '@/server/impact/preview';

/** Query keys of the write API. */
export const writeKeys = {
  all: ['write'] as const,
  capabilities: ['write', 'capabilities'] as const,
  /** Every audit list, to refresh after a write (the edited object's own query is left alone: it is the base). */
  audits: ['write', 'audit'] as const,
  audit: (search: string) => ['write', 'audit', search] as const,
  object: (kind: string, namespace: string, name: string) =>
    ['write', 'object', kind, namespace, name] as const,
};

/** The anti-CSRF token lives 12 hours; asking again every 30 minutes keeps a long-open tab writing. */
const CAPABILITIES_STALE_MS = 30 * 60_000;

/**
 * `GET /api/write/capabilities[?namespace=]`: read-only or not, the token, the writable kinds — with a namespace,
 * only the kinds and verbs the signed-in user's RBAC allows there. Also sets the CSRF cookie.
 */
export function capabilitiesQuery(namespace?: string) {
  return queryOptions({
    queryKey:
      namespace === undefined ? writeKeys.capabilities : ([...writeKeys.capabilities, namespace] as const),
    queryFn: ({ signal }) =>
      fetchJson<WriteCapabilities>(
        namespace === undefined
          ? '/api/write/capabilities'
          : `/api/write/capabilities?${new URLSearchParams({ namespace }).toString()}`,
        { signal },
      ),
    staleTime: CAPABILITIES_STALE_MS,
    refetchInterval: CAPABILITIES_STALE_MS,
  });
}

/** Which audit records to list: every one, or one object's. */
export interface AuditFilter {
  kind?: string;
  namespace?: string;
  name?: string;
  /** 1..200; the server's default is 50. */
  limit?: number;
}

/** The query string of `GET /api/write/audit` for a filter. */
export function auditSearchParams(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.namespace) params.set('namespace', filter.namespace);
  if (filter.name) params.set('name', filter.name);
  if (filter.limit !== undefined) params.set('limit', String(filter.limit));
  return params.toString();
}

/** `GET /api/write/audit`: the records, newest first. */
export function auditQuery(filter: AuditFilter) {
  const search = auditSearchParams(filter);
  return queryOptions({
    queryKey: writeKeys.audit(search),
    queryFn: ({ signal }) =>
      fetchJson<AuditList>(`/api/write/audit${search === '' ? '' : `?${search}`}`, { signal }),
  });
}

/**
 * The object an edit starts from, as the Config list holds it (watch cache), or null when there is no such object.
 * The list is asked for one namespace and kind only.
 */
export function editedObjectQuery(kind: string, namespace: string, name: string) {
  return queryOptions({
    queryKey: writeKeys.object(kind, namespace, name),
    queryFn: async ({ signal }): Promise<ConfigObjectSummary | null> => {
      const search = new URLSearchParams({ namespaces: namespace, kind }).toString();
      const answer = await fetchJson<DataResponse<ConfigObjectSummary[]>>(`/api/config/objects?${search}`, {
        signal,
      });
      const error = answer.errors[0];
      const found = answer.data.find((row) => row.name === name && row.namespace === namespace);
      if (found === undefined && error !== undefined) throw new Error(error.message);
      return found ?? null;
    },
    // The edit's base must not move under the person: read once, refreshed only on purpose (after a write).
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // …and not kept once the page is left: the next edit starts from the object as it is then.
    gcTime: 0,
  });
}

/** A write route's answer, or a failure that is not one (a guard's refusal, a network error, a 5xx). */
export type WriteOutcome = WriteAnswer | { outcome: 'error'; status: number; message: string };

const OUTCOME_FIELD: Readonly<Record<WriteAnswer['outcome'], string>> = {
  preview: 'proposed',
  applied: 'changes',
  invalid: 'problems',
  conflict: 'conflict',
  gitops: 'gitops',
  refused: 'error',
};

function messageOf(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : undefined;
}

/** Reads a write route's status and body into a {@link WriteOutcome}. */
export function parseWriteAnswer(status: number, body: unknown): WriteOutcome {
  const outcome = (body as { outcome?: unknown } | null)?.outcome;
  if (typeof outcome === 'string' && outcome in OUTCOME_FIELD) {
    const field = OUTCOME_FIELD[outcome as WriteAnswer['outcome']];
    if (typeof body === 'object' && body !== null && field in body) return body as WriteAnswer;
  }
  const message = messageOf(body) ?? `the dashboard answered HTTP ${status}`;
  return { outcome: 'error', status, message };
}

/** A body of one of the write routes. */
export type WriteBody = PreviewRequest | ApplyRequest | DeleteRequest | RevertRequest;

/**
 * POSTs JSON to a write route with the anti-CSRF token, and returns its answer as a value: 200, 409, 412 and 422
 * are outcomes; a guard's refusal, a network failure or a 5xx is `{outcome: 'error'}`. Never throws.
 */
export async function postJson(
  path: '/api/write/preview' | '/api/write/apply' | '/api/write/delete' | '/api/write/revert',
  body: WriteBody,
  csrfToken: string,
  signal?: AbortSignal,
): Promise<WriteOutcome> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : 'network error';
    return { outcome: 'error', status: 0, message: `the dashboard server did not answer (${why})` };
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (isUnauthenticated(response.status, parsed)) sendToSignIn('sign in again to make changes');
  return parseWriteAnswer(response.status, parsed);
}

/** `POST /api/impact`'s answer, or why there is none. */
export type ImpactOutcome =
  { ok: true; answer: DataResponse<ImpactPreview | null> } | { ok: false; message: string };

/** The kinds `POST /api/impact` judges. */
export const IMPACT_KINDS: readonly string[] = ['AuthorizationPolicy', 'VirtualService'];

/** What the proposed object would do to the traffic of the window (`5m`, `1h`…). Never throws. */
export async function postImpact(
  object: JsonObject,
  window: string,
  signal?: AbortSignal,
): Promise<ImpactOutcome> {
  try {
    const response = await fetch('/api/impact', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ object, window }),
      signal,
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, answer: body as DataResponse<ImpactPreview | null> };
    return { ok: false, message: messageOf(body) ?? `the impact preview answered HTTP ${response.status}` };
  } catch (error) {
    return {
      ok: false,
      message: `the impact preview failed (${error instanceof Error ? error.message : 'network error'})`,
    };
  }
}

/** The one-line message of a refusal or an error outcome. */
export function failureMessage(outcome: Extract<WriteOutcome, { outcome: 'refused' | 'error' }>): string {
  return outcome.outcome === 'refused' ? outcome.error.message : outcome.message;
}
