import 'server-only';
import {
  AUDIT_LABELS,
  AUDIT_OBJECT_LABELS,
  auditBytes,
  auditConfigMap,
  auditFromConfigMap,
  auditId,
  isLabelValue,
  MAX_AUDIT_BYTES,
  newestFirst,
} from '@/lib/write/audit-record';
import { objectDiff, objectYaml } from '@/lib/write/text-diff';
import type { AuditRecord, AuditSummary, JsonObject, WriteOperation } from '@/lib/write/types';
import { fromKubeRefusal, refused, resourceVersionOf, type WriteReply } from './answers';
import type { WriteContext } from './context';

/**
 * Audit records in the cluster (format in `lib/write/audit-record.ts`). A write checks first, with a dry run, that
 * its record can be kept (the namespace exists, the dashboard may create ConfigMaps there, the record fits), so a
 * change is never made that could not be recorded; the record itself is written right after the change.
 */

/** What a record is about. */
export interface AuditSubject {
  action: WriteOperation;
  kind: string;
  apiVersion: string;
  /** The object's namespace; for a Namespace, its name. */
  namespace: string;
  name: string;
  before: JsonObject | null;
  after: JsonObject | null;
  revertOf?: string;
}

const configMaps = (namespace: string, name?: string): string =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

/** The record of a change made now by `ctx.who`. */
export function auditRecord(subject: AuditSubject, ctx: WriteContext): AuditRecord {
  const when = ctx.now();
  const record: AuditRecord = {
    id: auditId(when, ctx.randomSuffix()),
    who: ctx.who,
    when: when.toISOString(),
    action: subject.action,
    kind: subject.kind,
    apiVersion: subject.apiVersion,
    namespace: subject.namespace,
    name: subject.name,
    before: objectYaml(subject.before),
    after: objectYaml(subject.after),
    diff: objectDiff(subject.before, subject.after, { from: 'before', to: 'after' }),
  };
  const rv = resourceVersionOf(subject.after);
  if (rv !== undefined && subject.action !== 'delete') record.resourceVersion = rv;
  if (subject.revertOf !== undefined) record.revertOf = subject.revertOf;
  return record;
}

/** Checks, without writing, that the record can be kept; a refusal answer when it cannot. */
export async function preflightAudit(
  record: AuditRecord,
  ctx: WriteContext,
): Promise<WriteReply | undefined> {
  const bytes = auditBytes(record);
  if (bytes > MAX_AUDIT_BYTES) {
    return refused(
      413,
      `the audit record would be ${bytes} bytes, over the ConfigMap limit of ${MAX_AUDIT_BYTES}; nothing was changed`,
    );
  }
  try {
    await ctx.auditKube.create(
      configMaps(ctx.auditNamespace),
      auditConfigMap(record, ctx.auditNamespace),
      'dry-run create audit record',
      {
        dryRun: true,
      },
    );
    return undefined;
  } catch (error) {
    const reason = fromKubeRefusal(error)?.answer;
    const detail =
      reason?.outcome === 'refused'
        ? reason.error.message
        : error instanceof Error
          ? error.message
          : String(error);
    return refused(
      503,
      `cannot keep the audit record in namespace ${ctx.auditNamespace} (set AUDIT_NAMESPACE to one that exists and the dashboard may write ConfigMaps in): ${detail}; nothing was changed`,
    );
  }
}

/** Writes the record; on failure (after a passed preflight, unlikely) logs it and answers null with the reason. */
export async function writeAudit(
  record: AuditRecord,
  ctx: WriteContext,
): Promise<{ summary: AuditSummary | null; warning?: string }> {
  try {
    await ctx.auditKube.create(
      configMaps(ctx.auditNamespace),
      auditConfigMap(record, ctx.auditNamespace),
      'create audit record',
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log(
      `meshlens write: AUDIT RECORD LOST for ${record.action} ${record.kind} ${record.namespace}/${record.name} by ${record.who}: ${message}`,
    );
    return {
      summary: null,
      warning: `the change was made, but its audit record could not be written: ${message}`,
    };
  }
  const { before: _b, after: _a, diff: _d, ...summary } = record;
  return { summary };
}

/** Which records to list. */
export interface AuditQuery {
  kind?: string;
  namespace?: string;
  name?: string;
  /** At most this many, newest first. */
  limit: number;
}

/** The records in the audit namespace, newest first, optionally of one object or namespace. */
export async function listAudit(
  query: AuditQuery,
  ctx: Pick<WriteContext, 'auditKube' | 'auditNamespace'>,
): Promise<AuditRecord[]> {
  const selector = Object.entries(AUDIT_LABELS).map(([k, v]) => `${k}=${v}`);
  for (const key of ['kind', 'namespace', 'name'] as const) {
    const value = query[key];
    if (value !== undefined && isLabelValue(value)) selector.push(`${AUDIT_OBJECT_LABELS[key]}=${value}`);
  }
  const items = await ctx.auditKube.list(
    configMaps(ctx.auditNamespace),
    { labelSelector: selector.join(',') },
    'list audit records',
  );
  return items
    .flatMap((item) => auditFromConfigMap(item) ?? [])
    .filter((r) =>
      (['kind', 'namespace', 'name'] as const).every(
        (key) => query[key] === undefined || r[key] === query[key],
      ),
    )
    .sort(newestFirst)
    .slice(0, query.limit);
}

/** One record by id, or undefined when there is none (or the ConfigMap is not a record). */
export async function readAudit(
  id: string,
  ctx: Pick<WriteContext, 'auditKube' | 'auditNamespace'>,
): Promise<AuditRecord | undefined> {
  const configMap = await ctx.auditKube.get(configMaps(ctx.auditNamespace, id), 'get audit record');
  if (configMap === null) return undefined;
  const labels = (configMap['metadata'] as { labels?: Record<string, string> } | undefined)?.labels ?? {};
  if (Object.entries(AUDIT_LABELS).some(([k, v]) => labels[k] !== v)) return undefined;
  return auditFromConfigMap(configMap);
}
