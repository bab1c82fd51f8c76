import { describe, expect, it } from 'vitest';
import { anyOfRegex, escapeRegex, MATCH_NOTHING_REGEX } from '@/lib/promql';
import { anchoredRegex, compileMatchers, matchesLabels } from './match';
import type { LabelMatcher } from './types';

const series = { reporter: 'waypoint', destination_workload: 'reviews-v2', response_code: '503' };

function m(label: string, op: LabelMatcher['op'], value: string): LabelMatcher {
  return { label, op, value };
}

describe('matchesLabels', () => {
  it('ANDs the matchers, and an empty list matches every series', () => {
    expect(matchesLabels(series, [])).toBe(true);
    expect(matchesLabels(series, [m('reporter', '=', 'waypoint'), m('response_code', '=~', '5..')])).toBe(
      true,
    );
    expect(matchesLabels(series, [m('reporter', '=', 'waypoint'), m('response_code', '=~', '2..')])).toBe(
      false,
    );
  });

  it('compares equality and inequality literally', () => {
    expect(matchesLabels(series, [m('destination_workload', '=', 'reviews-v2')])).toBe(true);
    expect(matchesLabels(series, [m('destination_workload', '=', 'reviews-v')])).toBe(false);
    expect(matchesLabels(series, [m('destination_workload', '!=', 'reviews-v2')])).toBe(false);
    expect(matchesLabels(series, [m('destination_workload', '=', 'reviews.v2')])).toBe(false);
  });

  it('treats a missing label as the empty string, as PromQL does', () => {
    expect(matchesLabels(series, [m('source_workload', '=', '')])).toBe(true);
    expect(matchesLabels(series, [m('source_workload', '!=', '')])).toBe(false);
    expect(matchesLabels(series, [m('source_workload', '=~', '.*')])).toBe(true);
    expect(matchesLabels(series, [m('source_workload', '=~', '.+')])).toBe(false);
    expect(matchesLabels(series, [m('source_workload', '!~', 'x')])).toBe(true);
  });

  it('anchors regexes at both ends', () => {
    expect(matchesLabels(series, [m('destination_workload', '=~', 'reviews')])).toBe(false);
    expect(matchesLabels(series, [m('destination_workload', '=~', 'reviews.*')])).toBe(true);
    expect(matchesLabels(series, [m('destination_workload', '=~', 'views-v2')])).toBe(false);
    expect(matchesLabels(series, [m('destination_workload', '=~', 'a|reviews-v2')])).toBe(true);
    expect(matchesLabels(series, [m('destination_workload', '!~', 'reviews-v.')])).toBe(false);
  });

  it('agrees with the regexes lib/promql builds: literal escapes, any-of lists, match-nothing', () => {
    const nasty = 'v1.2+(beta)|*?[x]{2}^$\\end';
    expect(matchesLabels({ v: nasty }, [m('v', '=~', escapeRegex(nasty))])).toBe(true);
    expect(matchesLabels({ v: 'axc' }, [m('v', '=~', escapeRegex('a.c'))])).toBe(false);
    expect(matchesLabels({ v: 'a.b' }, [m('v', '=~', anyOfRegex(['a.b', 'c']))])).toBe(true);
    expect(matchesLabels({ v: 'aXb' }, [m('v', '=~', anyOfRegex(['a.b', 'c']))])).toBe(false);
    for (const value of ['', 'x', '\u{10FFFF}']) {
      expect(matchesLabels({ v: value }, [m('v', '=~', MATCH_NOTHING_REGEX)])).toBe(false);
      expect(matchesLabels({ v: value }, [m('v', '!~', MATCH_NOTHING_REGEX)])).toBe(true);
    }
  });

  it('refuses an unknown operator', () => {
    expect(() => matchesLabels(series, [m('reporter', '==' as LabelMatcher['op'], 'x')])).toThrow(RangeError);
  });
});

describe('anchoredRegex (RE2 to JavaScript)', () => {
  const cases: [re2: string, yes: string[], no: string[]][] = [
    ['a.c', ['abc', 'a\nc'], ['ac', 'abcd']],
    ['(?i)reviews', ['REVIEWS', 'reviews'], ['reviews2']],
    ['x(?i:ab)', ['xAB'], ['XAB']],
    ['(?P<n>a+)b', ['aab'], ['b']],
    ['[[:digit:]]+', ['123'], ['12a']],
    ['[]a]+', [']a]'], ['b']],
    ['\\Qa.b\\E', ['a.b'], ['axb']],
    ['\\x{41}\\x42', ['AB'], ['ab']],
    ['\\pL+\\d', ['über1'], ['1']],
    ['\\p{Greek}', ['λ'], ['l']],
    ['a\\-b\\#', ['a-b#'], ['ab']],
    ['a{2}', ['aa'], ['a', 'aaa']],
    ['a{,2}', ['a{,2}'], ['aa']],
    ['\\Aab\\z', ['ab'], ['aab']],
    ['🙂.', ['🙂x'], ['🙂']],
  ];
  for (const [re2, yes, no] of cases) {
    it(`${re2} matches as RE2 would`, () => {
      const regex = anchoredRegex(re2);
      for (const value of yes) expect(regex.test(value), value).toBe(true);
      for (const value of no) expect(regex.test(value), value).toBe(false);
    });
  }

  it('throws a RangeError naming the regex for invalid or unsupported RE2', () => {
    for (const bad of ['(', 'a)', '[a', '\\1', '(?U)a', 'x(?i)y', '\\']) {
      expect(() => anchoredRegex(bad), bad).toThrow(RangeError);
    }
    expect(() => compileMatchers([m('v', '=~', '(')])).toThrow(/invalid regex "\("/);
  });
});
