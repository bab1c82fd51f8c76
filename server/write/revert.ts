import 'server-only';
import type { RevertRequest } from '@/lib/write/types';
import { writableKind } from '@/lib/write/writable-kinds';
import { refused, type WriteReply } from './answers';
import { applyChecked, describeObject } from './apply';
import { readAudit } from './audit';
import type { WriteContext } from './context';
import { checkEdit, isReply } from './edit';
import { loggedWrite } from './log';
import { deleteChecked } from './remove';

/**
 * Revert: undo one audited change through the same path as any edit (validation, dry run, resourceVersion
 * precondition, GitOps flag, its own audit record naming the one it reverts):
 *
 * | change reverted | what revert does                                            | baseResourceVersion        |
 * |-----------------|-------------------------------------------------------------|----------------------------|
 * | create          | deletes the object                                          | the live object's, required |
 * | update          | puts the `before` state back                                | the live object's, required |
 * | delete          | creates the object again from `before`                      | absent (it does not exist) |
 */
export async function revert(request: RevertRequest, ctx: WriteContext): Promise<WriteReply> {
  const record = await readAudit(request.auditId, ctx);
  if (!record) {
    return refused(404, `there is no audit record ${request.auditId} in namespace ${ctx.auditNamespace}`);
  }
  const kind = writableKind(record.kind);
  const namespace = kind?.namespaced ? record.namespace : undefined;
  const object = describeObject(record.kind, namespace, record.name);
  return loggedWrite(ctx, `revert ${record.id}`, object, async () => {
    if (!kind) return refused(400, `the dashboard does not write ${record.kind} objects`);
    const base = request.baseResourceVersion;
    const acknowledgeGitOps = request.acknowledgeGitOps === true;
    if (record.action !== 'delete' && base === undefined) {
      return refused(
        400,
        `to revert a ${record.action}, give baseResourceVersion: the resourceVersion of ${object} as you see it now`,
      );
    }
    if (record.action === 'create') {
      return deleteChecked(
        { kind, namespace, name: record.name, base: base ?? '', acknowledgeGitOps },
        ctx,
        record.id,
      );
    }
    const edit = checkEdit(
      { kind: record.kind, namespace: record.namespace, name: record.name, yaml: record.before },
      ctx,
    );
    if (isReply(edit)) return edit;
    return applyChecked(edit, base, acknowledgeGitOps, ctx, record.id);
  });
}
