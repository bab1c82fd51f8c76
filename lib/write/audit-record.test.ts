import { describe, expect, it } from 'vitest';
import {
  auditBytes,
  auditConfigMap,
  auditFromConfigMap,
  auditId,
  isLabelValue,
  newestFirst,
} from './audit-record';
import type { AuditRecord } from './types';

const record: AuditRecord = {
  id: 'meshlens-audit-20260601-030000123-k3x9q2',
  who: 'anonymous',
  when: '2026-06-01T03:00:00.123Z',
  action: 'update',
  kind: 'VirtualService',
  apiVersion: 'networking.istio.io/v1',
  namespace: 'bookinfo',
  name: 'reviews',
  before: 'a: 1\n',
  after: 'a: 2\n',
  diff: '--- before\n+++ after\n',
  resourceVersion: '42',
};

describe('audit records', () => {
  it('are named by UTC time with a suffix, so that names sort by time', () => {
    expect(auditId(new Date('2026-06-01T03:00:00.123Z'), 'k3x9q2')).toBe(
      'meshlens-audit-20260601-030000123-k3x9q2',
    );
    expect(
      auditId(new Date('2026-12-31T23:59:59.009Z'), 'a') > auditId(new Date('2026-06-01T03:00:00Z'), 'z'),
    ).toBe(true);
  });

  it('round-trip through a labelled ConfigMap', () => {
    const configMap = auditConfigMap(record, 'meshlens-system');
    expect(configMap).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: record.id,
        namespace: 'meshlens-system',
        labels: {
          'app.kubernetes.io/managed-by': 'meshlens',
          'app.kubernetes.io/component': 'audit',
          'meshlens.io/action': 'update',
          'meshlens.io/kind': 'VirtualService',
          'meshlens.io/namespace': 'bookinfo',
          'meshlens.io/name': 'reviews',
        },
      },
      data: { who: 'anonymous', before: 'a: 1\n', resourceVersion: '42' },
    });
    expect(auditFromConfigMap(configMap)).toEqual(record);
  });

  it('leave out a label whose value a name too long for a label cannot be', () => {
    const long = { ...record, name: `a${'b'.repeat(70)}` };
    const labels = (auditConfigMap(long, 'x')['metadata'] as { labels: Record<string, string> }).labels;
    expect(labels['meshlens.io/name']).toBeUndefined();
    expect(isLabelValue('reviews')).toBe(true);
    expect(isLabelValue('-x')).toBe(false);
  });

  it('are not read from ConfigMaps that are not records', () => {
    expect(auditFromConfigMap({ metadata: { name: 'x' }, data: { who: 'a' } })).toBeUndefined();
    expect(
      auditFromConfigMap({ metadata: { name: 'x' }, data: { ...record, action: 'patch' } }),
    ).toBeUndefined();
    expect(auditFromConfigMap(null)).toBeUndefined();
  });

  it('sort newest first and count their bytes', () => {
    const older = { ...record, id: 'meshlens-audit-1', when: '2026-05-01T00:00:00Z' };
    expect([older, record].sort(newestFirst).map((r) => r.id)).toEqual([record.id, older.id]);
    expect(auditBytes({ ...record, before: 'é' })).toBe(auditBytes({ ...record, before: 'ab' }));
  });
});
