/**
 * The write path's GitOps flag: the shared detection (`lib/kube/gitops.ts`) in the write API's shape. A change made
 * by hand to such an object is reverted at the next sync, so the write path flags it before writing and offers the
 * YAML to commit instead.
 */
import { gitOpsEvidenceOf } from '@/lib/kube/gitops';
import type { GitOpsManager, JsonObject } from './types';

/** The GitOps controller that manages the object, or null. */
export function gitOpsManager(object: JsonObject | null | undefined): GitOpsManager | null {
  const evidence = gitOpsEvidenceOf(object);
  return evidence && { manager: evidence.manager, detail: evidence.detail };
}
