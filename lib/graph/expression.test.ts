import { describe, expect, it } from 'vitest';
import { appliesTo, matches, parseExpression, type Expr, type Subject } from './expression';

const reviews: Subject = {
  name: 'reviews-v2',
  ns: 'bookinfo',
  kind: 'workload',
  dataplane: 'ambient',
  app: 'reviews',
  version: 'v2',
  waypoint: 'waypoint',
  health: 'degraded',
  rps: 6.67,
  errorRate: 0.04,
  l7policy: false,
  vs: true,
};
const client: Subject = {
  name: 'client',
  ns: 'outside',
  kind: 'workload',
  dataplane: 'none',
  waypoint: null,
};
const l7Edge: Subject = {
  health: 'failing',
  protocol: 'http',
  layer: 'L7',
  rps: 3.34,
  errorRate: 0.25,
  p50: 5,
  p95: 15,
  p99: 40,
  mtls: 1,
};
const l4Edge: Subject = { health: 'healthy', protocol: 'tcp', layer: 'L4', rps: 0, errorRate: 0, mtls: 0.4 };

function parsed(input: string): Expr {
  const result = parseExpression(input);
  if (!result.ok) throw new Error(`${input}: ${result.error.message}`);
  if (result.expr === null) throw new Error(`${input}: empty`);
  return result.expr;
}

describe('parseExpression and matches', () => {
  it.each<[string, Subject, boolean]>([
    ['errorRate > 0.05', l7Edge, true],
    ['errorRate > 0.05', reviews, false],
    ['errorRate > 5%', l7Edge, true],
    ['error >= 25%', l7Edge, true],
    ['rps >= 10', l7Edge, false],
    ['rps < 10', l7Edge, true],
    ['p95 > 200', l7Edge, false],
    ['p95 > 10ms', l7Edge, true],
    ['p99 >= 0.04s', l7Edge, true],
    ['p95 > 10', l4Edge, false],
    ['ns = bookinfo', reviews, true],
    ['namespace == bookinfo', client, false],
    ['ns != bookinfo', client, true],
    ['name = reviews*', reviews, true],
    ['name = REVIEWS-*', reviews, true],
    ['name = *-v2', reviews, true],
    ['name = reviews', reviews, false],
    ['name = "reviews-v2"', reviews, true],
    ['kind = waypoint', reviews, false],
    ['dataplane = sidecar', reviews, false],
    ['mode = ambient', reviews, true],
    ['health = failing', l7Edge, true],
    ['health = degraded', reviews, true],
    ['mtls', l7Edge, true],
    ['mtls', l4Edge, false],
    ['!mtls', l4Edge, true],
    ['!mtls', l7Edge, false],
    ['mtls < 0.5', l4Edge, true],
    ['vs', reviews, true],
    ['!l7policy', reviews, true],
    ['vs = false', reviews, false],
    ['waypoint', reviews, true],
    ['waypoint', client, false],
    ['ns = bookinfo and health = degraded', reviews, true],
    ['ns = bookinfo && health = failing', reviews, false],
    ['ns = outside or name = reviews*', reviews, true],
    ['ns = outside || ns = legacy', reviews, false],
    ['not ns = bookinfo', reviews, false],
    ['not (ns = outside or kind = waypoint)', reviews, true],
    ['ns = a or ns = bookinfo and health = failing', reviews, false],
    ['(ns = a or ns = bookinfo) and health = degraded', reviews, true],
    ['ns=bookinfo', reviews, true],
    ['NS = bookinfo AND rps>5', reviews, true],
  ])('%s on %o is %s', (input, subject, expected) => {
    expect(matches(parsed(input), subject)).toBe(expected);
  });

  it('takes an empty or blank input as no expression', () => {
    expect(parseExpression('')).toEqual({ ok: true, expr: null });
    expect(parseExpression('   ')).toEqual({ ok: true, expr: null });
  });

  it('does not match a field the element lacks, whichever way it is compared', () => {
    expect(matches(parsed('name != x'), l7Edge)).toBe(false);
    expect(matches(parsed('p95 != 3'), reviews)).toBe(false);
  });
});

describe('parse errors', () => {
  it.each<[string, RegExp, number]>([
    ['errorRate >', /expected a value after ">"/, 12],
    ['errorRate > high', /errorRate takes a number, not "high"/, 13],
    ['latncy > 200', /unknown field "latncy"/, 1],
    ['ns > bookinfo', /ns can only be compared with = or !=/, 4],
    ['(ns = bookinfo', /missing "\)"/, 1],
    ['ns = bookinfo)', /"\)" without a matching "\("/, 14],
    ['ns = bookinfo rps > 1', /expected "and" or "or" before "rps"/, 15],
    ['ns = bookinfo and', /expected a field/, 18],
    ['= 3', /expected a field before "="/, 1],
    ['name = "reviews', /unclosed quote/, 8],
    ['rps > 1 & ns = a', /unexpected character "&"/, 9],
    ['vs = maybe', /vs is true or false/, 6],
    ['constructor', /unknown field "constructor"/, 1],
  ])('%s: %s at column %i', (input, message, column) => {
    const result = parseExpression(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(result.error.column).toBe(column);
  });
});

describe('appliesTo', () => {
  it.each<[string, boolean, boolean]>([
    ['ns = bookinfo', true, false],
    ['!mtls', false, true],
    ['errorRate > 0.05', true, true],
    ['health = failing', true, true],
    ['ns = bookinfo and p95 > 100', false, false],
    ['rps > 1 or layer = L4', false, true],
  ])('%s: nodes %s, edges %s', (input, nodes, edges) => {
    const expr = parsed(input);
    expect(appliesTo(expr, 'node')).toBe(nodes);
    expect(appliesTo(expr, 'edge')).toBe(edges);
  });
});
