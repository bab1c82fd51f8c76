import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { ParamError, parseParams } from '@/lib/api/params';
import {
  auditQueryParams,
  parseApplyRequest,
  parseDeleteRequest,
  parsePreviewRequest,
  parseRevertRequest,
} from '@/lib/write/requests';
import type { AuditList, WriteCapabilities } from '@/lib/write/types';
import type { ObjectValidator } from '@/lib/write/validate';
import { apiVersionsOf, WRITABLE_KINDS } from '@/lib/write/writable-kinds';
import { json, route } from '@/server/http/route';
import { settings } from '@/server/settings';
import { sources } from '@/server/sources/registry';
import type { WriteReply } from './answers';
import { apply } from './apply';
import { listAudit } from './audit';
import { writeContext, type WriteContext } from './context';
import { cookieValue, CSRF_COOKIE, csrfCookie, csrfSecret, mintCsrfToken, verifyCsrfToken } from './csrf';
import { guardMutation, type GuardRefusal } from './guards';
import { preview } from './preview';
import { remove } from './remove';
import { revert } from './revert';

/**
 * The handlers of `/api/write/*`, built from their dependencies so that tests run the same code the routes export.
 * Each mutating handler: guards (guards.ts), parse the body (lib/write/requests.ts, 400 naming the field), run the
 * operation, answer its reply with its status.
 */

type Handler = (request: Request) => Promise<Response>;

/** What the handlers depend on; {@link defaultWriteDeps} in the app. */
export interface WriteRouteDeps {
  readOnly: boolean;
  auditNamespace: string;
  csrfSecret: Buffer;
  /** The KubeConfig a request's writes are made with: the dashboard's own today, the acting user's later. */
  kubeConfigFor: (request: Request) => KubeConfig;
  /** Who acts, for the audit record and the log. */
  whoFor: (request: Request) => string;
  validators?: readonly ObjectValidator[];
  log?: (line: string) => void;
  now?: () => Date;
}

/** The app's dependencies: the settings, the dashboard's KubeConfig, and `anonymous` (no users yet). */
export function defaultWriteDeps(): WriteRouteDeps {
  const s = settings().write;
  return {
    readOnly: s.readOnly,
    auditNamespace: s.auditNamespace,
    csrfSecret: csrfSecret(s.sessionSecret),
    kubeConfigFor: () => sources().kubeConfig,
    whoFor: () => 'anonymous',
  };
}

function contextFor(request: Request, deps: WriteRouteDeps): WriteContext {
  const ctx = writeContext(deps.kubeConfigFor(request), {
    who: deps.whoFor(request),
    auditNamespace: deps.auditNamespace,
    ...(deps.validators ? { validators: deps.validators } : {}),
  });
  return { ...ctx, ...(deps.log ? { log: deps.log } : {}), ...(deps.now ? { now: deps.now } : {}) };
}

function refusal(name: string, who: string, refused: GuardRefusal, log: (line: string) => void): Response {
  log(
    `meshlens write: who=${who} action=${name} result=refused status=${refused.status} reason=${JSON.stringify(refused.message)}`,
  );
  return json({ error: { message: refused.message } }, refused.status);
}

function reply(answer: WriteReply): Response {
  return json(answer.answer, answer.status);
}

/** A mutating route: guards, then `parse` (a 400 naming the field) and `run`. */
export function mutationHandler<R>(
  name: string,
  parse: (body: unknown) => R,
  run: (request: R, ctx: WriteContext) => Promise<WriteReply>,
  deps: () => WriteRouteDeps = defaultWriteDeps,
): Handler {
  return route(`write-${name}`, async (request) => {
    const d = deps();
    const log = d.log ?? ((line: string): void => console.info(line));
    const now = (): number => (d.now?.() ?? new Date()).getTime();
    const guarded = await guardMutation(request, { readOnly: d.readOnly, csrfSecret: d.csrfSecret, now });
    if (!guarded.ok) return refusal(name, d.whoFor(request), guarded, log);
    let parsed: R;
    try {
      parsed = parse(guarded.body);
    } catch (error) {
      // Answered by route() as a 400 naming the field; logged here like every other refused write.
      if (error instanceof ParamError)
        refusal(name, d.whoFor(request), { status: 400, message: error.message }, log);
      throw error;
    }
    return reply(await run(parsed, contextFor(request, d)));
  });
}

/** `POST /api/write/preview`. */
export const previewHandler = (deps?: () => WriteRouteDeps): Handler =>
  mutationHandler('preview', parsePreviewRequest, preview, deps);
/** `POST /api/write/apply`. */
export const applyHandler = (deps?: () => WriteRouteDeps): Handler =>
  mutationHandler('apply', parseApplyRequest, apply, deps);
/** `POST /api/write/delete`. */
export const deleteHandler = (deps?: () => WriteRouteDeps): Handler =>
  mutationHandler('delete', parseDeleteRequest, remove, deps);
/** `POST /api/write/revert`. */
export const revertHandler = (deps?: () => WriteRouteDeps): Handler =>
  mutationHandler('revert', parseRevertRequest, revert, deps);

function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/** `GET /api/write/capabilities`: read-only or not, the anti-CSRF token (also set as a cookie), the writable kinds. */
export function capabilitiesHandler(deps: () => WriteRouteDeps = defaultWriteDeps): Handler {
  return route('write-capabilities', async (request) => {
    const d = deps();
    const base = { readOnly: d.readOnly, auditNamespace: d.auditNamespace };
    if (d.readOnly) return json({ ...base, csrfToken: null, kinds: [] } satisfies WriteCapabilities);
    const nowMs = (d.now?.() ?? new Date()).getTime();
    const existing = cookieValue(request.headers.get('cookie'), CSRF_COOKIE);
    // Keep a valid token, so that several tabs of the dashboard share one.
    const token =
      existing && verifyCsrfToken(existing, d.csrfSecret, nowMs)
        ? existing
        : mintCsrfToken(d.csrfSecret, nowMs);
    const body: WriteCapabilities = {
      ...base,
      csrfToken: token,
      kinds: WRITABLE_KINDS.map((k) => ({
        kind: k.kind,
        apiVersions: apiVersionsOf(k),
        verbs: [...k.verbs],
      })),
    };
    return Response.json(body, {
      headers: { 'cache-control': 'no-store', 'set-cookie': csrfCookie(token, isHttps(request)) },
    });
  });
}

/** `GET /api/write/audit?namespace=&name=&kind=&limit=`: audit records, newest first. Offered in read-only mode too. */
export function auditHandler(deps: () => WriteRouteDeps = defaultWriteDeps): Handler {
  return route('write-audit', async (request) => {
    const query = parseParams(new URL(request.url).searchParams, auditQueryParams);
    const d = deps();
    const records = await listAudit(query, contextFor(request, d));
    return json({ records } satisfies AuditList);
  });
}
