import { describe, expect, it } from 'vitest';
import { openIdFormActions, securityHeaders } from './security-headers.js';

const header = (headers: { key: string; value: string }[], key: string): string | undefined =>
  headers.find((h) => h.key === key)?.value;

describe('securityHeaders', () => {
  it('forbids framing, sniffing and other origins in production', () => {
    const headers = securityHeaders({ dev: false });
    const csp = header(headers, 'Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(header(headers, 'X-Content-Type-Options')).toBe('nosniff');
    expect(header(headers, 'X-Frame-Options')).toBe('DENY');
    expect(header(headers, 'Referrer-Policy')).toBe('same-origin');
  });

  it("lets forms reach the OpenID provider's origin only when that strategy is on", () => {
    expect(
      openIdFormActions({ AUTH_STRATEGY: 'openid', OPENID_ISSUER_URL: 'https://idp.example.com/realms/x' }),
    ).toEqual(['https://idp.example.com']);
    expect(
      openIdFormActions({ AUTH_STRATEGY: 'token', OPENID_ISSUER_URL: 'https://idp.example.com' }),
    ).toEqual([]);
    const csp = header(
      securityHeaders({ dev: false, formActions: ['https://idp.example.com'] }),
      'Content-Security-Policy',
    );
    expect(csp).toContain("form-action 'self' https://idp.example.com");
  });
});
