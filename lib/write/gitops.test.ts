import { describe, expect, it } from 'vitest';
import { gitOpsManager } from './gitops';

// What counts as evidence is tested with the shared table (lib/kube/gitops.test.ts); here, the write API's shape.
describe('gitOpsManager', () => {
  it('accepts null (nothing live yet), and answers the manager and the detail only', () => {
    expect(gitOpsManager(null)).toBeNull();
    expect(
      gitOpsManager({ metadata: { name: 'reviews', labels: { 'argocd.argoproj.io/instance': 'bookinfo' } } }),
    ).toEqual({ manager: 'argocd', detail: 'label argocd.argoproj.io/instance=bookinfo' });
  });
});
