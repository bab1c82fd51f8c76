import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { ParamError, parseParams } from '@/lib/api/params';
import { z } from 'zod';
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
import { SEES_ALL, type Visibility } from '@/lib/auth/visibility';
import { logRefusal, unauthenticated, viewerOf, visibilityOf } from '@/server/auth/request';
import type { ViewerRefusal } from '@/server/auth/viewer';
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

const capabilitiesParams = z.object({
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a namespace name')
    .max(63)
    .optional(),
});

/** Who a request acts as: the KubeConfig of its cluster calls, the name for the audit, what they may see. */
export interface Acting {
  /** Built on first use. */
  readonly kubeConfig: KubeConfig;
  who: string;
  visibility: () => Promise<Visibility>;
}

/** What the handlers depend on; {@link defaultWriteDeps} in the app. */
export interface WriteRouteDeps {
  readOnly: boolean;
  auditNamespace: string;
  csrfSecret: Buffer;
  /** The acting user of a request (the cluster enforces their rights on every write), or why there is none (401). */
  actingFor: (request: Request) => { ok: true; acting: Acting } | { ok: false; refusal: ViewerRefusal };
  /** The dashboard's own KubeConfig: audit records are its store, kept with its rights. */
  dashboardKubeConfig: () => KubeConfig;
  validators?: readonly ObjectValidator[];
  log?: (line: string) => void;
  now?: () => Date;
}

/** Acting as the dashboard itself, seeing everything (anonymous; tests). */
export function actingAsDashboard(kubeConfig: KubeConfig): WriteRouteDeps['actingFor'] {
  return () => ({
    ok: true,
    acting: { kubeConfig, who: 'anonymous', visibility: () => Promise.resolve(SEES_ALL) },
  });
}

/** The app's dependencies: the settings, and the request's viewer under the configured auth strategy. */
export function defaultWriteDeps(): WriteRouteDeps {
  const s = settings().write;
  return {
    readOnly: s.readOnly,
    auditNamespace: s.auditNamespace,
    csrfSecret: csrfSecret(s.sessionSecret),
    actingFor: (request) => {
      const resolved = viewerOf(request);
      if (!resolved.ok) return resolved;
      const viewer = resolved.viewer;
      return {
        ok: true,
        acting: {
          get kubeConfig() {
            return viewer.kubeConfig;
          },
          who: viewer.who,
          visibility: () => visibilityOf(viewer),
        },
      };
    },
    dashboardKubeConfig: () => sources().kubeConfig,
  };
}

function contextFor(acting: Acting, deps: WriteRouteDeps): WriteContext {
  const ctx = writeContext(acting.kubeConfig, {
    who: acting.who,
    auditNamespace: deps.auditNamespace,
    auditKubeConfig: deps.dashboardKubeConfig(),
    ...(deps.validators ? { validators: deps.validators } : {}),
  });
  return { ...ctx, ...(deps.log ? { log: deps.log } : {}), ...(deps.now ? { now: deps.now } : {}) };
}

/** Resolves the acting user, or answers the 401 (logged) when there is none. */
function withActing(
  name: string,
  request: Request,
  deps: WriteRouteDeps,
  run: (acting: Acting) => Promise<Response>,
): Promise<Response> {
  const resolved = deps.actingFor(request);
  if (!resolved.ok) {
    if (resolved.refusal.message !== 'sign in first') logRefusal(name, request, resolved.refusal.message);
    return Promise.resolve(unauthenticated(request, resolved.refusal));
  }
  return run(resolved.acting);
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
    // Read-only, cross-site, bad token or body: refused before anyone's credentials are looked at.
    const guarded = await guardMutation(request, { readOnly: d.readOnly, csrfSecret: d.csrfSecret, now });
    if (!guarded.ok) {
      const acting = d.actingFor(request);
      return refusal(name, acting.ok ? acting.acting.who : 'unauthenticated', guarded, log);
    }
    return withActing(`write-${name}`, request, d, async (acting) => {
      let parsed: R;
      try {
        parsed = parse(guarded.body);
      } catch (error) {
        // Answered by route() as a 400 naming the field; logged here like every other refused write.
        if (error instanceof ParamError)
          refusal(name, acting.who, { status: 400, message: error.message }, log);
        throw error;
      }
      return reply(await run(parsed, contextFor(acting, d)));
    });
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

/**
 * `GET /api/write/capabilities[?namespace=]`: read-only or not, the anti-CSRF token (also set as a cookie), the
 * writable kinds — with `namespace`, only the kinds and verbs the acting user's RBAC allows there, so that the page
 * offers only what the cluster would accept.
 */
export function capabilitiesHandler(deps: () => WriteRouteDeps = defaultWriteDeps): Handler {
  return route('write-capabilities', async (request) => {
    const d = deps();
    const { namespace } = parseParams(new URL(request.url).searchParams, capabilitiesParams);
    const base = { readOnly: d.readOnly, auditNamespace: d.auditNamespace };
    if (d.readOnly) return json({ ...base, csrfToken: null, kinds: [] } satisfies WriteCapabilities);
    const resolved = d.actingFor(request);
    if (!resolved.ok) return unauthenticated(request, resolved.refusal);
    const visibility = namespace === undefined ? SEES_ALL : await resolved.acting.visibility();
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
        verbs: k.verbs.filter(
          (verb) =>
            namespace === undefined ||
            visibility.may(
              { verb, group: k.group, resource: k.plural, ...(k.namespaced ? {} : { name: namespace }) },
              namespace,
            ),
        ),
      })).filter((k) => k.verbs.length > 0),
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
    return withActing('write-audit', request, d, async (acting) => {
      const visibility = await acting.visibility();
      const records = await listAudit(query, contextFor(acting, d));
      return json({
        records: records.filter((r) => visibility.seesNamespace(r.namespace)),
      } satisfies AuditList);
    });
  });
}
