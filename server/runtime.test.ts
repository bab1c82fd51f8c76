import { describe, expect, it } from 'vitest';
import { isSupportedNode } from './runtime';

describe('isSupportedNode', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.18.0', false],
    ['v22.19.0', true],
    ['v24.21.0', true],
    ['26.0.0', true],
  ])('%s -> %s', (version, supported) => {
    expect(isSupportedNode(version)).toBe(supported);
  });
});
