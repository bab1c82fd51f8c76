import { describe, expect, it } from 'vitest';
import type { RetrySettings } from '@/lib/istio/routing-types';
import { fromQuantiles } from './latency';
import type { Target } from './nodes';
import { branchOutcomes, type Served } from './outcomes';
import type { Branch } from './plan-types';
import { variantsOf } from './traffic-model';

const TARGET = {} as Target;
const SERVED: Served = {
  failProb: 0.2,
  ok: fromQuantiles(10, 40),
  fail: fromQuantiles(10, 40),
  requestBytes: 100,
  responseBytes: 1_000,
};
function branch(extra: Partial<Branch> = {}): Branch {
  const base: Branch = {
    share: 1,
    target: TARGET,
    waypoint: null,
    mtls: true,
    stop: null,
    delayMs: 0,
    flags: '-',
    retries: null,
    timeoutMs: null,
  };
  return { ...base, ...extra };
}
const retries = (attempts: number, retryOn: string[]): RetrySettings => ({ attempts, retryOn });
/** Share per `code flags`, rounded. */
function shares(b: Branch, served = SERVED, protocol: 'http' | 'tcp' = 'http'): Record<string, number> {
  const result: Record<string, number> = {};
  for (const o of branchOutcomes(b, protocol, served, 100)) {
    const key = `${o.code} ${o.flags}`;
    result[key] = Number(((result[key] ?? 0) + o.share).toFixed(4));
  }
  return result;
}

describe('branchOutcomes', () => {
  const rows: [string, Branch, Record<string, number>][] = [
    ['no route settings: the destination decides', branch(), { '200 -': 0.8, '500 -': 0.2 }],
    [
      'two retries on 5xx: 0.2³ fail, flagged URX',
      branch({ retries: retries(2, ['5xx']) }),
      { '200 -': 0.992, '500 URX': 0.008 },
    ],
    [
      'retries on gateway-error leave 500s alone',
      branch({ retries: retries(2, ['gateway-error']) }),
      { '200 -': 0.8, '500 -': 0.2 },
    ],
    [
      'a listed status code is retried',
      branch({ retries: retries(1, ['500']) }),
      { '200 -': 0.96, '500 URX': 0.04 },
    ],
    [
      'a delayed branch keeps its DI flag',
      branch({ flags: 'DI', delayMs: 5 }),
      { '200 DI': 0.8, '500 DI': 0.2 },
    ],
    [
      'a timeout at the median cuts about half',
      branch({ timeoutMs: 10 }),
      { '200 -': 0.4, '500 -': 0.1, '504 UT': 0.5 },
    ],
    [
      'a stop ends the branch with its own status',
      branch({ stop: { code: 403, flags: '-', refusedBy: 'l7-policy' } }),
      { '403 -': 1 },
    ],
  ];
  it.each(rows)('%s', (_name, b, expected) => expect(shares(b)).toEqual(expected));

  it('counts the extra attempts of retries', () => {
    const [ok] = branchOutcomes(branch({ retries: retries(2, ['5xx']) }), 'http', SERVED, 100);
    expect(ok?.retries).toBeCloseTo(0.2 + 0.04);
    expect(ok?.reached).toBeCloseTo(1.24);
  });

  it('gives TCP no status, and refused connections no bytes', () => {
    expect(shares(branch(), SERVED, 'tcp')).toEqual({ '0 -': 1 });
    const [refused] = branchOutcomes(
      branch({ stop: { code: 0, flags: 'DENY', refusedBy: 'ztunnel-policy' } }),
      'tcp',
      null,
      100,
    );
    expect(refused).toMatchObject({ code: 0, failed: true, reached: 0, bytes: { sent: 0, received: 0 } });
  });
});

describe('variantsOf', () => {
  it('splits a call by its header shares, the rest without headers, names lower-cased', () => {
    const call = {
      from: null,
      to: { namespace: 'a', service: 'b', port: 1 },
      ratePerSecond: 1,
      path: '/x',
      headers: [{ values: { 'End-User': 'jason' }, share: 0.1 }],
    };
    expect(variantsOf(call)).toEqual([
      { share: 0.1, headers: { 'end-user': 'jason' }, path: '/x' },
      { share: 0.9, headers: {}, path: '/x' },
    ]);
  });
});
