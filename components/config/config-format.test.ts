import { describe, expect, it } from 'vitest';
import { ageText, configFilterHref, readConfigFilter, yamlOf } from './config-format';

describe('the Config page URL', () => {
  it('reads the graph’s link (ns and name) and a kind', () => {
    expect(readConfigFilter('ns=bookinfo&name=reviews')).toEqual({ name: 'reviews', kind: null });
    expect(readConfigFilter('kind=AuthorizationPolicy')).toEqual({ name: '', kind: 'AuthorizationPolicy' });
    expect(readConfigFilter('kind=Ingress&name=%20')).toEqual({ name: '', kind: null });
  });

  it('changes a filter and keeps the shell’s view', () => {
    expect(configFilterHref('ns=bookinfo&window=1h', { kind: 'VirtualService' })).toBe(
      '/config?ns=bookinfo&window=1h&kind=VirtualService',
    );
    expect(configFilterHref('ns=bookinfo&name=reviews&kind=VirtualService', { name: '', kind: null })).toBe(
      '/config?ns=bookinfo',
    );
    expect(configFilterHref('', {})).toBe('/config');
  });
});

describe('ageText', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');
  it.each([
    ['2026-05-01T11:59:15Z', '45s'],
    ['2026-05-01T11:48:00Z', '12m'],
    ['2026-05-01T09:00:00Z', '3h'],
    ['2026-04-26T12:00:00Z', '5d'],
    ['2026-05-01T12:00:05Z', '0s'],
    [null, '—'],
    ['yesterday', '—'],
  ])('%s is %s', (created, text) => {
    expect(ageText(created, now)).toBe(text);
  });
});

describe('yamlOf', () => {
  it('prints long values on one line, as kubectl does', () => {
    const message = 'x'.repeat(120);
    expect(yamlOf({ metadata: { annotations: { note: message } } })).toBe(
      `metadata:\n  annotations:\n    note: ${message}\n`,
    );
  });
});
