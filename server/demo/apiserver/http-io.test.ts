import { describe, expect, it } from 'vitest';
import { statusOf } from './__fixtures__/errors';
import { parseBody } from './http-io';
import { paginate } from './read-handlers';
import { kubeconfigYaml } from './kubeconfig';
import { parse } from 'yaml';

describe('parseBody', () => {
  it('parses JSON, and YAML for YAML content types', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('metadata:\n  name: x\n', 'application/apply-patch+yaml')).toEqual({
      metadata: { name: 'x' },
    });
  });

  it('refuses malformed, empty, multi-document and protobuf bodies', () => {
    expect(statusOf(() => parseBody('{"a":', 'application/json'))).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
    expect(statusOf(() => parseBody('a: [1', 'application/yaml')).message).toMatch(/not valid YAML/);
    expect(statusOf(() => parseBody('a: 1\n---\nb: 2\n', 'application/yaml')).message).toMatch(
      /exactly one YAML document/,
    );
    expect(statusOf(() => parseBody('  ', 'application/json')).code).toBe(400);
    expect(statusOf(() => parseBody('k8s\u0000', 'application/vnd.kubernetes.protobuf')).code).toBe(415);
  });
});

describe('paginate', () => {
  const items = ['a', 'b', 'c'].map((name) => ({ metadata: { namespace: 'n', name } }));

  it('pages with limit and continue until the end', () => {
    const first = paginate(items, '2', null);
    expect(first.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
    expect(first.remaining).toBe(1);
    const second = paginate(items, '2', first.continueToken ?? null);
    expect(second.items.map((i) => i.metadata.name)).toEqual(['c']);
    expect(second.continueToken).toBeUndefined();
    expect(statusOf(() => paginate(items, null, 'garbage')).code).toBe(400);
  });
});

describe('kubeconfigYaml', () => {
  it('points one context at the server, with client-node able to use plain HTTP', () => {
    const doc = parse(kubeconfigYaml('http://127.0.0.1:1234', { namespace: 'bookinfo' })) as Record<
      string,
      unknown
    >;
    expect(doc['current-context']).toBe('meshlens-demo');
    expect(doc['clusters']).toEqual([
      {
        name: 'meshlens-demo',
        cluster: { server: 'http://127.0.0.1:1234', 'insecure-skip-tls-verify': true },
      },
    ]);
    expect(doc['contexts']).toEqual([
      {
        name: 'meshlens-demo',
        context: { cluster: 'meshlens-demo', user: 'meshlens-demo', namespace: 'bookinfo' },
      },
    ]);
  });
});
