import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './diagnostics';

const TEXT = 'kind: VirtualService\nspec:\n  htpp: []\n';

describe('diagnosticsOf', () => {
  it('underlines the word at the line and column', () => {
    const [d] = diagnosticsOf(TEXT, [{ path: 'spec.htpp', message: 'unknown field', line: 3, col: 3 }]);
    expect(d).toEqual({ from: 29, to: 33, severity: 'error', message: 'spec.htpp: unknown field' });
    expect(TEXT.slice(d?.from, d?.to)).toBe('htpp');
  });

  it('marks the first line for a problem without a place, and clamps places past the end', () => {
    expect(diagnosticsOf(TEXT, [{ path: '', message: 'the YAML is empty' }])[0]).toMatchObject({
      from: 0,
      to: 20,
    });
    const [late] = diagnosticsOf(TEXT, [{ path: 'x', message: 'm', line: 99, col: 99 }]);
    expect(late?.from).toBeLessThanOrEqual(TEXT.length);
  });
});
