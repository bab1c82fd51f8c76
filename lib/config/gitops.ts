/**
 * The Config page's GitOps owner: the shared detection (`lib/kube/gitops.ts`) in the config list's shape. A write
 * from the dashboard to such an object would be reverted at the next sync, so the page says so.
 */
import { gitOpsEvidenceOf } from '@/lib/kube/gitops';
import type { KubeObject } from '@/lib/kube/object';
import type { GitOpsOwner } from './types';

/** The GitOps tool managing the object, with the mark that shows it; null when none does. */
export function gitOpsOwnerOf(object: KubeObject): GitOpsOwner | null {
  const evidence = gitOpsEvidenceOf(object);
  return evidence && { tool: evidence.manager === 'argocd' ? 'argo-cd' : 'flux', evidence: evidence.mark };
}
