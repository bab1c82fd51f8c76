import { describe, expect, it } from 'vitest';
import { ParamError } from './params';
import { parseGraphParams } from './graph-params';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const parse = (query: string) => parseGraphParams(new URLSearchParams(query), () => NOW);

function refusal(query: string): { parameter: string; message: string } {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof ParamError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error(`accepted ${query}`);
}

describe('parseGraphParams', () => {
  it('fills the defaults', () => {
    expect(parse('')).toEqual({
      namespaces: '*',
      windowSeconds: 300,
      recentSeconds: null,
      end: null,
      graphType: 'workload',
      layers: 'both',
    });
  });

  it('reads every parameter', () => {
    expect(
      parse(
        'namespaces=bookinfo,payments,bookinfo&window=1h30m&recent=30s&end=2026-05-01T11:00:00Z&graphType=app&layers=l7',
      ),
    ).toEqual({
      namespaces: ['bookinfo', 'payments'],
      windowSeconds: 5_400,
      recentSeconds: 30,
      end: new Date('2026-05-01T11:00:00Z'),
      graphType: 'app',
      layers: 'l7',
    });
    expect(parse('namespaces=*').namespaces).toBe('*');
  });

  it('reads end as unix seconds, and allows a little clock skew', () => {
    expect(parse('end=1777629600.5').end).toEqual(new Date(1_777_629_600_500));
    expect(parse(`end=${(NOW + 30_000) / 1000}`).end?.getTime()).toBe(NOW + 30_000);
  });

  it.each([
    ['window=5', 'window'],
    ['window=30s', 'window'],
    ['window=25h', 'window'],
    ['window=5m;drop', 'window'],
    ['graphType=versioned', 'graphType'],
    ['layers=l3', 'layers'],
    ['end=yesterday', 'end'],
    ['end=2026-13-45T99:00:00Z', 'end'],
    [`end=${(NOW + 3_600_000) / 1000}`, 'end'],
    ['namespaces=Book_Info', 'namespaces'],
    ['window=5m&window=1h', 'window'],
    ['recent=0s', 'recent'],
    ['recent=10', 'recent'],
    ['recent=2m&window=1m', 'recent'],
    ['recent=6m', 'recent'],
  ])('refuses %s naming %s', (query, parameter) => {
    const error = refusal(query);
    expect(error.parameter).toBe(parameter);
    expect(error.message.startsWith(parameter)).toBe(true);
  });

  it('refuses an unknown parameter by name', () => {
    expect(refusal('namespace=bookinfo')).toEqual({
      parameter: 'namespace',
      message: 'unknown parameter "namespace"',
    });
  });

  it('says what a window must be', () => {
    expect(refusal('window=2d').message).toBe(
      'window must be a duration from 1m to 24h, e.g. 5m, 1h or 1h30m',
    );
    expect(refusal('end=2030-01-01T00:00:00Z').message).toBe('end must not be in the future');
    expect(refusal('window=1m&recent=90s').message).toBe(
      'recent must be a duration up to the window, e.g. 5s or 30s',
    );
  });

  it('takes a recent sub-window from 1s up to the window itself', () => {
    expect(parse('recent=1s').recentSeconds).toBe(1);
    expect(parse('recent=5s').recentSeconds).toBe(5);
    expect(parse('window=1m&recent=1m').recentSeconds).toBe(60);
  });
});
