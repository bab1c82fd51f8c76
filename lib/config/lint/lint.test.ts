import { describe, expect, it } from 'vitest';
import { bookinfoContext } from '../__fixtures__/cluster';
import { AP_PRODUCTPAGE_ZTUNNEL, REVIEWS_80_20 } from '../__fixtures__/objects';
import { POLICY_ROWS } from '../__fixtures__/lint-rows-policy';
import { ROUTING_ROWS } from '../__fixtures__/lint-rows-routing';
import { LINT_RULES, lintObject } from './index';

/**
 * One table for every rule (rows in `__fixtures__/lint-rows-*.ts`): each rule has rows that fire, with the field
 * path and the gist of the message, and rows that stay silent, from the facts page's cases
 * (docs/istio-ambient.md) and the bookinfo samples.
 */
const ROWS = [...ROUTING_ROWS, ...POLICY_ROWS];

describe('lint rules', () => {
  it.each(ROWS)('%s: %s', (code, _name, object, context, expected) => {
    const found = lintObject(object, context).filter((f) => f.code === code);
    expect(found.map((f) => f.path)).toEqual(expected.map(([path]) => path));
    found.forEach((finding, i) => expect(finding.message).toMatch(expected[i]?.[1] ?? /^$/));
  });

  it('has, for every rule, a row that fires and a row that does not', () => {
    for (const { code } of LINT_RULES) {
      const rows = ROWS.filter((row) => row[0] === code);
      expect(
        rows.some((row) => row[4].length > 0),
        `${code} fires somewhere`,
      ).toBe(true);
      expect(
        rows.some((row) => row[4].length === 0),
        `${code} is silent somewhere`,
      ).toBe(true);
    }
  });

  it('gives each finding its rule’s severity', () => {
    const severities = new Map(LINT_RULES.map((r) => [r.code, r.severity]));
    for (const [, , object, context] of ROWS) {
      for (const finding of lintObject(object, context)) {
        expect(finding.severity).toBe(severities.get(finding.code));
      }
    }
  });
});

describe('lintObject', () => {
  it('keeps rules silent when the snapshot part they read is unknown', () => {
    const noPods = bookinfoContext({ pods: null });
    expect(lintObject(AP_PRODUCTPAGE_ZTUNNEL, noPods)).toEqual([]);
  });

  it('runs the rules on an object whose only schema problem is an unknown field', () => {
    const typo = structuredClone(REVIEWS_80_20) as { spec: { http: { route: object[] }[] } };
    typo.spec.http[0]?.route.push({ destination: { host: 'reviews', subset: 'v4' }, wieght: 10 });
    expect(lintObject(typo, bookinfoContext()).map((f) => [f.code, f.severity, f.path])).toEqual([
      ['subset-missing', 'error', 'spec.http[0].route[2].destination.subset'],
      ['schema', 'error', 'spec.http[0].route[2].wieght'],
    ]);
  });

  it('runs no rule on an object whose schema is broken', () => {
    const broken = { ...REVIEWS_80_20, spec: { hosts: 'reviews' } };
    expect(lintObject(broken, bookinfoContext()).map((f) => f.code)).toEqual(['schema']);
  });

  it('finds nothing in the bookinfo samples on the bookinfo snapshot', () => {
    const clean = ROWS.filter(([code, , , , expected]) => code === 'schema' && expected.length === 0);
    expect(clean.length).toBeGreaterThan(0);
    for (const [, , object, context] of clean) expect(lintObject(object, context)).toEqual([]);
  });
});
