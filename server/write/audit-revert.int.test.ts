import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppliedAnswer, AuditList } from '@/lib/write/types';
import {
  auditConfigMaps,
  ORIGIN,
  reviewsVirtualService,
  reviewsYaml,
  startWriteCluster,
  type WriteCluster,
} from './__fixtures__/demo-cluster';
import { applyHandler } from './handlers';

/**
 * Delete, the audit trail and revert through the real handlers against the demo API server: delete only with the
 * confirmation and the base version, every change recorded in a ConfigMap, and each kind of change undone by revert
 * with a record of its own.
 */

let cluster: WriteCluster;

beforeAll(async () => {
  cluster = await startWriteCluster();
});

afterAll(async () => {
  await cluster?.close();
});

beforeEach(() => {
  if (cluster.store.get('vs', 'bookinfo', 'reviews')) cluster.store.delete('vs', 'bookinfo', 'reviews');
  cluster.store.create('vs', reviewsVirtualService([90, 10]));
});

const rv = (): string => cluster.store.get('vs', 'bookinfo', 'reviews')?.metadata.resourceVersion ?? '';
const spec = (): unknown => cluster.store.get('vs', 'bookinfo', 'reviews')?.spec;
const target = { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' };

async function applied(
  body: Record<string, unknown>,
  handler = cluster.handlers.apply,
): Promise<AppliedAnswer> {
  const { status, body: answer } = await cluster.post(handler, body);
  expect(answer).toMatchObject({ outcome: 'applied' });
  expect(status).toBe(200);
  return answer as unknown as AppliedAnswer;
}

describe('delete', () => {
  it('needs the confirmation string, then deletes the version seen and records the whole object', async () => {
    const wrong = await cluster.post(cluster.handlers.remove, {
      ...target,
      baseResourceVersion: rv(),
      confirm: 'reviews',
    });
    expect(wrong).toEqual({
      status: 400,
      body: {
        outcome: 'refused',
        error: {
          message: 'to delete, confirm with exactly "bookinfo/reviews" (got "reviews"); nothing was deleted',
        },
      },
    });
    expect(spec()).toBeDefined();
    const stale = await cluster.post(cluster.handlers.remove, {
      ...target,
      baseResourceVersion: '1',
      confirm: 'bookinfo/reviews',
    });
    expect(stale.status).toBe(409);
    expect(spec()).toBeDefined();
    const answer = await applied(
      { ...target, baseResourceVersion: rv(), confirm: 'bookinfo/reviews' },
      cluster.handlers.remove,
    );
    expect(answer).toMatchObject({
      operation: 'delete',
      object: null,
      audit: { action: 'delete', name: 'reviews' },
    });
    expect(spec()).toBeUndefined();
    const record = auditConfigMaps(cluster.store).find((c) => c.metadata.name === answer.audit?.id) as {
      data?: Record<string, string>;
    };
    expect(record.data?.['before']).toContain('weight: 90');
    expect(record.data?.['after']).toBe('');
  });
});

describe('revert', () => {
  it('puts the previous spec back, with its own audit record naming the one it reverts', async () => {
    const change = await applied({ ...target, yaml: reviewsYaml([50, 50]), baseResourceVersion: rv() });
    expect(spec()).toEqual(reviewsVirtualService([50, 50]).spec);
    const undo = await applied(
      { auditId: change.audit?.id, baseResourceVersion: rv() },
      cluster.handlers.revert,
    );
    expect(spec()).toEqual(reviewsVirtualService([90, 10]).spec);
    expect(undo.audit).toMatchObject({ action: 'update', revertOf: change.audit?.id, who: 'anonymous' });
    expect(undo.audit?.id).not.toBe(change.audit?.id);
    expect(cluster.logs.at(-1)).toMatch(
      new RegExp(
        `action="revert ${change.audit?.id ?? ''}" object=VirtualService/bookinfo/reviews result=applied`,
      ),
    );
  });

  it('refuses a revert from a stale base with a conflict, and changes nothing', async () => {
    const change = await applied({ ...target, yaml: reviewsYaml([50, 50]), baseResourceVersion: rv() });
    const stale = rv();
    cluster.store.update('vs', reviewsVirtualService([60, 40]));
    const { status } = await cluster.post(cluster.handlers.revert, {
      auditId: change.audit?.id,
      baseResourceVersion: stale,
    });
    expect(status).toBe(409);
    expect(spec()).toEqual(reviewsVirtualService([60, 40]).spec);
  });

  it('creates a deleted object again, and deletes a created one', async () => {
    const gone = await applied(
      { ...target, baseResourceVersion: rv(), confirm: 'bookinfo/reviews' },
      cluster.handlers.remove,
    );
    const back = await applied({ auditId: gone.audit?.id }, cluster.handlers.revert);
    expect(back.operation).toBe('create');
    expect(spec()).toEqual(reviewsVirtualService([90, 10]).spec);
    const created = await applied({
      kind: 'VirtualService',
      namespace: 'bookinfo',
      yaml: reviewsYaml([100, 0]).replace('name: reviews', 'name: canary'),
    });
    expect(created.operation).toBe('create');
    const canaryRv = cluster.store.get('vs', 'bookinfo', 'canary')?.metadata.resourceVersion;
    const undone = await applied(
      { auditId: created.audit?.id, baseResourceVersion: canaryRv },
      cluster.handlers.revert,
    );
    expect(undone.operation).toBe('delete');
    expect(cluster.store.get('vs', 'bookinfo', 'canary')).toBeUndefined();
  });

  it('answers 404 for an unknown record', async () => {
    const { status, body } = await cluster.post(cluster.handlers.revert, {
      auditId: 'meshlens-audit-nope',
      baseResourceVersion: '1',
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      error: { message: 'there is no audit record meshlens-audit-nope in namespace meshlens-system' },
    });
  });
});

describe('the audit list', () => {
  it('lists the records of one object newest first, and every record of the cluster', async () => {
    await applied({ ...target, yaml: reviewsYaml([80, 20]), baseResourceVersion: rv() });
    await applied({ ...target, yaml: reviewsYaml([70, 30]), baseResourceVersion: rv() });
    const response = await cluster.handlers.audit(
      new Request(`${ORIGIN}/api/write/audit?namespace=bookinfo&name=reviews&limit=2`),
    );
    const { records } = (await response.json()) as AuditList;
    expect(records.map((r) => r.after.match(/weight: (\d+)/)?.[1])).toEqual(['70', '80']);
    expect((records[0]?.when ?? '') >= (records[1]?.when ?? '')).toBe(true);
    const all = (await (
      await cluster.handlers.audit(new Request(`${ORIGIN}/api/write/audit?limit=200`))
    ).json()) as AuditList;
    expect(all.records.length).toBe(auditConfigMaps(cluster.store).length);
  });
});

describe('an audit namespace that does not exist', () => {
  it('refuses the change before making it', async () => {
    const other = {
      ...cluster,
      handlers: {
        ...cluster.handlers,
        apply: applyHandler(() => ({ ...cluster.deps, auditNamespace: 'no-such-ns' })),
      },
    };
    const { status, body } = await other.post(other.handlers.apply, {
      ...target,
      yaml: reviewsYaml([50, 50]),
      baseResourceVersion: rv(),
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({
      outcome: 'refused',
      error: {
        message: expect.stringMatching(
          /^cannot keep the audit record in namespace no-such-ns .* nothing was changed$/,
        ) as string,
      },
    });
    expect(spec()).toEqual(reviewsVirtualService([90, 10]).spec);
  });
});
