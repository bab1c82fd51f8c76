import { describe, expect, it } from 'vitest';
import { parseAnyValue, parseAttributes, parseKind, parseStatus } from './otlp-values';

describe('parseKind', () => {
  it('reads enum names and numbers alike', () => {
    expect(parseKind('SPAN_KIND_SERVER')).toBe('server');
    expect(parseKind(2)).toBe('server');
    expect(parseKind(3)).toBe('client');
    expect(parseKind('SPAN_KIND_PRODUCER')).toBe('producer');
  });

  it('gives unspecified for missing or unknown kinds', () => {
    expect(parseKind(undefined)).toBe('unspecified');
    expect(parseKind(9)).toBe('unspecified');
    expect(parseKind('SPAN_KIND_TELEPATHY')).toBe('unspecified');
  });
});

describe('parseStatus', () => {
  it('reads codes as names or numbers, with the message when present', () => {
    expect(parseStatus({ code: 'STATUS_CODE_ERROR', message: 'boom' })).toEqual({
      code: 'error',
      message: 'boom',
    });
    expect(parseStatus({ code: 2 })).toEqual({ code: 'error' });
    expect(parseStatus({ code: 1 })).toEqual({ code: 'ok' });
    expect(parseStatus({ code: 'STATUS_CODE_OK', message: '' })).toEqual({ code: 'ok' });
  });

  it('reads an empty or missing status as unset', () => {
    expect(parseStatus({})).toEqual({ code: 'unset' });
    expect(parseStatus(undefined)).toEqual({ code: 'unset' });
  });
});

describe('parseAnyValue', () => {
  it('reads 64-bit integers given as strings or numbers', () => {
    expect(parseAnyValue({ intValue: '42' })).toBe(42);
    expect(parseAnyValue({ intValue: -7 })).toBe(-7);
    expect(parseAnyValue({ intValue: '-9007199254740993' })).toBe('-9007199254740993');
  });

  it('reads doubles, keeping NaN and infinities as strings so the model stays JSON', () => {
    expect(parseAnyValue({ doubleValue: 1.5 })).toBe(1.5);
    expect(parseAnyValue({ doubleValue: '2.5' })).toBe(2.5);
    expect(parseAnyValue({ doubleValue: 'NaN' })).toBe('NaN');
    expect(parseAnyValue({ doubleValue: '-Infinity' })).toBe('-Infinity');
  });

  it('reads booleans, including false', () => {
    expect(parseAnyValue({ boolValue: false })).toBe(false);
  });

  it('flattens nested arrays and key-value lists to JSON text', () => {
    const nested = {
      arrayValue: { values: [{ intValue: '1' }, { arrayValue: { values: [{ boolValue: true }] } }] },
    };
    expect(parseAnyValue(nested)).toBe('[1,"[true]"]');
    expect(parseAnyValue({ kvlistValue: { values: [{ key: 'a', value: { stringValue: 'b' } }] } })).toBe(
      '{"a":"b"}',
    );
  });

  it('gives undefined for empty values', () => {
    expect(parseAnyValue({})).toBeUndefined();
    expect(parseAnyValue(null)).toBeUndefined();
  });
});

describe('parseAttributes', () => {
  it('drops entries without a key or a value, and cannot be used to set a prototype', () => {
    const attributes = parseAttributes([
      { key: 'ok', value: { stringValue: 'yes' } },
      { value: { stringValue: 'no key' } },
      { key: 'empty', value: {} },
      { key: '__proto__', value: { stringValue: 'polluted' } },
    ]);
    expect(Object.keys(attributes)).toEqual(['ok', '__proto__']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('polluted');
  });

  it('reads a missing list as no attributes', () => {
    expect(parseAttributes(undefined)).toEqual({});
  });
});
