import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  countsFromCodes,
  failureClassOf,
  healthOf,
  parseThresholds,
  worstHealth,
} from './health';

const of = (codes: Record<string, number>) => healthOf(countsFromCodes(codes));

describe('healthOf with the default thresholds', () => {
  it('is idle without traffic, healthy with only successes', () => {
    expect(of({})).toBe('idle');
    expect(of({ '200': 0 })).toBe('idle');
    expect(of({ '200': 10, '302': 1 })).toBe('healthy');
  });

  it('is degraded by any 5xx and failing from 10%', () => {
    expect(of({ '200': 999, '503': 1 })).toBe('degraded');
    expect(of({ '200': 91, '500': 9 })).toBe('degraded');
    expect(of({ '200': 90, '500': 10 })).toBe('failing');
  });

  it('counts refused connections (code 0) as 5xx', () => {
    expect(of({ '0': 1 })).toBe('failing');
  });

  it('tolerates 4xx below 10%, degraded from 10%, failing from 20%', () => {
    expect(of({ '200': 91, '404': 9 })).toBe('healthy');
    expect(of({ '200': 90, '403': 10 })).toBe('degraded');
    expect(of({ '200': 80, '403': 20 })).toBe('failing');
  });

  it('takes the worst class', () => {
    expect(of({ '200': 70, '404': 25, '503': 5 })).toBe('failing');
  });

  it('judges counts that are not codes, e.g. gRPC errors filed as 5xx', () => {
    expect(healthOf({ total: 10, failed: { '5xx': 2 } })).toBe('failing');
  });
});

describe('thresholds', () => {
  it('can be overridden per call', () => {
    const lenient = { ...DEFAULT_THRESHOLDS, '5xx': { degraded: 0.05, failing: 0.5 } };
    expect(healthOf(countsFromCodes({ '200': 97, '503': 3 }), lenient)).toBe('healthy');
    expect(healthOf(countsFromCodes({ '200': 90, '503': 10 }), lenient)).toBe('degraded');
  });

  it('parse from percent text, keeping the classes not named', () => {
    expect(parseThresholds('5xx=1/25')).toEqual({
      '5xx': { degraded: 0.01, failing: 0.25 },
      '4xx': DEFAULT_THRESHOLDS['4xx'],
    });
    expect(parseThresholds(' 4xx=5/7.5 , ')['4xx']).toEqual({ degraded: 0.05, failing: 0.075 });
  });

  it.each(['5xx=10', '3xx=1/2', '5xx=20/10', '5xx=1/200', '5xx=-1/2'])('refuses %s', (text) => {
    expect(() => parseThresholds(text)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('classifies codes', () => {
    expect(['200', '0', '503', '404', '-', 'x'].map(failureClassOf)).toEqual([
      undefined,
      '5xx',
      '5xx',
      '4xx',
      undefined,
      undefined,
    ]);
  });

  it('orders healths', () => {
    expect(worstHealth([])).toBe('unknown');
    expect(worstHealth(['idle', 'healthy'])).toBe('healthy');
    expect(worstHealth(['degraded', 'failing', 'healthy'])).toBe('failing');
  });
});
