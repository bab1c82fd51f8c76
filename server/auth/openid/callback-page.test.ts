import { describe, expect, it } from 'vitest';
import { loginErrorPath, signedInPage } from './callback-page';

describe('signedInPage', () => {
  it('moves on to the return path with a meta refresh and a link, sending no referrer', () => {
    const page = signedInPage('/graph?namespaces=bookinfo&window=5m');
    expect(page).toContain(
      '<meta http-equiv="refresh" content="0;url=/graph?namespaces=bookinfo&amp;window=5m">',
    );
    expect(page).toContain('<a href="/graph?namespaces=bookinfo&amp;window=5m">');
    expect(page).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('escapes what could end the attribute', () => {
    const page = signedInPage(`/x"><script>alert('x')</script>`);
    expect(page).not.toContain('<script>');
    expect(page).toContain('content="0;url=/x&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"');
  });
});

describe('loginErrorPath', () => {
  it('carries the message as the error parameter', () => {
    const path = loginErrorPath('the identity provider refused the sign-in: access_denied (no & no)');
    expect(path.startsWith('/login?error=')).toBe(true);
    expect(new URL(path, 'http://x').searchParams.get('error')).toBe(
      'the identity provider refused the sign-in: access_denied (no & no)',
    );
  });
});
