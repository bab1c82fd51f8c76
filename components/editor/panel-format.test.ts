import { describe, expect, it } from 'vitest';
import { HOST } from './__fixtures__/impact';
import { auditTime, diffLineKind, nodeName, routeWords, sharePercent, splitRows } from './panel-format';

describe('panel-format', () => {
  it('writes node ids as names', () => {
    expect(nodeName('workload:bookinfo/reviews-v1')).toBe('bookinfo/reviews-v1');
    expect(nodeName('unknown')).toBe('unknown');
  });

  it('writes a route in words', () => {
    expect(HOST.routes.map(routeWords)).toEqual([
      'requests with header end-user = jason: to reviews v2 100%',
      'all other requests: to reviews v1 80%, reviews v3 20%; abort with HTTP 503 for 10%; timeout 2s; retries 3 attempts',
    ]);
  });

  it('puts the current and expected split side by side, a workload new to traffic included', () => {
    expect(splitRows(HOST)).toEqual([
      { workload: 'workload:bookinfo/reviews-v1', current: 0.5, requestsPerSecond: 3, expected: 0.8 },
      { workload: 'workload:bookinfo/reviews-v2', current: 0.5, requestsPerSecond: 3, expected: 0 },
      { workload: 'workload:bookinfo/reviews-v3', current: null, requestsPerSecond: 0, expected: 0.2 },
    ]);
    expect(sharePercent(null)).toBe('—');
    expect(sharePercent(0.333)).toBe('33%');
  });

  it('classifies the lines of a unified diff', () => {
    expect(['--- live', '+++ proposed', '@@ -1 +1 @@', '+a', '-b', ' c'].map(diffLineKind)).toEqual([
      'header',
      'header',
      'hunk',
      'add',
      'remove',
      'context',
    ]);
  });

  it('writes audit times to the second, and leaves a bad one as it is', () => {
    expect(auditTime('2026-06-01T03:00:00.123Z')).toMatch(/^2026-0[56]-\d\d \d\d:00:00$/);
    expect(auditTime('not a time')).toBe('not a time');
  });
});
