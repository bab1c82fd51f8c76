import { describe, expect, it } from 'vitest';
import { pod, virtualService } from './__fixtures__/objects';
import { resolveResource, type ResourceType } from './resource-table';
import { buildTable, wantsTable } from './table';
import { humanDuration } from './table-columns';

function type(name: string): ResourceType {
  const found = resolveResource(name);
  if (!found) throw new Error(name);
  return found;
}

const now = new Date('2025-03-01T12:00:00Z');
const created = (o: ReturnType<typeof pod>, ago: string): typeof o => ({
  ...o,
  metadata: { ...o.metadata, creationTimestamp: ago },
});

describe('humanDuration', () => {
  it('prints ages the way kubectl does', () => {
    const s = 1000;
    expect(
      [
        45 * s,
        150 * s,
        300 * s,
        2 * 3600 * s,
        30 * 3600 * s,
        3 * 86400 * s,
        400 * 86400 * s,
        900 * 86400 * s,
      ].map(humanDuration),
    ).toEqual(['45s', '2m30s', '5m', '120m', '30h', '3d', '400d', '2y170d']);
  });
});

describe('buildTable', () => {
  it('prints pods with READY, STATUS, RESTARTS and AGE, and wide columns at priority 1', () => {
    const table = buildTable(type('pods'), [created(pod('bookinfo', 'reviews-1'), '2025-03-01T11:55:00Z')], {
      now,
      include: 'Metadata',
    }) as {
      columnDefinitions: { name: string; priority: number }[];
      rows: { cells: unknown[]; object: { kind: string } }[];
    };
    expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(table.columnDefinitions.filter((c) => c.priority === 1).map((c) => c.name)).toEqual([
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(table.rows[0]?.cells).toEqual([
      'reviews-1',
      '1/1',
      'Running',
      2,
      '5m',
      '10.0.0.7',
      'node-1',
      '<none>',
      '<none>',
    ]);
    expect(table.rows[0]?.object.kind).toBe('PartialObjectMetadata');
  });

  it('prints Istio columns as the CRDs do, arrays as JSON', () => {
    const vs = virtualService('bookinfo', 'reviews');
    const table = buildTable(
      type('vs'),
      [{ ...vs, metadata: { ...vs.metadata, creationTimestamp: '2025-03-01T11:59:00Z' } }],
      { now, include: 'None' },
    ) as {
      rows: { cells: unknown[]; object?: unknown }[];
    };
    expect(table.rows[0]).toEqual({ cells: ['reviews', '', '["reviews"]', '60s'] });
  });

  it('recognises kubectl get Accept headers', () => {
    expect(
      wantsTable(
        'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      ),
    ).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
  });
});
