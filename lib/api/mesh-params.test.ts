import { describe, expect, it } from 'vitest';
import { thrown } from '@/lib/testing/thrown';
import { ParamError } from './params';
import { parseMeshOverviewParams } from './mesh-params';

const parse = (query: string): ReturnType<typeof parseMeshOverviewParams> =>
  parseMeshOverviewParams(new URLSearchParams(query));

describe('parseMeshOverviewParams', () => {
  it('takes the graph’s window, 5 minutes by default', () => {
    expect(parse('')).toEqual({ windowSeconds: 300 });
    expect(parse('window=1h')).toEqual({ windowSeconds: 3600 });
  });

  it.each([
    ['window=10s', 'window'],
    ['window=2d', 'window'],
    ['namespaces=bookinfo', 'namespaces'],
    ['window=5m&window=1h', 'window'],
  ])('refuses %s, naming %s', (query, parameter) => {
    expect(thrown(() => parse(query), ParamError).parameter).toBe(parameter);
  });
});
