import { describe, expect, it } from 'vitest';
import { MAX_RETURN_TO_LENGTH, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/graph', '/graph'],
    ['/graph?namespaces=bookinfo&window=5m#reviews', '/graph?namespaces=bookinfo&window=5m#reviews'],
    ['/config/VirtualService/bookinfo/reviews', '/config/VirtualService/bookinfo/reviews'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['graph'],
    ['//evil.example'],
    ['//evil.example/graph'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/ /evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['\\\\evil.example'],
    [`/${'a'.repeat(MAX_RETURN_TO_LENGTH)}`],
  ])('refuses %j and falls back to /', (input) => {
    expect(safeReturnTo(input)).toBe('/');
  });

  it('returns the sign-in page only to paths of this site', () => {
    expect(safeReturnTo('/mesh?tab=mtls')).toBe('/mesh?tab=mtls');
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
