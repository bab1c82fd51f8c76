/**
 * The audit record of one change, kept in the cluster as a ConfigMap in the audit namespace so that it survives
 * restarts and every replica sees the same history. Labels make records findable by object; the data holds the
 * whole record as strings (ConfigMap data is string to string).
 *
 * ```yaml
 * apiVersion: v1
 * kind: ConfigMap
 * metadata:
 *   name: meshlens-audit-20260601-030000123-k3x9q2
 *   namespace: meshlens-system
 *   labels: {app.kubernetes.io/managed-by: meshlens, app.kubernetes.io/component: audit,
 *            meshlens.io/action: update, meshlens.io/kind: VirtualService, meshlens.io/namespace: bookinfo,
 *            meshlens.io/name: reviews}
 * data: {who, when, action, kind, apiVersion, namespace, name, resourceVersion, revertOf, before, after, diff}
 * ```
 */
import type { AuditRecord, JsonObject, WriteOperation } from './types';

/** Labels every audit ConfigMap carries; also the selector that lists them. */
export const AUDIT_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/managed-by': 'meshlens',
  'app.kubernetes.io/component': 'audit',
};

/** Label keys naming the object a record is about. */
export const AUDIT_OBJECT_LABELS = {
  action: 'meshlens.io/action',
  kind: 'meshlens.io/kind',
  namespace: 'meshlens.io/namespace',
  name: 'meshlens.io/name',
} as const;

/** ConfigMaps hold at most 1 MiB; leave room for metadata. */
export const MAX_AUDIT_BYTES = 1_000_000;

const ACTIONS: readonly WriteOperation[] = ['create', 'update', 'delete'];
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** True when the text may be a label value (names longer than 63 characters may not). */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && labelValue.test(value);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The name of a new record: `meshlens-audit-<UTC yyyymmdd>-<hhmmssSSS>-<suffix>`; names sort by time.
 * `suffix` is random (lower-case letters and digits) so that two replicas writing in the same millisecond differ.
 */
export function auditId(when: Date, suffix: string): string {
  const day = `${when.getUTCFullYear()}${pad(when.getUTCMonth() + 1)}${pad(when.getUTCDate())}`;
  const time = `${pad(when.getUTCHours())}${pad(when.getUTCMinutes())}${pad(when.getUTCSeconds())}${pad(when.getUTCMilliseconds(), 3)}`;
  return `meshlens-audit-${day}-${time}-${suffix}`;
}

/** The record as a ConfigMap in `namespace`. */
export function auditConfigMap(record: AuditRecord, namespace: string): JsonObject {
  const labels: Record<string, string> = { ...AUDIT_LABELS, [AUDIT_OBJECT_LABELS.action]: record.action };
  for (const key of ['kind', 'namespace', 'name'] as const) {
    if (isLabelValue(record[key])) labels[AUDIT_OBJECT_LABELS[key]] = record[key];
  }
  const { id: _id, ...fields } = record;
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: record.id, namespace, labels }, data };
}

/** The size of the record's data in bytes (UTF-8), to compare with {@link MAX_AUDIT_BYTES}. */
export function auditBytes(record: AuditRecord): number {
  return Object.values(record).reduce<number>(
    (sum, v) => sum + (typeof v === 'string' ? new TextEncoder().encode(v).length : 0),
    0,
  );
}

/** The record a ConfigMap holds, or undefined when it is not an audit record. */
export function auditFromConfigMap(configMap: unknown): AuditRecord | undefined {
  if (typeof configMap !== 'object' || configMap === null) return undefined;
  const { metadata, data } = configMap as { metadata?: { name?: unknown }; data?: unknown };
  if (typeof metadata?.name !== 'string' || typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof d[key] === 'string' ? d[key] : undefined);
  const action = text('action');
  const [who, when, kind, apiVersion, namespace, name] = [
    'who',
    'when',
    'kind',
    'apiVersion',
    'namespace',
    'name',
  ].map(text);
  if (!action || !ACTIONS.includes(action as WriteOperation)) return undefined;
  if (!who || !when || !kind || !apiVersion || namespace === undefined || !name) return undefined;
  const record: AuditRecord = {
    id: metadata.name,
    who,
    when,
    action: action as WriteOperation,
    kind,
    apiVersion,
    namespace,
    name,
    before: text('before') ?? '',
    after: text('after') ?? '',
    diff: text('diff') ?? '',
  };
  const resourceVersion = text('resourceVersion');
  const revertOf = text('revertOf');
  if (resourceVersion) record.resourceVersion = resourceVersion;
  if (revertOf) record.revertOf = revertOf;
  return record;
}

/** Newest first: by time, then by id (which sorts by time too). */
export function newestFirst(a: AuditRecord, b: AuditRecord): number {
  if (a.when !== b.when) return a.when < b.when ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
