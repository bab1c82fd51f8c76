import { describe, expect, it } from 'vitest';
import { gitOpsManager } from './gitops';

const object = (
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): Record<string, unknown> => ({
  metadata: { name: 'reviews', namespace: 'bookinfo', labels, annotations },
});

describe('gitOpsManager', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof gitOpsManager>]>([
    [
      'Argo CD annotation tracking',
      object(
        {},
        { 'argocd.argoproj.io/tracking-id': 'bookinfo:networking.istio.io/VirtualService:bookinfo/reviews' },
      ),
      {
        manager: 'argocd',
        detail:
          'annotation argocd.argoproj.io/tracking-id=bookinfo:networking.istio.io/VirtualService:bookinfo/reviews',
      },
    ],
    [
      'Argo CD instance label',
      object({ 'argocd.argoproj.io/instance': 'bookinfo' }),
      { manager: 'argocd', detail: 'label argocd.argoproj.io/instance=bookinfo' },
    ],
    [
      'the app.kubernetes.io/instance label with an Argo CD annotation',
      object({ 'app.kubernetes.io/instance': 'bookinfo' }, { 'argocd.argoproj.io/sync-wave': '1' }),
      {
        manager: 'argocd',
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
        detail: 'Flux HelmRelease istio-system/istio-config (label helm.toolkit.fluxcd.io/name)',
      },
    ],
    [
      'a hand-made object',
      object({ app: 'reviews' }, { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }),
      null,
    ],
    ['an object without metadata', {}, null],
  ])('%s', (_what, o, expected) => {
    expect(gitOpsManager(o)).toEqual(expected);
  });

  it('accepts null (nothing live yet)', () => {
    expect(gitOpsManager(null)).toBeNull();
  });
});
