import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MeshAction } from '@/lib/mesh/actions';
import type { NamespaceDetail } from '@/lib/mesh/detail-types';
import { capabilitiesQuery } from '@/lib/queries/write';
import type { AppliedAnswer, WriteCapabilities } from '@/lib/write/types';
import { ActionButton, canWrite } from './action-button';
import { ActionEffect } from './action-dialog';
import { ActionApplied, ActionRefusal } from './action-outcome';
import { NamespaceActions } from './namespace-actions';

const WRITABLE: WriteCapabilities = {
  readOnly: false,
  csrfToken: 't',
  auditNamespace: 'meshlens-system',
  kinds: ['Namespace', 'Gateway', 'PeerAuthentication', 'Service', 'Deployment'].map((kind) => ({
    kind,
    apiVersions: ['v1'],
    verbs: ['update'],
  })),
};
const READ_ONLY: WriteCapabilities = { ...WRITABLE, readOnly: true, csrfToken: null, kinds: [] };

function withCapabilities(caps: WriteCapabilities | undefined, node: ReactNode): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  // The buttons ask for the capabilities of their namespace (the user's RBAC there).
  for (const ns of ['outside', 'payments']) {
    if (caps) client.setQueryData(capabilitiesQuery(ns).queryKey, caps);
  }
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

describe('canWrite', () => {
  it.each<[string, WriteCapabilities | undefined, boolean]>([
    ['writable', WRITABLE, true],
    ['read-only', READ_ONLY, false],
    ['not read yet', undefined, false],
    ['without the kind', { ...WRITABLE, kinds: [] }, false],
  ])('%s: %s', (_what, caps, expected) => {
    expect(canWrite(caps, 'Namespace')).toBe(expected);
  });
});

describe('ActionButton', () => {
  const button = (
    <ActionButton kind="Namespace" request={{ action: 'enroll-ambient', namespace: 'outside' }}>
      Enroll
    </ActionButton>
  );

  it('shows when the dashboard writes the kind', () => {
    expect(withCapabilities(WRITABLE, button)).toContain('data-testid="action-enroll-ambient"');
  });

  it.each([
    ['read-only', READ_ONLY],
    ['capabilities unknown', undefined],
  ])('is hidden entirely when %s', (_what, caps) => {
    expect(withCapabilities(caps, button)).toBe('');
  });
});

describe('NamespaceActions', () => {
  const detail = (
    enrollment: string | null,
    usedBy: string[],
    mode: 'STRICT' | 'PERMISSIVE',
  ): NamespaceDetail =>
    ({
      namespace: 'payments',
      posture: {
        enrollment,
        waypoints: usedBy.length > 0 ? [{ namespace: 'payments', name: 'waypoint', usedBy }] : [],
        peerAuthentication: { mode, level: 'namespace', source: 'payments/default', workloadPolicies: 0 },
      },
    }) as unknown as NamespaceDetail;

  it('an enrolled, bound namespace: remove, create, bind, unbind, set mode', () => {
    const html = withCapabilities(
      WRITABLE,
      <NamespaceActions data={detail('istio.io/dataplane-mode=ambient', ['namespace'], 'STRICT')} />,
    );
    const ids = [...html.matchAll(/data-testid="(action-[a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'action-remove-ambient',
      'action-create-waypoint',
      'action-bind-waypoint',
      'action-unbind-waypoint',
      'action-set-peerauthentication',
    ]);
  });

  it('a namespace outside the mesh: enroll, no unbind', () => {
    const html = withCapabilities(WRITABLE, <NamespaceActions data={detail(null, [], 'PERMISSIVE')} />);
    expect(html).toContain('action-enroll-ambient');
    expect(html).not.toContain('action-remove-ambient');
    expect(html).not.toContain('action-unbind-waypoint');
  });
});

describe('ActionEffect', () => {
  it('shows the effect in words, then the warnings', () => {
    const plan = {
      effect: ['1 pod will be captured by ztunnel, no restarts'],
      warnings: ['careful'],
    } as MeshAction;
    const html = renderToStaticMarkup(<ActionEffect plan={plan} />);
    expect(html).toMatch(/data-testid="action-effect".*1 pod will be captured by ztunnel, no restarts/);
    expect(html).toMatch(/data-testid="action-warnings".*careful/);
  });
});

describe('ActionRefusal', () => {
  const noop = (): void => undefined;

  it('a conflict: changed meanwhile, with the new state and a re-preview', () => {
    const html = renderToStaticMarkup(
      <ActionRefusal
        answer={{
          outcome: 'conflict',
          conflict: {
            message: 'Namespace payments changed after the edit started',
            yours: null,
            theirs: {
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: { name: 'payments', labels: { team: 'pay' } },
            },
            changes: [],
            diff: '',
          },
        }}
        onRepreview={noop}
        onAcknowledgeGitOps={noop}
      />,
    );
    expect(html).toContain('data-outcome="conflict"');
    expect(html).toContain('Changed meanwhile');
    expect(html).toMatch(
      /data-testid="action-new-state"[^>]*>apiVersion: v1\nkind: Namespace\nmetadata:\n {2}name: payments\n {2}labels:\n {4}team: pay/,
    );
    expect(html).toContain('data-testid="action-repreview"');
  });

  it("a refusal: the cluster's reason, verbatim", () => {
    const reason = 'namespaces "payments" is forbidden: User "viewer" cannot update resource "namespaces"';
    const html = renderToStaticMarkup(
      <ActionRefusal
        answer={{ outcome: 'refused', error: { message: reason } }}
        onRepreview={noop}
        onAcknowledgeGitOps={noop}
      />,
    );
    expect(html).toContain('data-outcome="refused"');
    expect(html).toContain(
      'namespaces &quot;payments&quot; is forbidden: User &quot;viewer&quot; cannot update resource &quot;namespaces&quot;',
    );
  });
});

describe('ActionApplied', () => {
  const answer: AppliedAnswer = {
    outcome: 'applied',
    operation: 'update',
    object: null,
    changes: [],
    diff: '--- live\n+++ proposed\n@@ -1 +1,2 @@\n+  istio.io/dataplane-mode: ambient\n',
    audit: {
      id: 'meshlens-audit-20260601-030000123-k3x9q2',
      who: 'anonymous',
      when: '2026-06-01T03:00:00.123Z',
      action: 'update',
      kind: 'Namespace',
      apiVersion: 'v1',
      namespace: 'outside',
      name: 'outside',
    },
    warnings: [],
  };

  it('shows the audit id, Undo and the graph', () => {
    const html = renderToStaticMarkup(
      <ActionApplied
        answer={answer}
        graphHref="/graph?namespaces=outside"
        undone={null}
        busy={false}
        onUndo={() => undefined}
      />,
    );
    expect(html).toContain('data-testid="action-result"');
    expect(html).toContain('meshlens-audit-20260601-030000123-k3x9q2');
    expect(html).toContain('data-testid="action-undo"');
    expect(html).toContain('href="/graph?namespaces=outside"');
  });

  it('once undone, says so and offers no second Undo', () => {
    const html = renderToStaticMarkup(
      <ActionApplied
        answer={answer}
        graphHref="/graph"
        undone={answer}
        busy={false}
        onUndo={() => undefined}
      />,
    );
    expect(html).toContain('data-testid="action-undone"');
    expect(html).not.toContain('data-testid="action-undo"');
  });
});
