/**
 * The write API's requests and answers (`/api/write/*`, reference in docs/write-api.md). Plain JSON on both sides:
 * objects are Kubernetes objects as the API server sends them, YAML is text, times are ISO-8601 strings.
 *
 * Every answer of a write operation carries `outcome`, so the editor can switch on it without reading the status.
 */

/** A JSON object (a Kubernetes object, or a part of one). */
export type JsonObject = { [key: string]: unknown };

/** What an edit is about: the object the editor opened (or the kind and namespace of a new one). */
export interface EditTarget {
  /** The `kind` field, e.g. `VirtualService`; one of the writable kinds (`lib/write/writable-kinds.ts`). */
  kind: string;
  /** The namespace edited; for a Namespace, the Namespace itself. */
  namespace: string;
  /** The object's name; absent for a new object, which then takes the name in the YAML. */
  name?: string;
}

/** One thing wrong with the proposed object, named and placed. */
export interface WriteProblem {
  /** Field path, e.g. `spec.http[0].route[0].weight`, `metadata.labels["istio.io/rev"]`; `''` for the whole text. */
  path: string;
  /** One line for a person: what is wrong. */
  message: string;
  /** 1-based line in the submitted YAML, when the problem has a place in it. */
  line?: number;
  /** 1-based column in the submitted YAML. */
  col?: number;
}

/** A body for `POST /api/write/preview`: the YAML of one object and the resourceVersion the edit started from. */
export interface PreviewRequest extends EditTarget {
  /** One YAML (or JSON) document. */
  yaml: string;
  /** `metadata.resourceVersion` of the live object when the edit started; absent when it started from nothing. */
  baseResourceVersion?: string;
}

/** A body for `POST /api/write/apply`. */
export interface ApplyRequest extends PreviewRequest {
  /** Must be true to write an object that Argo CD or Flux manages (it will be reverted by them otherwise). */
  acknowledgeGitOps?: boolean;
}

/** A body for `POST /api/write/delete`. */
export interface DeleteRequest extends EditTarget {
  name: string;
  /** The resourceVersion the person saw; the delete is refused with a conflict when the object changed since. */
  baseResourceVersion: string;
  /** The confirmation: exactly `<namespace>/<name>` (for a Namespace, `<name>/<name>`). */
  confirm: string;
  acknowledgeGitOps?: boolean;
}

/** A body for `POST /api/write/revert`. */
export interface RevertRequest {
  /** The audit record to undo (its ConfigMap name). */
  auditId: string;
  /** The live object's resourceVersion now; absent when it does not exist now (undoing a delete). */
  baseResourceVersion?: string;
  acknowledgeGitOps?: boolean;
}

/** One changed field between two objects. Server-managed fields are never listed. */
export interface FieldChange {
  /** Field path, e.g. `spec.http[0].route[1].weight`. */
  path: string;
  op: 'add' | 'remove' | 'replace';
  /** The old value (absent for `add`). */
  before?: unknown;
  /** The new value (absent for `remove`). */
  after?: unknown;
}

/** Who manages an object besides people: a GitOps controller that will put its own version back. */
export interface GitOpsManager {
  manager: 'argocd' | 'flux';
  /** What says so, e.g. `label argocd.argoproj.io/instance=bookinfo`. */
  detail: string;
}

/** What the API server would do: create a new object, or update the live one. */
export type WriteOperation = 'create' | 'update' | 'delete';

/** 200 from preview: the server-side dry run of the edit. Nothing was written. */
export interface PreviewAnswer {
  outcome: 'preview';
  operation: Exclude<WriteOperation, 'delete'>;
  /** The live object (managedFields dropped), or null when it does not exist. */
  live: JsonObject | null;
  /** The object as the API server would store it (its dry-run answer, managedFields dropped). */
  proposed: JsonObject;
  /** Live -> proposed, field by field; empty when the edit changes nothing. */
  changes: FieldChange[];
  /** A unified diff of the two YAML renderings (server-managed fields left out), for display. */
  diff: string;
  gitops: GitOpsManager | null;
  warnings: string[];
}

/** The short form of an audit record. */
export interface AuditSummary {
  /** The ConfigMap's name, e.g. `meshlens-audit-20260601-030000123-k3x9q2`. */
  id: string;
  /** Who made the change (a user name; `anonymous` until the dashboard has users). */
  who: string;
  /** ISO-8601 time of the change. */
  when: string;
  action: WriteOperation;
  kind: string;
  apiVersion: string;
  /** The object's namespace; for a Namespace, its name. */
  namespace: string;
  name: string;
  /** The resourceVersion the change produced (absent for a delete). */
  resourceVersion?: string;
  /** The audit id this change reverted, when it was a revert. */
  revertOf?: string;
}

/** One change as kept in the cluster (a ConfigMap in the audit namespace). */
export interface AuditRecord extends AuditSummary {
  /** The object before, as YAML without server-managed fields; `''` when it did not exist. */
  before: string;
  /** The object after, likewise; `''` after a delete. */
  after: string;
  /** Unified diff of before -> after. */
  diff: string;
}

/** 200 from apply, delete and revert: the change was made (or there was nothing to change). */
export interface AppliedAnswer {
  outcome: 'applied';
  /** `unchanged` when the edit equals the live object: nothing was written and no audit record made. */
  operation: WriteOperation | 'unchanged';
  /** The object as stored now; null after a delete. */
  object: JsonObject | null;
  changes: FieldChange[];
  diff: string;
  /** The record of this change; null when nothing changed. */
  audit: AuditSummary | null;
  warnings: string[];
}

/** 422: the YAML or the object is wrong. Nothing was written. */
export interface InvalidAnswer {
  outcome: 'invalid';
  problems: WriteProblem[];
}

/** 409: the object changed since the edit started (or appeared, or went away). Nothing was written. */
export interface ConflictAnswer {
  outcome: 'conflict';
  conflict: {
    /** One line saying what happened. */
    message: string;
    /** The edit, as it would be stored; null for a delete. */
    yours: JsonObject | null;
    /** The live object now; null when it does not exist. */
    theirs: JsonObject | null;
    /** theirs -> yours, so the editor can show what rebasing would change. */
    changes: FieldChange[];
    diff: string;
  };
}

/** 412: the object is managed by Argo CD or Flux; write again with `acknowledgeGitOps: true`, or copy the YAML. */
export interface GitOpsAnswer {
  outcome: 'gitops';
  gitops: GitOpsManager;
  message: string;
  /** The edit as YAML, to be committed to the GitOps repository instead. */
  yaml: string;
}

/** 400, 403 or 404: refused for a reason that is not the YAML (a confirmation that does not match, RBAC…). */
export interface RefusedAnswer {
  outcome: 'refused';
  error: { message: string };
}

/** Every answer of preview, apply, delete and revert. */
export type WriteAnswer =
  PreviewAnswer | AppliedAnswer | InvalidAnswer | ConflictAnswer | GitOpsAnswer | RefusedAnswer;

/** `GET /api/write/capabilities`: whether the dashboard writes, and the anti-CSRF token mutating requests send. */
export interface WriteCapabilities {
  readOnly: boolean;
  /** Send as the `X-CSRF-Token` header; null when read-only. */
  csrfToken: string | null;
  /** The namespace the audit ConfigMaps are kept in. */
  auditNamespace: string;
  /** What may be written, for showing edit controls. Empty when read-only. */
  kinds: { kind: string; apiVersions: string[]; verbs: WriteOperation[] }[];
}

/** `GET /api/write/audit`: the records, newest first. */
export interface AuditList {
  records: AuditRecord[];
}
