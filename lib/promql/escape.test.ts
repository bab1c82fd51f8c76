import { describe, expect, it } from 'vitest';
import { anyOfRegex, escapeLabelValue, escapeRegex, quoteLabelValue } from './escape';

/** RE2 and JavaScript agree on escaped metacharacters, so a JS regex stands in for Prometheus's anchoring here. */
function promRegex(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'u');
}

describe('escapeLabelValue', () => {
  it('escapes backslash, double quote, newline and carriage return, and nothing else', () => {
    expect(escapeLabelValue('a\\b"c\nd\re')).toBe('a\\\\b\\"c\\nd\\re');
    expect(escapeLabelValue(`}{#'\`\t ünï`)).toBe(`}{#'\`\t ünï`);
  });

  it('escapes a backslash before a quote so that the quote cannot close the string', () => {
    expect(quoteLabelValue('\\"')).toBe('"\\\\\\""');
  });
});

describe('escapeRegex', () => {
  const nasty = 'v1.2+(beta)|*?[x]{2}^$\\end';

  it('makes every RE2 metacharacter literal', () => {
    expect(promRegex(escapeRegex(nasty)).test(nasty)).toBe(true);
    expect(promRegex(escapeRegex('a.c')).test('abc')).toBe(false);
    expect(promRegex(escapeRegex('a|b')).test('a')).toBe(false);
    expect(promRegex(escapeRegex('a*')).test('aaa')).toBe(false);
  });

  it('leaves ordinary characters alone', () => {
    expect(escapeRegex('reviews-v2_x/y')).toBe('reviews-v2_x/y');
  });
});

describe('anyOfRegex', () => {
  it('matches exactly the listed values, literally', () => {
    const re = promRegex(anyOfRegex(['bookinfo', 'a.b', 'x|y']));
    for (const yes of ['bookinfo', 'a.b', 'x|y']) expect(re.test(yes)).toBe(true);
    for (const no of ['', 'bookinfo2', 'xbookinfo', 'aXb', 'x', 'y', 'a.b|bookinfo'])
      expect(re.test(no)).toBe(false);
  });

  it('is anchored even where regexes are not anchored implicitly', () => {
    expect(new RegExp(anyOfRegex(['ab'])).test('xaby')).toBe(false);
  });

  it('turns an empty list into a regex that matches nothing rather than the empty string', () => {
    expect(anyOfRegex([])).toBe('[^\\x00-\\x{10FFFF}]');
  });
});
