import { describe, expect, it } from 'vitest';
import { locateProblems, parseManifest } from './manifest';
import type { WriteProblem } from './types';

const vs = (metadata: string, head = 'apiVersion: networking.istio.io/v1\nkind: VirtualService'): string =>
  `${head}\nmetadata:\n${metadata}\nspec:\n  hosts: [reviews]\n`;

const target = { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' };

function problemsOf(text: string, expected: Parameters<typeof parseManifest>[1] = target): WriteProblem[] {
  const result = parseManifest(text, expected);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseManifest', () => {
  it('reads one object of the edited kind, fills in the namespace, and knows the row and version', () => {
    const result = parseManifest(vs('  name: reviews'), target);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.object).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { hosts: ['reviews'] },
    });
    expect(result.kind.plural).toBe('virtualservices');
    expect(result.version).toBe('v1');
    expect(result.locate('spec.hosts[0]')).toEqual({ line: 6, col: 11 });
  });

  it('accepts JSON, an older served version, a trailing document separator, and a new object without a name', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: { name: 'ratings', namespace: 'bookinfo' },
    });
    const result = parseManifest(`${json}\n---\n`, { kind: 'VirtualService', namespace: 'bookinfo' });
    expect(result.ok && result.version).toBe('v1beta1');
  });

  it.each<[string, string, Partial<WriteProblem>]>([
    ['empty text', '  \n', { path: '', message: 'the YAML is empty: paste one object' }],
    [
      'an unterminated flow list',
      'kind: VirtualService\nspec:\n  hosts: [reviews\n',
      { message: expect.stringMatching(/^malformed YAML: Flow sequence/) as string, line: 4, col: 1 },
    ],
    [
      'a duplicate key',
      vs('  name: reviews\n  name: other'),
      { message: 'malformed YAML: Map keys must be unique', line: 5, col: 3 },
    ],
    [
      'a tab as indentation',
      'kind: VirtualService\nmetadata:\n\tname: x\n',
      { message: expect.stringMatching(/^malformed YAML: Tabs are not allowed/) as string, line: 3 },
    ],
    [
      'two documents',
      `${vs('  name: reviews')}---\n${vs('  name: ratings')}`,
      { message: 'one object per edit: the text holds 2 YAML documents', line: 7, col: 1 },
    ],
    [
      'a list',
      '- a\n- b\n',
      { message: 'the YAML must be one object (a mapping), not a list or a value', line: 1 },
    ],
    [
      'another kind',
      vs('  name: reviews', 'apiVersion: networking.istio.io/v1\nkind: DestinationRule'),
      {
        path: 'kind',
        message: 'kind is DestinationRule, but this edit is for a VirtualService',
        line: 2,
        col: 1,
      },
    ],
    [
      'a wrong apiVersion',
      vs('  name: reviews', 'apiVersion: networking.istio.io/v2\nkind: VirtualService'),
      {
        path: 'apiVersion',
        message:
          'apiVersion networking.istio.io/v2 is not one of networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3 for VirtualService',
        line: 1,
        col: 1,
      },
    ],
    [
      'the group of another kind',
      vs('  name: reviews', 'apiVersion: security.istio.io/v1\nkind: VirtualService'),
      { path: 'apiVersion', line: 1 },
    ],
    [
      'another namespace',
      vs('  name: reviews\n  namespace: payments'),
      {
        path: 'metadata.namespace',
        message: 'metadata.namespace is payments, but this edit is for namespace bookinfo',
        line: 5,
        col: 3,
      },
    ],
    ['no name', vs('  labels: {}'), { path: 'metadata.name', message: 'metadata.name is missing', line: 3 }],
    [
      'another name',
      vs('  name: ratings'),
      {
        path: 'metadata.name',
        message: 'metadata.name is ratings, but this edit is for reviews (renaming is not an edit)',
        line: 4,
        col: 3,
      },
    ],
    ['an invalid name', vs('  name: Reviews_1'), { path: 'metadata.name', line: 4 }],
  ])('refuses %s, naming the problem and where it is', (_what, text, expected) => {
    expect(problemsOf(text)[0]).toMatchObject(expected);
  });

  it('refuses a kind the dashboard does not write, naming the ones it does', () => {
    const [problem] = problemsOf('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n', {
      namespace: 'bookinfo',
    });
    expect(problem?.message).toMatch(
      /^the dashboard does not write Secret objects \(it writes VirtualService, /,
    );
  });

  it('edits a Namespace as its own namespace: no metadata.namespace, and only that one', () => {
    const ns = (name: string, extra = ''): string =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${extra}`;
    const expected = { kind: 'Namespace', namespace: 'bookinfo', name: 'bookinfo' };
    expect(parseManifest(ns('bookinfo'), expected).ok).toBe(true);
    expect(problemsOf(ns('bookinfo', '  namespace: bookinfo\n'), expected)[0]?.message).toBe(
      'a Namespace has no namespace',
    );
    expect(problemsOf(ns('payments'), { kind: 'Namespace', namespace: 'bookinfo' })[0]?.message).toBe(
      'this edit is for the Namespace bookinfo, not payments',
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(problemsOf(bomb.join('\n'))[0]?.message).toMatch(/^malformed YAML: .*alias/i);
  });
});

describe('locateProblems', () => {
  it('places paths found on the object, down to the deepest field that exists', () => {
    const result = parseManifest(vs('  name: reviews\n  labels:\n    istio.io/rev: "1"'), target);
    if (!result.ok) throw new Error('expected an object');
    expect(
      locateProblems(
        [
          { path: 'spec.hosts', message: 'a' },
          { path: 'metadata.labels["istio.io/rev"]', message: 'b' },
          { path: 'spec.http[0].route', message: 'c' },
        ],
        result.locate,
      ),
    ).toEqual([
      { path: 'spec.hosts', message: 'a', line: 8, col: 3 },
      { path: 'metadata.labels["istio.io/rev"]', message: 'b', line: 6, col: 5 },
      { path: 'spec.http[0].route', message: 'c', line: 7, col: 1 },
    ]);
  });
});
