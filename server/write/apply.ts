import 'server-only';
import { diffObjects } from '@/lib/write/diff';
import { gitOpsManager } from '@/lib/write/gitops';
import { objectDiff, objectYaml } from '@/lib/write/text-diff';
import type { ApplyRequest, AuditRecord, JsonObject, GitOpsManager } from '@/lib/write/types';
import { groupVersion } from '@/lib/kube/kinds';
import { resourceVersionOf, shown, type WriteReply } from './answers';
import { auditRecord, preflightAudit, writeAudit } from './audit';
import type { WriteContext } from './context';
import { checkEdit, dryRunEdit, isReply, sendEdit, type CheckedEdit } from './edit';
import { loggedWrite } from './log';

/**
 * Apply: the checks and dry run of preview, then the write itself with the resourceVersion the edit started from as
 * a precondition (or a create when it started from nothing). A 409 answers both versions and is never retried. An
 * object that Argo CD or Flux manages is written only with `acknowledgeGitOps: true`. Every change leaves an audit
 * record in the cluster, checked to be writable before the change is made.
 */

/** 412 for an object a GitOps controller manages, with the YAML to commit instead. */
export function gitOpsRefusal(gitops: GitOpsManager, object: JsonObject | null): WriteReply {
  const who = gitops.manager === 'argocd' ? 'Argo CD' : 'Flux';
  return {
    status: 412,
    answer: {
      outcome: 'gitops',
      gitops,
      message: `${who} manages this object (${gitops.detail}): commit the change to Git, or write again with acknowledgeGitOps to change it here anyway`,
      yaml: objectYaml(object),
    },
  };
}

/** The object as the log names it: `VirtualService/bookinfo/reviews`, `Namespace/bookinfo`. */
export function describeObject(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ? `${namespace}/` : ''}${name}`;
}

/** Applies an edit that passed {@link checkEdit}: shared by apply and revert. */
export async function applyChecked(
  edit: CheckedEdit,
  base: string | undefined,
  acknowledgeGitOps: boolean,
  ctx: WriteContext,
  revertOf?: string,
): Promise<WriteReply> {
  const run = await dryRunEdit(edit, base, ctx);
  if (isReply(run)) return run;
  const { live, dry } = run;
  const warnings = [...edit.warnings];
  if (live !== null && diffObjects(live, dry).length === 0) {
    return {
      status: 200,
      answer: {
        outcome: 'applied',
        operation: 'unchanged',
        object: shown(live),
        changes: [],
        diff: '',
        audit: null,
        warnings,
      },
    };
  }
  const gitops = gitOpsManager(live) ?? gitOpsManager(edit.object);
  if (gitops && !acknowledgeGitOps) return gitOpsRefusal(gitops, edit.object);
  const subject = {
    action: run.operation,
    kind: edit.kind.kind,
    apiVersion: groupVersion(edit.kind.group, edit.version),
    namespace: edit.namespace ?? edit.name,
    name: edit.name,
    before: live,
    after: dry,
    ...(revertOf === undefined ? {} : { revertOf }),
  };
  const planned = auditRecord(subject, ctx);
  const cannotRecord = await preflightAudit(planned, ctx);
  if (cannotRecord) return cannotRecord;
  const written = await sendEdit(edit, base, ctx, false);
  if (isReply(written)) return written;
  const record: AuditRecord = {
    ...planned,
    after: objectYaml(written),
    diff: objectDiff(live, written, { from: 'before', to: 'after' }),
  };
  const rv = resourceVersionOf(written);
  if (rv !== undefined) record.resourceVersion = rv;
  const audit = await writeAudit(record, ctx);
  if (audit.warning) warnings.push(audit.warning);
  return {
    status: 200,
    answer: {
      outcome: 'applied',
      operation: run.operation,
      object: shown(written),
      changes: diffObjects(live, written),
      diff: objectDiff(live, written, { from: 'before', to: 'after' }),
      audit: audit.summary,
      warnings,
    },
  };
}

/** `POST /api/write/apply`. */
export async function apply(request: ApplyRequest, ctx: WriteContext): Promise<WriteReply> {
  const edit = checkEdit(request, ctx);
  const object = isReply(edit)
    ? describeObject(request.kind, request.namespace, request.name ?? '(new)')
    : describeObject(edit.kind.kind, edit.namespace, edit.name);
  return loggedWrite(ctx, 'apply', object, async () =>
    isReply(edit)
      ? edit
      : applyChecked(edit, request.baseResourceVersion, request.acknowledgeGitOps === true, ctx),
  );
}
