import { describe, expect, it } from 'vitest';
import { parseSpanId, parseTraceId } from './trace-id';

describe('parseTraceId', () => {
  it('keeps a 32-digit hex ID, lower-cased and trimmed', () => {
    expect(parseTraceId(' 100CB753C787ED5657C8D88DAFC176ED\n')).toBe('100cb753c787ed5657c8d88dafc176ed');
  });

  it('left-pads a 64-bit (16-digit) ID and one whose leading zeros were stripped', () => {
    expect(parseTraceId('57c8d88dafc176ed')).toBe('000000000000000057c8d88dafc176ed');
    expect(parseTraceId('cb753c787ed5657c8d88dafc176e')).toBe('0000cb753c787ed5657c8d88dafc176e');
  });

  it('decodes base64 of 16 bytes, as in Tempo protobuf JSON', () => {
    expect(parseTraceId('W47/95gDgQPSabYzgT/HAA==')).toBe('5b8efff798038103d269b633813fc700');
    expect(parseTraceId('MUkZX/sL7AU0e0jv6OzBsA==')).toBe('3149195ffb0bec05347b48efe8ecc1b0');
  });

  it('decodes URL-safe and unpadded base64, and base64 of 8 bytes (left-padded)', () => {
    expect(parseTraceId('W47_95gDgQPSabYzgT_HAA')).toBe('5b8efff798038103d269b633813fc700');
    expect(parseTraceId('SyPeJdH7ZkE=')).toBe('00000000000000004b23de25d1fb6641');
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['too long hex', '100cb753c787ed5657c8d88dafc176ed0'],
    ['not hex nor base64', 'trace-id?'],
    ['base64 of the wrong length', 'aGVsbG8gd29ybGQ='],
    ['broken base64', 'hello'],
    ['all zeros', '00000000000000000000000000000000'],
  ])('rejects %s', (_label, input) => {
    expect(parseTraceId(input)).toBeNull();
  });
});

describe('parseSpanId', () => {
  it('accepts 16 hex digits and base64 of 8 bytes', () => {
    expect(parseSpanId('2E6CA056F5FC6FDC')).toBe('2e6ca056f5fc6fdc');
    expect(parseSpanId('SyPeJdH7ZkE=')).toBe('4b23de25d1fb6641');
  });

  it('rejects a trace-sized ID and the zero ID', () => {
    expect(parseSpanId('100cb753c787ed5657c8d88dafc176ed')).toBeNull();
    expect(parseSpanId('W47/95gDgQPSabYzgT/HAA==')).toBeNull();
    expect(parseSpanId('0000000000000000')).toBeNull();
  });
});
