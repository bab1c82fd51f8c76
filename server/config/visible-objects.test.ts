import { describe, expect, it } from 'vitest';
import type { DataResponse } from '@/lib/api/dto';
import { SEES_ALL } from '@/lib/auth/visibility';
import type { ConfigKind } from '@/lib/config/kinds';
import type { ConfigObjectSummary } from '@/lib/config/types';
import { READ_ALL, withRules } from '@/lib/graph/__fixtures__/visibility';
import type { SourceErrorDTO } from '@/lib/source-error';
import { seesConfigObject, visibleConfigObjects } from './visible-objects';

/** bookinfo: everything; payments: VirtualServices only; istio-system: nothing (exists, hidden). */
const viewer = withRules({
  bookinfo: [READ_ALL],
  payments: [{ verbs: ['list'], apiGroups: ['networking.istio.io'], resources: ['virtualservices'] }],
  'istio-system': [],
});

function summary(kind: ConfigKind, namespace: string, name: string): ConfigObjectSummary {
  return {
    kind,
    apiVersion: 'v1',
    namespace,
    name,
    resourceVersion: '1',
    created: null,
    appliesTo: 'every workload in the namespace',
    status: 'warning',
    counts: { error: 0, warning: 1, info: 0 },
    findings: [{ code: 'x', severity: 'warning', message: 'x', path: '' }],
    gitops: null,
    object: { apiVersion: 'v1', kind, metadata: { name, namespace } },
  };
}

const ERROR: SourceErrorDTO = { source: 'kubernetes', kind: 'missing_kind', message: 'no Gateway API' };
const answer: DataResponse<ConfigObjectSummary[]> = {
  data: [
    summary('VirtualService', 'bookinfo', 'reviews'),
    summary('AuthorizationPolicy', 'bookinfo', 'allow'),
    summary('PeerAuthentication', 'istio-system', 'default'),
    summary('AuthorizationPolicy', 'istio-system', 'deny-all'),
    summary('VirtualService', 'payments', 'api'),
    summary('DestinationRule', 'payments', 'api'),
  ],
  errors: [ERROR],
};
const key = (row: ConfigObjectSummary): string => `${row.kind} ${row.namespace}/${row.name}`;

describe('seesConfigObject', () => {
  it.each([
    ['VirtualService', 'bookinfo', true],
    ['Telemetry', 'bookinfo', true],
    ['VirtualService', 'payments', true],
    ['DestinationRule', 'payments', false],
    ['PeerAuthentication', 'istio-system', false],
    ['Gateway', 'nope', false],
  ] as const)('%s in %s: %s', (kind, namespace, shown) => {
    expect(seesConfigObject(summary(kind, namespace, 'x'), viewer)).toBe(shown);
    expect(seesConfigObject(summary(kind, namespace, 'x'), SEES_ALL)).toBe(true);
  });
});

describe('visibleConfigObjects', () => {
  it('gives a viewer who sees everything the answer itself', () => {
    expect(visibleConfigObjects(answer, SEES_ALL)).toBe(answer);
  });

  it('keeps the objects the viewer may list, in order, with the errors', () => {
    const shown = visibleConfigObjects(answer, viewer);
    expect(shown.data.map(key)).toEqual([
      'VirtualService bookinfo/reviews',
      'AuthorizationPolicy bookinfo/allow',
      'VirtualService payments/api',
    ]);
    expect(shown.data[0]).toBe(answer.data[0]);
    expect(shown.errors).toBe(answer.errors);
  });
});
