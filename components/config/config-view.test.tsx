import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bookinfoContext, bookinfoLists } from '@/lib/config/__fixtures__/cluster';
import {
  DR_REVIEWS,
  REVIEWS_80_20,
  authorizationPolicy,
  rule,
  virtualService,
  weighted,
} from '@/lib/config/__fixtures__/objects';
import { summarizeObject } from '@/lib/config/summary';
import type { ConfigObjectSummary } from '@/lib/config/types';
import type { KubeObject } from '@/lib/kube/object';
import { rowKey } from './config-format';
import { ConfigContent } from './config-view';

const ctx = bookinfoContext();
const created = (object: KubeObject, at: string): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, creationTimestamp: at },
});
const NOW = Date.parse('2026-05-01T12:00:00Z');
const waypoint = bookinfoLists().gateways?.[0];
if (waypoint === undefined) throw new Error('no waypoint fixture');

const rows: ConfigObjectSummary[] = [
  summarizeObject('Gateway', created(waypoint, '2026-04-28T12:00:00Z'), ctx),
  summarizeObject('VirtualService', created(REVIEWS_80_20, '2026-05-01T11:58:00Z'), ctx),
  summarizeObject(
    'VirtualService',
    virtualService('ratings', 'bookinfo', weighted('ratings', [70, 20])),
    ctx,
  ),
  summarizeObject('DestinationRule', DR_REVIEWS, ctx),
  summarizeObject(
    'AuthorizationPolicy',
    {
      ...authorizationPolicy('api-from-legacy', 'payments', {
        selector: { matchLabels: { app: 'api' } },
        rules: [rule({ namespaces: ['legcy'] })],
      }),
      metadata: {
        name: 'api-from-legacy',
        namespace: 'payments',
        labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps' },
      },
    },
    ctx,
  ),
];

function render(
  options: {
    name?: string;
    kind?: ConfigObjectSummary['kind'] | null;
    expanded?: string[];
    editableKinds?: ReadonlySet<string>;
  } = {},
): string {
  return renderToStaticMarkup(
    <ConfigContent
      answer={{
        data: rows,
        errors: [
          {
            source: 'kubernetes',
            kind: 'missing_kind',
            message: 'Istio telemetry not installed: telemetries',
          },
        ],
      }}
      filter={{ name: options.name ?? '', kind: options.kind ?? null }}
      nowMs={NOW}
      expanded={new Set(options.expanded ?? [])}
      onToggle={() => undefined}
      editableKinds={options.editableKinds}
    />,
  );
}

describe('ConfigContent', () => {
  const html = render();

  it('groups the rows by namespace, each with its kind, name and status', () => {
    expect(html).toContain('data-testid="config-table"');
    expect(html.indexOf('data-namespace="bookinfo"')).toBeLessThan(html.indexOf('data-namespace="payments"'));
    expect(html).toContain(
      'data-testid="config-row" data-kind="VirtualService" data-namespace="bookinfo" data-name="reviews" data-status="ok"',
    );
    expect(html).toContain(
      'data-kind="VirtualService" data-namespace="bookinfo" data-name="ratings" data-status="error"',
    );
    expect(html).toContain(
      'data-kind="AuthorizationPolicy" data-namespace="payments" data-name="api-from-legacy" data-status="warning"',
    );
  });

  it('shows what each applies to, the validation with the first message, and the age', () => {
    expect(html).toContain('waypoint (service traffic) for namespace bookinfo');
    expect(html).toContain('service reviews (host reviews)');
    expect(html).toMatch(/>✓<\/span>/);
    expect(html).toMatch(/>1 error<\/span><span[^>]*>the weights sum to 90 \(70 \+ 20\), not 100</);
    expect(html).toMatch(/>1 warning<\/span><span[^>]*>namespace legcy matches no namespace of the cluster</);
    expect(html).toMatch(/>2m<\/td>/);
    expect(html).toMatch(/>3d<\/td>/);
    expect(html).toContain('title="label kustomize.toolkit.fluxcd.io/name"');
  });

  it('says what could not be read, and sums the rows up', () => {
    expect(html).toContain('data-testid="config-errors"');
    expect(html).toContain('Istio telemetry not installed: telemetries');
    expect(html).toContain('5 objects: 1 with errors, 1 with warnings');
  });

  it('shows no findings or YAML until a row is expanded', () => {
    expect(html).not.toContain('data-testid="config-finding"');
    expect(html).not.toContain('data-testid="config-yaml"');
  });

  it('expands a row into its findings with their field paths and the object as YAML', () => {
    const ratings = rows.find((r) => r.name === 'ratings');
    if (ratings === undefined) throw new Error('no ratings row');
    const expanded = render({ expanded: [rowKey(ratings)] });
    expect(expanded).toMatch(
      /data-testid="config-finding" data-code="weights-not-100" data-severity="error"/,
    );
    expect(expanded).toContain('spec.http[0].route');
    expect(expanded).toMatch(
      /data-testid="config-yaml"[^>]*>apiVersion: networking.istio.io\/v1\nkind: VirtualService\n/,
    );
    expect(expanded).toContain('aria-expanded="true"');
  });

  it('filters by kind and by a name found in the name or in what it applies to', () => {
    const vsOnly = render({ kind: 'VirtualService' });
    expect(vsOnly.match(/data-testid="config-row"/g)).toHaveLength(2);
    const reviews = render({ name: 'reviews' });
    expect(reviews.match(/data-testid="config-row"[^>]*data-name="reviews"/g)).toHaveLength(2);
    expect(reviews).not.toContain('data-name="ratings"');
    expect(render({ name: 'app=api' })).toContain('data-name="api-from-legacy"');
    expect(render({ name: 'nothing-like-this' })).toContain('data-testid="config-empty"');
  });
});

describe('ConfigContent edit controls', () => {
  it('shows none without writable kinds (read-only, or not known yet)', () => {
    const html = render();
    expect(html).not.toContain('data-testid="config-edit"');
    expect(html).not.toContain('data-testid="config-new"');
  });

  it('links each row of a writable kind to its editor, and each namespace to new objects', () => {
    const html = render({ editableKinds: new Set(['VirtualService', 'AuthorizationPolicy']) });
    expect(html).toContain('href="/config/edit?kind=VirtualService&amp;ns=bookinfo&amp;name=reviews"');
    expect(html.match(/data-testid="config-edit"/g)).toHaveLength(3);
    expect(html).toMatch(
      /data-testid="config-new" data-kind="AuthorizationPolicy"[^>]*href="\/config\/edit\?kind=AuthorizationPolicy&amp;ns=payments&amp;new=1"/,
    );
    expect(html.match(/data-testid="config-new"/g)).toHaveLength(4);
  });
});
