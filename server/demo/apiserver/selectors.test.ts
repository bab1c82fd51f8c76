import { describe, expect, it } from 'vitest';
import { statusOf } from './__fixtures__/errors';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';

const labels = { app: 'reviews', version: 'v2', 'istio.io/use-waypoint': 'waypoint' };

function matches(selector: string): boolean {
  return matchesLabels(parseLabelSelector(selector), labels);
}

describe('label selectors', () => {
  it('match equality, inequality and the double-equals form', () => {
    expect(matches('app=reviews')).toBe(true);
    expect(matches('app==reviews')).toBe(true);
    expect(matches('app!=reviews')).toBe(false);
    expect(matches('app!=ratings')).toBe(true);
  });

  it('match set-based requirements, including commas inside parentheses', () => {
    expect(matches('version in (v1, v2)')).toBe(true);
    expect(matches('version notin (v1,v3),app=reviews')).toBe(true);
    expect(matches('version in (v1,v3)')).toBe(false);
    expect(matches('missing notin (x)')).toBe(true);
  });

  it('match existence and absence of prefixed keys', () => {
    expect(matches('istio.io/use-waypoint')).toBe(true);
    expect(matches('!istio.io/use-waypoint')).toBe(false);
    expect(matches('!istio.io/dataplane-mode')).toBe(true);
  });

  it('treat an empty selector as everything and require every term', () => {
    expect(matches('')).toBe(true);
    expect(matchesLabels(parseLabelSelector('app'), undefined)).toBe(false);
    expect(matches('app=reviews,version=v1')).toBe(false);
  });

  it('refuse malformed selectors with a 400', () => {
    expect(statusOf(() => parseLabelSelector('app=re views'))).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
    expect(statusOf(() => parseLabelSelector('-bad=x')).message).toMatch(/invalid label key "-bad"/);
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'reviews-1', namespace: 'bookinfo' },
    spec: { nodeName: 'node-a' },
    status: { phase: 'Running' },
  };

  it('match metadata and arbitrary dotted paths', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=reviews-1'), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.namespace==bookinfo,spec.nodeName=node-a'), pod)).toBe(
      true,
    );
    expect(matchesFields(parseFieldSelector('status.phase!=Running'), pod)).toBe(false);
  });

  it('compare a missing field as the empty string', () => {
    expect(matchesFields(parseFieldSelector('spec.hostNetwork='), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.hostNetwork!='), pod)).toBe(false);
  });

  it('refuse a term without an operator', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(/invalid field selector/);
  });
});
