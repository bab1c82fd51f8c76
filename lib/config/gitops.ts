/**
 * Whether a GitOps tool manages an object, from the labels and annotations each tool writes. A write from the
 * dashboard to such an object would be reverted at the next sync, so the page says so.
 */
import { annotationOf, labelOf, type KubeObject } from '@/lib/kube/object';
import type { GitOpsOwner } from './types';

/** One mark a tool leaves on the objects it manages. */
interface GitOpsMark {
  tool: GitOpsOwner['tool'];
  on: 'label' | 'annotation';
  key: string;
}

/**
 * The marks, most specific first. Argo CD's label tracking uses `app.kubernetes.io/instance`, which Helm writes
 * too, so it is not taken as evidence; its annotation tracking (the default since Argo CD 3) and its sync options
 * are. Flux's kustomize and helm controllers label what they apply.
 */
const MARKS: readonly GitOpsMark[] = [
  { tool: 'argo-cd', on: 'annotation', key: 'argocd.argoproj.io/tracking-id' },
  { tool: 'argo-cd', on: 'label', key: 'argocd.argoproj.io/instance' },
  { tool: 'argo-cd', on: 'annotation', key: 'argocd.argoproj.io/sync-options' },
  { tool: 'argo-cd', on: 'annotation', key: 'argocd.argoproj.io/compare-options' },
  { tool: 'argo-cd', on: 'annotation', key: 'argocd.argoproj.io/sync-wave' },
  { tool: 'flux', on: 'label', key: 'kustomize.toolkit.fluxcd.io/name' },
  { tool: 'flux', on: 'label', key: 'helm.toolkit.fluxcd.io/name' },
  { tool: 'flux', on: 'annotation', key: 'kustomize.toolkit.fluxcd.io/reconcile' },
];

/** The GitOps tool managing the object, with the mark that shows it; null when none does. */
export function gitOpsOwnerOf(object: KubeObject): GitOpsOwner | null {
  for (const mark of MARKS) {
    const value = mark.on === 'label' ? labelOf(object, mark.key) : annotationOf(object, mark.key);
    if (value !== undefined) return { tool: mark.tool, evidence: `${mark.on} ${mark.key}` };
  }
  return null;
}
