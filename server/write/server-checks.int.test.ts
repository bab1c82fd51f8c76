import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InvalidAnswer } from '@/lib/write/types';
import {
  reviewsVirtualService,
  resetReviews,
  reviewsYaml,
  startWriteCluster,
  type WriteCluster,
} from './__fixtures__/demo-cluster';
import { applyHandler } from './handlers';

/**
 * What the write path learns from the API server: its validation refusals placed in the YAML, and what it would store
 * (a Namespace edit may change labels only, judged on the dry-run result).
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
});

const live = (): unknown => cluster.store.get('vs', 'bookinfo', 'reviews')?.spec;
const edit = (yaml: string): Record<string, unknown> => ({
  kind: 'VirtualService',
  namespace: 'bookinfo',
  name: 'reviews',
  yaml,
  baseResourceVersion: base,
});

describe("the API server's own refusals", () => {
  it('are placed in the YAML too (here with the dashboard validators off)', async () => {
    const unchecked = applyHandler(() => ({ ...cluster.deps, validators: [] }));
    const yaml = reviewsYaml([50, 50]).replace('{host: reviews, subset: v1}', '{host: 7, subset: v1}');
    const { status, body } = await cluster.post(unchecked, edit(yaml));
    expect(status).toBe(422);
    expect((body as unknown as InvalidAnswer).problems[0]).toMatchObject({
      path: 'spec.http[0].route[0].destination.host',
      message: expect.stringMatching(/^spec\.http\[0]\.route\[0]\.destination\.host: /) as string,
      line: 10,
      col: 21,
    });
    expect(live()).toEqual(reviewsVirtualService([90, 10]).spec);
  });
});

describe('Namespace labels (the posture actions)', () => {
  it('may change labels and nothing else', async () => {
    const ns = cluster.store.get('namespaces', undefined, 'payments');
    const nsBase = ns?.metadata.resourceVersion ?? '';
    const yaml = (extra: string): string =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint\n${extra}`;
    const target = {
      kind: 'Namespace',
      namespace: 'payments',
      name: 'payments',
      baseResourceVersion: nsBase,
    };
    const annotated = await cluster.post(cluster.handlers.apply, {
      ...target,
      yaml: yaml('  annotations: {a: b}\n'),
    });
    expect(annotated.status).toBe(422);
    expect((annotated.body as unknown as InvalidAnswer).problems[0]?.message).toMatch(
      /only metadata.labels may be changed on a Namespace/,
    );
    const labelled = await cluster.post(cluster.handlers.apply, { ...target, yaml: yaml('') });
    expect(labelled.status).toBe(200);
    expect(
      cluster.store.get('namespaces', undefined, 'payments')?.metadata.labels?.['istio.io/use-waypoint'],
    ).toBe('waypoint');
  });
});
