import { describe, expect, it } from 'vitest';
import {
  escapeHelp,
  escapeLabelValue,
  familyHeader,
  formatValue,
  labelPairs,
  TEXT_CONTENT_TYPE,
} from './text-format';

describe('the text format pieces', () => {
  it('escapes backslash, double quote and line feed in label values, and nothing else', () => {
    expect(escapeLabelValue('plain-value_1.2')).toBe('plain-value_1.2');
    expect(escapeLabelValue('a\\b')).toBe('a\\\\b');
    expect(escapeLabelValue('say "hi"')).toBe('say \\"hi\\"');
    expect(escapeLabelValue('two\nlines')).toBe('two\\nlines');
    expect(escapeLabelValue('\\"\n')).toBe('\\\\\\"\\n');
    expect(escapeLabelValue('tab\tand ünïcode ✓')).toBe('tab\tand ünïcode ✓');
  });

  it('escapes backslash and line feed in help texts, keeping double quotes', () => {
    expect(escapeHelp('The "total" \\ number\nof requests')).toBe('The "total" \\\\ number\\nof requests');
  });

  it('writes numbers as the format spells them', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(7)).toBe('7');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(1e21)).toBe('1e+21');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
    expect(formatValue(NaN)).toBe('NaN');
  });

  it('joins label pairs in the labels’ order, escaped', () => {
    expect(labelPairs({ b: '1', a: 'x"y' })).toBe('b="1",a="x\\"y"');
    expect(labelPairs({ empty: '' })).toBe('empty=""');
    expect(labelPairs({})).toBe('');
  });

  it('declares a family with HELP then TYPE', () => {
    expect(familyHeader({ name: 'istio_requests_total', kind: 'counter', help: 'The total number' })).toBe(
      '# HELP istio_requests_total The total number\n# TYPE istio_requests_total counter\n',
    );
    expect(TEXT_CONTENT_TYPE).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
