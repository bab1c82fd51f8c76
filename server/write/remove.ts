import 'server-only';
import { groupVersion } from '@/lib/kube/kinds';
import { diffObjects } from '@/lib/write/diff';
import { gitOpsManager } from '@/lib/write/gitops';
import { objectDiff } from '@/lib/write/text-diff';
import type { DeleteRequest, JsonObject } from '@/lib/write/types';
import { resourcePath, writableKind, type WritableKind } from '@/lib/write/writable-kinds';
import {
  conflict,
  fromKubeRefusal,
  isConflict,
  refused,
  resourceVersionOf,
  type WriteReply,
} from './answers';
import { describeObject, gitOpsRefusal } from './apply';
import { auditRecord, preflightAudit, writeAudit } from './audit';
import type { WriteContext } from './context';
import { loggedWrite } from './log';

/**
 * Delete: only with the confirmation `<namespace>/<name>` typed by the person, and only of the version they saw
 * (`preconditions.resourceVersion`); a dry run first, an audit record that keeps the whole object (so that revert can
 * create it again), and the GitOps flag as for apply.
 */

/** What to delete, once the request is understood. */
export interface DeleteTarget {
  kind: WritableKind;
  namespace: string | undefined;
  name: string;
  base: string;
  acknowledgeGitOps: boolean;
}

/** The live object and the version it was found at: the first version of the kind the cluster has it at. */
export async function findLive(
  kind: WritableKind,
  namespace: string | undefined,
  name: string,
  ctx: WriteContext,
): Promise<{ live: JsonObject; version: string } | null> {
  for (const version of kind.versions) {
    const live = await ctx.kube.get(resourcePath(kind, version, namespace, name), `get ${kind.plural}`);
    if (live !== null) return { live, version };
  }
  return null;
}

async function sendDelete(
  path: string,
  target: DeleteTarget,
  ctx: WriteContext,
  dryRun: boolean,
): Promise<WriteReply | undefined> {
  try {
    await ctx.kube.remove(path, `${dryRun ? 'dry-run ' : ''}delete ${target.kind.plural}`, {
      dryRun,
      resourceVersion: target.base,
    });
    return undefined;
  } catch (error) {
    if (isConflict(error)) {
      const theirs = (await findLive(target.kind, target.namespace, target.name, ctx))?.live ?? null;
      const message = `${describeObject(target.kind.kind, target.namespace, target.name)} changed after the delete was asked for: it is at resourceVersion ${resourceVersionOf(theirs) ?? '(gone)'}, not ${target.base}`;
      return conflict(message, null, theirs);
    }
    const answer = fromKubeRefusal(error);
    if (answer) return answer;
    throw error;
  }
}

/** Deletes a target: shared by delete and revert (undoing a create). */
export async function deleteChecked(
  target: DeleteTarget,
  ctx: WriteContext,
  revertOf?: string,
): Promise<WriteReply> {
  const what = describeObject(target.kind.kind, target.namespace, target.name);
  if (!target.kind.verbs.includes('delete'))
    return refused(400, `the dashboard does not delete ${target.kind.kind} objects`);
  const found = await findLive(target.kind, target.namespace, target.name, ctx);
  if (!found) return refused(404, `${what} does not exist`);
  const { live, version } = found;
  if (resourceVersionOf(live) !== target.base) {
    const message = `${what} changed after the delete was asked for: it is at resourceVersion ${resourceVersionOf(live) ?? '?'}, not ${target.base}`;
    return conflict(message, null, live);
  }
  const gitops = gitOpsManager(live);
  if (gitops && !target.acknowledgeGitOps) return gitOpsRefusal(gitops, live);
  const path = resourcePath(target.kind, version, target.namespace, target.name);
  const dry = await sendDelete(path, target, ctx, true);
  if (dry) return dry;
  const record = auditRecord(
    {
      action: 'delete',
      kind: target.kind.kind,
      apiVersion: groupVersion(target.kind.group, version),
      namespace: target.namespace ?? target.name,
      name: target.name,
      before: live,
      after: null,
      ...(revertOf === undefined ? {} : { revertOf }),
    },
    ctx,
  );
  const cannotRecord = await preflightAudit(record, ctx);
  if (cannotRecord) return cannotRecord;
  const failed = await sendDelete(path, target, ctx, false);
  if (failed) return failed;
  const audit = await writeAudit(record, ctx);
  return {
    status: 200,
    answer: {
      outcome: 'applied',
      operation: 'delete',
      object: null,
      changes: diffObjects(live, null),
      diff: objectDiff(live, null, { from: 'before', to: 'after' }),
      audit: audit.summary,
      warnings: audit.warning ? [audit.warning] : [],
    },
  };
}

/** `POST /api/write/delete`. */
export async function remove(request: DeleteRequest, ctx: WriteContext): Promise<WriteReply> {
  return loggedWrite(
    ctx,
    'delete',
    describeObject(request.kind, request.namespace, request.name),
    async () => {
      const kind = writableKind(request.kind);
      if (!kind) return refused(400, `the dashboard does not write ${request.kind} objects`);
      if (!kind.namespaced && request.name !== request.namespace) {
        return refused(
          400,
          `a ${kind.kind} is edited as its own namespace: name and namespace must both be ${request.name}`,
        );
      }
      const expected = `${request.namespace}/${request.name}`;
      if (request.confirm !== expected) {
        return refused(
          400,
          `to delete, confirm with exactly "${expected}" (got ${JSON.stringify(request.confirm)}); nothing was deleted`,
        );
      }
      return deleteChecked(
        {
          kind,
          namespace: kind.namespaced ? request.namespace : undefined,
          name: request.name,
          base: request.baseResourceVersion,
          acknowledgeGitOps: request.acknowledgeGitOps === true,
        },
        ctx,
      );
    },
  );
}
