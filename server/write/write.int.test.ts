import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  AppliedAnswer,
  ConflictAnswer,
  GitOpsAnswer,
  InvalidAnswer,
  PreviewAnswer,
} from '@/lib/write/types';
import {
  auditConfigMaps,
  reviewsVirtualService,
  resetReviews,
  reviewsYaml,
  startWriteCluster,
  type WriteCluster,
} from './__fixtures__/demo-cluster';

/**
 * Preview and apply through the real handlers against the demo API server (default world): the dry run writes
 * nothing, apply writes with the edit's base and leaves an audit record, a stale base is a conflict with both
 * versions, bad input is refused with the problem and its place, GitOps objects need an acknowledgement.
 */

let cluster: WriteCluster;
let base: string;

beforeAll(async () => {
  cluster = await startWriteCluster();
});

afterAll(async () => {
  await cluster?.close();
});

beforeEach(() => {
  base = resetReviews(cluster);
  cluster.logs.length = 0;
});

const live = (): unknown => cluster.store.get('vs', 'bookinfo', 'reviews')?.spec;
const edit = (yaml: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'VirtualService',
  namespace: 'bookinfo',
  name: 'reviews',
  yaml,
  baseResourceVersion: base,
  ...extra,
});

describe('preview', () => {
  it('answers the live object, the dry-run result and the diff, and writes nothing', async () => {
    const counter = cluster.store.resourceVersion;
    const audits = auditConfigMaps(cluster.store).length;
    const { status, body } = await cluster.post(cluster.handlers.preview, edit(reviewsYaml([50, 50])));
    expect(status).toBe(200);
    const answer = body as unknown as PreviewAnswer;
    expect(answer).toMatchObject({ outcome: 'preview', operation: 'update', gitops: null, warnings: [] });
    expect(answer.changes).toEqual([
      { path: 'spec.http[0].route[0].weight', op: 'replace', before: 90, after: 50 },
      { path: 'spec.http[0].route[1].weight', op: 'replace', before: 10, after: 50 },
    ]);
    expect(answer.diff).toMatch(/^-\s+weight: 90\n\+\s+weight: 50$/m);
    expect(answer.proposed).toMatchObject({
      metadata: { uid: expect.any(String) as string, resourceVersion: base },
    });
    expect(cluster.store.resourceVersion).toBe(counter);
    expect(live()).toEqual(reviewsVirtualService([90, 10]).spec);
    expect(auditConfigMaps(cluster.store)).toHaveLength(audits);
  });

  it('previews a new object as a create, without storing it', async () => {
    const yaml = reviewsYaml([100, 0]).replace('name: reviews', 'name: reviews-canary');
    const { status, body } = await cluster.post(cluster.handlers.preview, {
      kind: 'VirtualService',
      namespace: 'bookinfo',
      yaml,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ outcome: 'preview', operation: 'create', live: null });
    expect(cluster.store.get('vs', 'bookinfo', 'reviews-canary')).toBeUndefined();
  });
});

describe('apply', () => {
  it('writes with the base resourceVersion, records the change in the cluster and logs it', async () => {
    const { status, body } = await cluster.post(cluster.handlers.apply, edit(reviewsYaml([50, 50])));
    expect(status).toBe(200);
    const answer = body as unknown as AppliedAnswer;
    expect(answer).toMatchObject({ outcome: 'applied', operation: 'update' });
    expect(live()).toEqual(reviewsVirtualService([50, 50]).spec);
    const record = auditConfigMaps(cluster.store).find((c) => c.metadata.name === answer.audit?.id);
    expect(record?.metadata.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'meshlens',
      'meshlens.io/kind': 'VirtualService',
      'meshlens.io/namespace': 'bookinfo',
      'meshlens.io/name': 'reviews',
      'meshlens.io/action': 'update',
    });
    const data = (record as { data?: Record<string, string> } | undefined)?.data;
    expect(data).toMatchObject({
      who: 'anonymous',
      action: 'update',
      namespace: 'bookinfo',
      name: 'reviews',
    });
    expect(data?.['before']).toContain('weight: 90');
    expect(data?.['after']).toContain('weight: 50');
    expect(data?.['diff']).toMatch(/^-\s+weight: 90\n\+\s+weight: 50$/m);
    expect(cluster.logs).toEqual([
      expect.stringMatching(
        /^meshlens write: who=anonymous action=apply object=VirtualService\/bookinfo\/reviews result=applied status=200 operation=update audit=meshlens-audit-/,
      ),
    ]);
  });

  it('answers a stale base with both versions and leaves the live object as the other writer left it', async () => {
    cluster.store.update('vs', reviewsVirtualService([70, 30]));
    const { status, body } = await cluster.post(cluster.handlers.apply, edit(reviewsYaml([50, 50])));
    expect(status).toBe(409);
    const { conflict } = body as unknown as ConflictAnswer;
    expect(conflict.message).toMatch(
      /changed after the edit started: it is at resourceVersion \d+, the edit started from \d+/,
    );
    expect(conflict.theirs).toMatchObject({ spec: reviewsVirtualService([70, 30]).spec });
    expect(conflict.yours).toMatchObject({ spec: reviewsVirtualService([50, 50]).spec });
    expect(conflict.changes.map((c) => `${c.path} ${String(c.before)}->${String(c.after)}`)).toEqual([
      'spec.http[0].route[0].weight 70->50',
      'spec.http[0].route[1].weight 30->50',
    ]);
    expect(live()).toEqual(reviewsVirtualService([70, 30]).spec);
    expect(cluster.logs[0]).toMatch(/result=conflict status=409/);
  });

  it('refuses to create over an object that appeared meanwhile', async () => {
    const { status, body } = await cluster.post(
      cluster.handlers.apply,
      edit(reviewsYaml([50, 50]), { baseResourceVersion: undefined }),
    );
    expect(status).toBe(409);
    expect((body as unknown as ConflictAnswer).conflict.message).toMatch(/exists already/);
  });

  it('writes nothing and records nothing when the edit changes nothing', async () => {
    const audits = auditConfigMaps(cluster.store).length;
    const { body } = await cluster.post(cluster.handlers.apply, edit(reviewsYaml([90, 10])));
    expect(body).toMatchObject({ outcome: 'applied', operation: 'unchanged', audit: null });
    expect(auditConfigMaps(cluster.store)).toHaveLength(audits);
  });

  it('flags a GitOps-managed object and writes it only when acknowledged', async () => {
    cluster.store.update('vs', {
      ...reviewsVirtualService([90, 10], { 'argocd.argoproj.io/instance': 'bookinfo' }),
    });
    base = cluster.store.get('vs', 'bookinfo', 'reviews')?.metadata.resourceVersion ?? '';
    const yaml = reviewsYaml([50, 50]).replace(
      '  namespace: bookinfo',
      '  namespace: bookinfo\n  labels: {argocd.argoproj.io/instance: bookinfo}',
    );
    const refused = await cluster.post(cluster.handlers.apply, edit(yaml));
    expect(refused.status).toBe(412);
    const answer = refused.body as unknown as GitOpsAnswer;
    expect(answer.gitops).toEqual({
      manager: 'argocd',
      detail: 'label argocd.argoproj.io/instance=bookinfo',
    });
    expect(answer.yaml).toContain('weight: 50');
    expect(live()).toEqual(reviewsVirtualService([90, 10]).spec);
    const preview = await cluster.post(cluster.handlers.preview, edit(yaml));
    expect(preview.body).toMatchObject({
      gitops: { manager: 'argocd' },
      warnings: [expect.stringMatching(/Argo CD/) as string],
    });
    const acknowledged = await cluster.post(cluster.handlers.apply, edit(yaml, { acknowledgeGitOps: true }));
    expect(acknowledged.status).toBe(200);
    expect(live()).toEqual(reviewsVirtualService([50, 50]).spec);
  });
});

describe('bad input is refused with the problem and its place, and the live object untouched', () => {
  it.each<[string, Record<string, unknown>, number, Record<string, unknown>]>([
    [
      'malformed YAML',
      { yaml: reviewsYaml([50, 50]).replace('  hosts: [reviews]', '  hosts: [reviews') },
      422,
      { message: expect.stringMatching(/^malformed YAML/) as string, line: 8 },
    ],
    [
      'a wrong kind',
      { yaml: reviewsYaml([50, 50]).replace('kind: VirtualService', 'kind: DestinationRule') },
      422,
      { path: 'kind', line: 2, col: 1 },
    ],
    [
      'a wrong apiVersion',
      { yaml: reviewsYaml([50, 50]).replace('istio.io/v1', 'istio.io/v9') },
      422,
      { path: 'apiVersion', line: 1 },
    ],
    [
      'another namespace',
      { yaml: reviewsYaml([50, 50]).replace('namespace: bookinfo', 'namespace: payments') },
      422,
      { path: 'metadata.namespace', line: 5, col: 3 },
    ],
    [
      'an unknown field',
      { yaml: reviewsYaml([50, 50]).replace('  http:', '  htpp:') },
      422,
      { path: 'spec.htpp', line: 8, col: 3 },
    ],
    [
      'a field of the wrong type',
      { yaml: reviewsYaml([50, 50]).replace('{host: reviews, subset: v1}', '{host: 7, subset: v1}') },
      422,
      { path: 'spec.http[0].route[0].destination.host', line: 10 },
    ],
  ])('%s', async (_what, change, status, problem) => {
    const counter = cluster.store.resourceVersion;
    const { status: got, body } = await cluster.post(cluster.handlers.apply, edit('', change));
    expect(got).toBe(status);
    expect((body as unknown as InvalidAnswer).problems[0]).toMatchObject(problem);
    expect(cluster.store.resourceVersion).toBe(counter);
    expect(live()).toEqual(reviewsVirtualService([90, 10]).spec);
    expect(cluster.logs[0]).toMatch(/result=invalid status=422/);
  });
});
