/**
 * The JSON bodies of the write routes, checked with zod. Unknown fields are refused (a typo such as
 * `acknowledgeGitops` must not silently mean "no"). A body that does not fit is a {@link ParamError} naming the
 * field, which the routes answer with a 400.
 */
import { z } from 'zod';
import { ParamError } from '@/lib/api/params';
import { isNamespaceName } from '@/lib/view-state';
import type { ApplyRequest, DeleteRequest, PreviewRequest, RevertRequest } from './types';

const namespace = z.string().refine(isNamespaceName, { message: 'must be a namespace name' });
const name = z.string().min(1).max(253);
const resourceVersion = z.string().min(1).max(64);

const previewShape = {
  kind: z.string().min(1).max(63),
  namespace,
  name: name.optional(),
  yaml: z.string(),
  baseResourceVersion: resourceVersion.optional(),
};

const previewSchema = z.strictObject(previewShape);
const applySchema = z.strictObject({ ...previewShape, acknowledgeGitOps: z.boolean().optional() });
const deleteSchema = z.strictObject({
  kind: previewShape.kind,
  namespace,
  name,
  baseResourceVersion: resourceVersion,
  confirm: z.string(),
  acknowledgeGitOps: z.boolean().optional(),
});
const revertSchema = z.strictObject({
  auditId: z.string().regex(/^meshlens-audit-[a-z0-9-]+$/, { message: 'must be an audit record id' }),
  baseResourceVersion: resourceVersion.optional(),
  acknowledgeGitOps: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? 'body';
    throw new ParamError(key, `unknown field ${JSON.stringify(key)} in the body`);
  }
  const field = issue?.path.map(String).join('.') || 'body';
  throw new ParamError(field, `${field} ${issue?.message ?? 'is invalid'}`);
}

/** The query of `GET /api/write/audit`: filters, and `limit` (1 to 200, 50 by default). */
export const auditQueryParams = z.object({
  kind: previewShape.kind.optional(),
  namespace: namespace.optional(),
  name: name.optional(),
  limit: z
    .string()
    .default('50')
    .refine((raw) => /^\d{1,3}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 200, {
      message: 'must be a whole number from 1 to 200',
    })
    .transform(Number),
});

/** The body of `POST /api/write/preview`. */
export function parsePreviewRequest(body: unknown): PreviewRequest {
  return parse(previewSchema, body);
}

/** The body of `POST /api/write/apply`. */
export function parseApplyRequest(body: unknown): ApplyRequest {
  return parse(applySchema, body);
}

/** The body of `POST /api/write/delete`. */
export function parseDeleteRequest(body: unknown): DeleteRequest {
  return parse(deleteSchema, body);
}

/** The body of `POST /api/write/revert`. */
export function parseRevertRequest(body: unknown): RevertRequest {
  return parse(revertSchema, body);
}
