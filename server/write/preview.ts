import 'server-only';
import { diffObjects } from '@/lib/write/diff';
import { gitOpsManager } from '@/lib/write/gitops';
import { objectDiff } from '@/lib/write/text-diff';
import type { PreviewRequest } from '@/lib/write/types';
import { shown, type WriteReply } from './answers';
import type { WriteContext } from './context';
import { checkEdit, dryRunEdit, isReply } from './edit';

/**
 * Preview of an edit: parse and validate the YAML, read the live object, dry-run the write apply would make (a create,
 * or a replace conditioned on the edit's base resourceVersion), and answer the live object, what the server would
 * store and the difference. Nothing is written. A stale base answers the same 409 conflict apply would.
 */
export async function preview(request: PreviewRequest, ctx: WriteContext): Promise<WriteReply> {
  const edit = checkEdit(request, ctx);
  if (isReply(edit)) return edit;
  const run = await dryRunEdit(edit, request.baseResourceVersion, ctx);
  if (isReply(run)) return run;
  const gitops = gitOpsManager(run.live) ?? gitOpsManager(edit.object);
  const warnings = [...edit.warnings];
  if (gitops) {
    warnings.push(
      `managed by ${gitops.manager === 'argocd' ? 'Argo CD' : 'Flux'} (${gitops.detail}): a change made here is undone at its next sync; commit the YAML to Git instead`,
    );
  }
  return {
    status: 200,
    answer: {
      outcome: 'preview',
      operation: run.operation,
      live: shown(run.live),
      proposed: shown(run.dry),
      changes: diffObjects(run.live, run.dry),
      diff: objectDiff(run.live, run.dry, { from: 'live', to: 'proposed' }),
      gitops,
      warnings,
    },
  };
}
