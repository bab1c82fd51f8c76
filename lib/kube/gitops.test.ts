import { describe, expect, it } from 'vitest';
import { gitOpsEvidenceOf, type GitOpsEvidence } from './gitops';

const object = (
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): Record<string, unknown> => ({
  metadata: { name: 'reviews', namespace: 'bookinfo', labels, annotations },
});

describe('gitOpsEvidenceOf', () => {
  it.each<[string, Record<string, unknown>, GitOpsEvidence | null]>([
    // The write path's cases.
    [
      'Argo CD annotation tracking',
      object(
        {},
        { 'argocd.argoproj.io/tracking-id': 'bookinfo:networking.istio.io/VirtualService:bookinfo/reviews' },
      ),
      {
        manager: 'argocd',
        mark: 'annotation argocd.argoproj.io/tracking-id',
        detail:
          'annotation argocd.argoproj.io/tracking-id=bookinfo:networking.istio.io/VirtualService:bookinfo/reviews',
      },
    ],
    [
      'Argo CD instance label',
      object({ 'argocd.argoproj.io/instance': 'bookinfo' }),
      {
        manager: 'argocd',
        mark: 'label argocd.argoproj.io/instance',
        detail: 'label argocd.argoproj.io/instance=bookinfo',
      },
    ],
    [
      'the app.kubernetes.io/instance label with an Argo CD annotation',
      object({ 'app.kubernetes.io/instance': 'bookinfo' }, { 'argocd.argoproj.io/sync-wave': '1' }),
      {
        manager: 'argocd',
        mark: 'label app.kubernetes.io/instance with annotation argocd.argoproj.io/sync-wave',
        detail: 'label app.kubernetes.io/instance=bookinfo with annotation argocd.argoproj.io/sync-wave',
      },
    ],
    [
      'the app.kubernetes.io/instance label alone (Helm sets it too)',
      object({ 'app.kubernetes.io/instance': 'bookinfo' }),
      null,
    ],
    [
      'a Flux Kustomization',
      object({
        'kustomize.toolkit.fluxcd.io/name': 'apps',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      }),
      {
        manager: 'flux',
        mark: 'label kustomize.toolkit.fluxcd.io/name',
        detail: 'Flux Kustomization flux-system/apps (label kustomize.toolkit.fluxcd.io/name)',
      },
    ],
    [
      'a Flux Kustomization with reconciliation disabled',
      object(
        { 'kustomize.toolkit.fluxcd.io/name': 'apps' },
        { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' },
      ),
      {
        manager: 'flux',
        mark: 'label kustomize.toolkit.fluxcd.io/name',
        detail: 'Flux Kustomization apps (label kustomize.toolkit.fluxcd.io/name); reconcile is disabled',
      },
    ],
    [
      'a Flux HelmRelease',
      object({
        'helm.toolkit.fluxcd.io/name': 'istio-config',
        'helm.toolkit.fluxcd.io/namespace': 'istio-system',
      }),
      {
        manager: 'flux',
        mark: 'label helm.toolkit.fluxcd.io/name',
        detail: 'Flux HelmRelease istio-system/istio-config (label helm.toolkit.fluxcd.io/name)',
      },
    ],
    [
      'a hand-made object',
      object({ app: 'reviews' }, { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }),
      null,
    ],
    ['an object without metadata', {}, null],
    // The Config page's cases.
    [
      'Argo CD annotation tracking (config list)',
      object({}, { 'argocd.argoproj.io/tracking-id': 'shop:/VirtualService:b/x' }),
      {
        manager: 'argocd',
        mark: 'annotation argocd.argoproj.io/tracking-id',
        detail: 'annotation argocd.argoproj.io/tracking-id=shop:/VirtualService:b/x',
      },
    ],
    [
      'Flux kustomize labels',
      object({ 'kustomize.toolkit.fluxcd.io/name': 'apps' }),
      {
        manager: 'flux',
        mark: 'label kustomize.toolkit.fluxcd.io/name',
        detail: 'Flux Kustomization apps (label kustomize.toolkit.fluxcd.io/name)',
      },
    ],
    [
      'Flux helm labels',
      object({ 'helm.toolkit.fluxcd.io/name': 'bookinfo' }),
      {
        manager: 'flux',
        mark: 'label helm.toolkit.fluxcd.io/name',
        detail: 'Flux HelmRelease bookinfo (label helm.toolkit.fluxcd.io/name)',
      },
    ],
    ['Helm alone (app.kubernetes.io/instance)', object({ 'app.kubernetes.io/instance': 'bookinfo' }), null],
  ])('%s', (_what, o, expected) => {
    expect(gitOpsEvidenceOf(o)).toEqual(expected);
  });
});
