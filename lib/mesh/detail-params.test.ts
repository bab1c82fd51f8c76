import { describe, expect, it } from 'vitest';
import { ParamError } from '@/lib/api/params';
import { ns, pod } from './__fixtures__/cluster';
import {
  namespaceOfPath,
  namespaceVerdict,
  notFoundMessage,
  workloadOfPath,
  workloadVerdict,
  type DetailVerdict,
} from './detail-params';
import type { WorkloadGroup } from './view-inputs';

describe('the names in the path', () => {
  it.each([
    ['/api/mesh/namespaces/bookinfo', 'bookinfo'],
    ['/api/mesh/namespaces/bookinfo/', 'bookinfo'],
    ['/api/mesh/namespaces/kube-system', 'kube-system'],
  ])('%s names namespace %s', (path, namespace) => {
    expect(namespaceOfPath(path)).toBe(namespace);
  });

  it.each([
    ['/api/mesh/workloads/bookinfo/reviews-v2', { namespace: 'bookinfo', name: 'reviews-v2' }],
    ['/api/mesh/workloads/kube-system/coredns', { namespace: 'kube-system', name: 'coredns' }],
    ['/api/mesh/workloads/a/web.v1', { namespace: 'a', name: 'web.v1' }],
  ])('%s names workload %o', (path, subject) => {
    expect(workloadOfPath(path)).toEqual(subject);
  });

  it.each([
    ['/api/mesh/namespaces/Not_A_Name', 'namespace'],
    ['/api/mesh/namespaces/%E0%A4%A', 'namespace'],
    ['/api/mesh/namespaces/a%22b', 'namespace'],
    ['/api/mesh/workloads/bookinfo/Reviews', 'workload'],
    ['/api/mesh/workloads/bookinfo/a%7Db', 'workload'],
    ['/api/mesh/workloads/bad_ns/reviews', 'namespace'],
  ])('refuses %s naming the %s', (path, parameter) => {
    const parse = (): unknown =>
      path.includes('/workloads/') ? workloadOfPath(path) : namespaceOfPath(path);
    expect(parse).toThrow(ParamError);
    try {
      parse();
    } catch (error) {
      expect((error as ParamError).parameter).toBe(parameter);
    }
  });
});

describe('404 decisions', () => {
  const namespaces = [ns('bookinfo'), ns('payments')];
  it.each<[string, typeof namespaces | null, DetailVerdict]>([
    ['bookinfo', namespaces, 'found'],
    ['nowhere', namespaces, 'not-found'],
    ['bookinfo', null, 'unknown'],
  ])('namespace %s -> %s', (name, list, verdict) => {
    expect(namespaceVerdict(list, name)).toBe(verdict);
  });

  const workloads: WorkloadGroup[] = [
    { namespace: 'bookinfo', name: 'reviews-v2', pods: [pod('bookinfo', 'reviews-v2-abc')] },
  ];
  it.each<
    [string, DetailVerdict, WorkloadGroup[] | null, { namespace: string; name: string }, DetailVerdict]
  >([
    ['a workload with pods', 'found', workloads, { namespace: 'bookinfo', name: 'reviews-v2' }, 'found'],
    ['no pod belongs to it', 'found', workloads, { namespace: 'bookinfo', name: 'nope' }, 'not-found'],
    [
      'same name, other namespace',
      'found',
      workloads,
      { namespace: 'payments', name: 'reviews-v2' },
      'not-found',
    ],
    [
      'its namespace does not exist',
      'not-found',
      workloads,
      { namespace: 'nowhere', name: 'x' },
      'not-found',
    ],
    [
      'the pods decide without a Namespace list',
      'unknown',
      workloads,
      { namespace: 'bookinfo', name: 'reviews-v2' },
      'found',
    ],
    ['pods cannot be read', 'found', null, { namespace: 'bookinfo', name: 'reviews-v2' }, 'unknown'],
  ])('%s', (_what, namespace, list, subject, verdict) => {
    expect(workloadVerdict(namespace, list, subject)).toBe(verdict);
  });

  it('says what was not found', () => {
    expect(notFoundMessage({ namespace: 'x' })).toBe('namespace "x" not found');
    expect(notFoundMessage({ namespace: 'x', name: 'y' })).toBe('workload "x/y" not found');
  });
});
