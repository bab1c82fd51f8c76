import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EdgeImpact } from '@/lib/impact/authorization-impact';
import type { AppliedAnswer, AuditRecord, ConflictAnswer, PreviewAnswer } from '@/lib/write/types';
import { AuditRecordRow, revertBase } from './audit-record-row';
import { ImpactView } from './impact-view';
import { HOST } from './__fixtures__/impact';
import { PreviewPanel } from './preview-panel';
import { ReadOnlyView } from './read-only-view';
import { WriteResultView, previewAllowsApply } from './write-result';

const edge = (source: string, target: string, extra: Partial<EdgeImpact> = {}): EdgeImpact => ({
  edgeId: `${source}->${target}|http|L7`,
  source,
  target,
  protocol: 'http',
  requestsPerSecond: 4.3,
  bytesPerSecond: null,
  before: 'allow',
  after: 'deny',
  enforcedAt: 'waypoint',
  reason: 'denied by bookinfo/deny-reviews (DENY) at the waypoint',
  undecided: null,
  ...extra,
});

const PREVIEW: PreviewAnswer = {
  outcome: 'preview',
  operation: 'update',
  live: {},
  proposed: {},
  changes: [{ path: 'spec.http[0].route[0].weight', op: 'replace', before: 80, after: 50 }],
  diff: '--- live\n+++ proposed\n@@ -1,2 +1,2 @@\n-          weight: 80\n+          weight: 50\n',
  gitops: { manager: 'argocd', detail: 'label argocd.argoproj.io/instance=bookinfo' },
  warnings: ['managed by Argo CD'],
};

const panel = (props: Partial<Parameters<typeof PreviewPanel>[0]>): string =>
  renderToStaticMarkup(
    <PreviewPanel
      namespace="bookinfo"
      preview={null}
      result={null}
      stale={false}
      busy={null}
      canApply={false}
      canDelete
      acknowledged={false}
      onAcknowledge={() => undefined}
      onPreview={() => undefined}
      onApply={() => undefined}
      onDelete={() => undefined}
      onUndo={() => undefined}
      onRebase={() => undefined}
      {...props}
    />,
  );

describe('the preview panel', () => {
  it('offers Preview, and Apply only once the edit was previewed', () => {
    const html = panel({});
    expect(html).toContain('data-testid="editor-preview"');
    expect(html).toMatch(/data-testid="editor-apply" disabled=""/);
    expect(html).toContain('data-testid="editor-delete"');
    expect(panel({ canApply: true })).not.toMatch(/data-testid="editor-apply" disabled=""/);
    expect(panel({ canDelete: false })).not.toContain('data-testid="editor-delete"');
  });

  it('shows the coloured diff, the warnings, the GitOps flag with copy YAML, and the impact', () => {
    const impact = {
      ok: true as const,
      answer: {
        data: {
          windowSeconds: 300,
          edges: 14,
          kind: 'AuthorizationPolicy' as const,
          authorization: {
            denied: [edge('workload:bookinfo/productpage-v1', 'workload:bookinfo/reviews-v1')],
            allowed: [],
            undecided: [
              edge('workload:bookinfo/productpage-v1', 'workload:bookinfo/ratings-v1', {
                undecided:
                  'its rules look at methods, paths, hosts, headers or request principals, which metrics do not record',
              }),
            ],
            unchanged: 12,
          },
        },
        errors: [],
      },
    };
    const html = panel({ preview: { forText: 'x', answer: PREVIEW, impact } });
    expect(html).toContain('data-testid="editor-diff"');
    expect(html).toMatch(/data-line="remove"[^>]*>- {10}weight: 80</);
    expect(html).toMatch(/data-line="add"[^>]*>\+ {10}weight: 50</);
    expect(html).toContain('data-testid="editor-warning"');
    expect(html).toContain('data-testid="editor-gitops" data-manager="argocd"');
    expect(html).toContain('data-testid="editor-copy-yaml"');
    expect(html).toContain('data-testid="editor-gitops-ack"');
    expect(html).toContain(
      'data-testid="impact-edge" data-effect="deny" data-source="workload:bookinfo/productpage-v1" data-target="workload:bookinfo/reviews-v1"',
    );
    expect(html).toContain('data-effect="undecided"');
    expect(html).toContain('which metrics do not record');
    expect(html).toContain('4.3 rps');
  });

  it("shows the server's problems, and a conflict with both versions and the rebase", () => {
    const invalid = panel({
      preview: {
        forText: 'x',
        answer: {
          outcome: 'invalid',
          problems: [{ path: 'spec.htpp', message: 'unknown field', line: 8, col: 3 }],
        },
        impact: null,
      },
    });
    expect(invalid).toMatch(/data-testid="editor-problem" data-source="server" data-path="spec.htpp"/);
    expect(invalid).toContain('line 8:3');
    const conflict: ConflictAnswer = {
      outcome: 'conflict',
      conflict: {
        message: 'VirtualService bookinfo/reviews changed after the edit started',
        yours: { kind: 'VirtualService', spec: { a: 1 } },
        theirs: { kind: 'VirtualService', spec: { a: 2 } },
        changes: [],
        diff: '--- theirs (live)\n+++ yours\n@@ -1 +1 @@\n-  a: 2\n+  a: 1\n',
      },
    };
    const html = panel({ result: { action: 'apply', answer: conflict, yaml: 'x' } });
    expect(html).toContain('data-testid="editor-conflict"');
    expect(html).toContain('data-testid="editor-conflict-theirs"');
    expect(html).toContain('data-testid="editor-conflict-yours"');
    expect(html).toContain('data-testid="editor-rebase"');
  });

  it('says when the edit changed since the preview', () => {
    expect(panel({ preview: { forText: 'x', answer: PREVIEW, impact: null }, stale: true })).toContain(
      'preview again before applying',
    );
  });
});

describe('the write result', () => {
  const applied: AppliedAnswer = {
    outcome: 'applied',
    operation: 'update',
    object: {},
    changes: [],
    diff: '',
    audit: {
      id: 'meshlens-audit-20260601-030000123-k3x9q2',
      who: 'anonymous',
      when: '2026-06-01T03:00:00.123Z',
      action: 'update',
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      namespace: 'bookinfo',
      name: 'reviews',
      resourceVersion: '42',
    },
    warnings: [],
  };
  const render = (result: Parameters<typeof WriteResultView>[0]['result']): string =>
    renderToStaticMarkup(
      <WriteResultView
        result={result}
        namespace="bookinfo"
        onUndo={() => undefined}
        onRebase={() => undefined}
        acknowledged={false}
        onAcknowledge={() => undefined}
      />,
    );

  it('names the audit record, links the graph of the namespace, and offers Undo', () => {
    const html = render({ action: 'apply', answer: applied, yaml: '' });
    expect(html).toContain('data-audit-id="meshlens-audit-20260601-030000123-k3x9q2"');
    expect(html).toContain('href="/graph?ns=bookinfo"');
    expect(html).toContain('data-testid="editor-undo"');
  });

  it('offers no Undo when nothing changed', () => {
    const html = render({
      action: 'apply',
      answer: { ...applied, operation: 'unchanged', audit: null },
      yaml: '',
    });
    expect(html).toContain('Nothing to write');
    expect(html).not.toContain('data-testid="editor-undo"');
  });

  it('offers the YAML to commit when GitOps refuses the write', () => {
    const html = render({
      action: 'apply',
      answer: {
        outcome: 'gitops',
        gitops: { manager: 'flux', detail: 'label kustomize.toolkit.fluxcd.io/name=apps' },
        message: 'managed by Flux',
        yaml: 'kind: VirtualService\n',
      },
      yaml: '',
    });
    expect(html).toContain('data-testid="editor-gitops" data-manager="flux"');
    expect(html).toContain('Copy YAML');
  });
});

describe('the impact of a VirtualService', () => {
  it('shows the routes in words, the split now and expected, and the callers', () => {
    const html = renderToStaticMarkup(
      <ImpactView
        impact={{
          ok: true,
          answer: {
            data: { windowSeconds: 300, edges: 14, kind: 'VirtualService', routing: [HOST] },
            errors: [],
          },
        }}
      />,
    );
    expect(html.match(/data-testid="impact-route"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="impact-split"');
    expect(html).toMatch(
      /data-workload="workload:bookinfo\/reviews-v3"><td[^>]*>bookinfo\/reviews-v3<\/td><td[^>]*>—<\/td><td[^>]*>20%/,
    );
    expect(html).toContain('bookinfo/productpage-v1 (6 rps)');
  });

  it('says why there is no impact when metrics are down', () => {
    const html = renderToStaticMarkup(
      <ImpactView
        impact={{
          ok: true,
          answer: {
            data: null,
            errors: [{ source: 'prometheus', kind: 'unreachable', message: 'prometheus is down' }],
          },
        }}
      />,
    );
    expect(html).toContain('Impact not known: no traffic figures (prometheus is down)');
  });
});

describe('read-only', () => {
  it('shows the YAML with copy and says why, without edit controls', () => {
    const html = renderToStaticMarkup(
      <ReadOnlyView
        title="VirtualService bookinfo/reviews"
        yaml="kind: VirtualService\n"
        reason="The dashboard is read-only (READ_ONLY=true)"
      />,
    );
    expect(html).toContain('data-testid="editor-read-only"');
    expect(html).toContain('data-testid="editor-copy-yaml"');
    expect(html).toContain('READ_ONLY=true');
    expect(html).not.toContain('editor-apply');
  });
});

describe('the history', () => {
  const record: AuditRecord = {
    id: 'meshlens-audit-20260601-030000123-k3x9q2',
    who: 'anonymous',
    when: '2026-06-01T03:00:00.123Z',
    action: 'update',
    kind: 'VirtualService',
    apiVersion: 'networking.istio.io/v1',
    namespace: 'bookinfo',
    name: 'reviews',
    resourceVersion: '42',
    before: 'a: 1\n',
    after: 'a: 2\n',
    diff: '--- before\n+++ after\n@@ -1 +1 @@\n-a: 1\n+a: 2\n',
  };
  const row = (csrfToken: string | null): string =>
    renderToStaticMarkup(
      <AuditRecordRow record={record} showObject csrfToken={csrfToken} onReverted={() => undefined} />,
    );

  it('shows who, when and what, with Revert only when the dashboard writes', () => {
    const html = row('token');
    expect(html).toContain(
      'data-testid="audit-record" data-audit-id="meshlens-audit-20260601-030000123-k3x9q2"',
    );
    expect(html).toContain('by anonymous');
    expect(html).toContain('VirtualService bookinfo/reviews');
    expect(html).toContain('data-testid="audit-revert"');
    expect(row(null)).not.toContain('data-testid="audit-revert"');
  });

  it('conditions a revert on the version the record produced, and a delete on nothing', () => {
    expect(revertBase(record)).toBe('42');
    expect(revertBase({ ...record, action: 'delete', resourceVersion: undefined })).toBeUndefined();
  });
});

describe('apply is offered', () => {
  const preview = { forText: 'text', answer: { ...PREVIEW, gitops: null }, impact: null };

  it('for the text previewed, and not after it changed', () => {
    expect(previewAllowsApply(preview, 'text', false)).toBe(true);
    expect(previewAllowsApply(preview, 'text changed', false)).toBe(false);
    expect(previewAllowsApply(null, 'text', false)).toBe(false);
  });

  it('for a GitOps object only once the person chose to write anyway', () => {
    const gitops = { ...preview, answer: PREVIEW };
    expect(previewAllowsApply(gitops, 'text', false)).toBe(false);
    expect(previewAllowsApply(gitops, 'text', true)).toBe(true);
  });

  it('not after a refused preview', () => {
    const refused = { ...preview, answer: { outcome: 'refused' as const, error: { message: 'RBAC' } } };
    expect(previewAllowsApply(refused, 'text', false)).toBe(false);
  });
});
