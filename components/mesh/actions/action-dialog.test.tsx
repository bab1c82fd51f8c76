import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isUnavailable, planAction, previewRequestOf, type ActionRequest } from '@/lib/mesh/actions';
import { legacy, outside } from '@/lib/mesh/__fixtures__/action-world';
import { meshActionKeys } from '@/lib/queries/mesh-actions';
import { writeKeys, type WriteOutcome } from '@/lib/queries/write';
import type { WriteCapabilities } from '@/lib/write/types';
import { DEFAULT_VIEW } from '@/lib/view-state';
import { ActionDialogBody } from './action-dialog';

const CAPS: WriteCapabilities = {
  readOnly: false,
  csrfToken: 't',
  auditNamespace: 'meshlens-system',
  kinds: [{ kind: 'Namespace', apiVersions: ['v1'], verbs: ['update'] }],
};
const ENROLL: ActionRequest = { action: 'enroll-ambient', namespace: 'outside' };
const DIFF = '--- live\n+++ proposed\n@@ -3,2 +3,3 @@\n   labels:\n+    istio.io/dataplane-mode: ambient\n';

/** The dialog rendered once, with the capabilities, the live objects and the dry run's answer already read. */
function render(request: ActionRequest, preview?: WriteOutcome): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const objects = request.namespace === 'legacy' ? legacy() : outside();
  client.setQueryData(writeKeys.capabilities, CAPS);
  client.setQueryData(meshActionKeys.objects(request.namespace), { data: objects, errors: [] });
  const plan = planAction(request, objects);
  if (preview && !isUnavailable(plan)) {
    client.setQueryData(meshActionKeys.preview(JSON.stringify(previewRequestOf(plan)), 't'), preview);
  }
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <ActionDialogBody request={request} view={DEFAULT_VIEW} onClose={() => undefined} />
    </QueryClientProvider>,
  );
}

/** The Apply button's opening tag. */
const applyButton = (html: string): string =>
  /<button[^>]*data-testid="action-apply"[^>]*>/.exec(html)?.[0] ?? '';

describe('ActionDialogBody', () => {
  it('enroll outside: the effect in words, the dry run diff, Apply enabled', () => {
    const html = render(ENROLL, {
      outcome: 'preview',
      operation: 'update',
      live: null,
      proposed: { kind: 'Namespace' },
      changes: [],
      diff: DIFF,
      gitops: null,
      warnings: [],
    });
    expect(html).toContain('data-testid="action-dialog"');
    expect(html).toContain('Enroll outside in ambient');
    expect(html).toMatch(/data-testid="action-effect".*1 pod will be captured by ztunnel, no restarts/s);
    expect(html).toMatch(
      /data-testid="action-diff".*data-line="add"[^>]*>\+ {4}istio.io\/dataplane-mode: ambient/s,
    );
    expect(applyButton(html)).not.toContain('disabled=""');
  });

  it('a dry run refused for RBAC: the reason, and no Apply', () => {
    const reason = 'namespaces "outside" is forbidden: User "viewer" cannot update resource "namespaces"';
    const html = render(ENROLL, { outcome: 'refused', error: { message: reason } });
    expect(html).toContain('data-outcome="refused"');
    expect(html).toContain('cannot update resource &quot;namespaces&quot;');
    expect(applyButton(html)).toContain('disabled=""');
  });

  it('an action that cannot be planned says why', () => {
    const html = render({ action: 'opt-out', namespace: 'legacy', workload: 'inventory-v1' });
    expect(html).toMatch(/data-outcome="unavailable"[^>]*>legacy\/inventory-v1 is not run by a Deployment/);
  });
});
