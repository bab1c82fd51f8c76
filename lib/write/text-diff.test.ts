import { describe, expect, it } from 'vitest';
import { objectDiff, objectYaml, unifiedDiff } from './text-diff';

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`): string =>
  Array.from({ length: n }, (_, i) => `${f(i + 1)}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { from: 'a', to: 'b' })).toBe('');
  });

  it('shows a change with three lines of context, as diff -u', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff(before, after, { from: 'live', to: 'proposed' })).toBe(
      [
        '--- live',
        '+++ proposed',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('merges close changes into one hunk and keeps distant ones apart', () => {
    const before = lines(30);
    const after = before.replace('line 3\n', 'x\n').replace('line 8\n', 'y\n').replace('line 25\n', '');
    const diff = unifiedDiff(before, after, { from: 'a', to: 'b' });
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual([
      '@@ -1,11 +1,11 @@',
      '@@ -22,7 +22,6 @@',
    ]);
  });

  it('diffs a create and a delete against nothing', () => {
    expect(unifiedDiff('', 'a\nb\n', { from: 'a', to: 'b' })).toBe('--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a\n', '', { from: 'a', to: 'b' })).toBe('--- a\n+++ b\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('stays fast on a large object with a one-line change', () => {
    const before = lines(20_000);
    const after = before.replace('line 10000\n', 'changed\n');
    const started = performance.now();
    const diff = unifiedDiff(before, after, { from: 'a', to: 'b' });
    expect(diff).toContain('-line 10000\n+changed\n');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('objectYaml and objectDiff', () => {
  const object = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bookinfo', resourceVersion: '7', labels: { a: 'b' } },
    status: { phase: 'Active' },
  };

  it('render without server-managed fields', () => {
    expect(objectYaml(object)).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n  labels:\n    a: b\n',
    );
    expect(objectYaml(null)).toBe('');
  });

  it('diff the renderings', () => {
    const after = { ...object, metadata: { ...object.metadata, resourceVersion: '8', labels: { a: 'c' } } };
    expect(objectDiff(object, after, { from: 'live', to: 'proposed' })).toContain('-    a: b\n+    a: c\n');
  });
});
