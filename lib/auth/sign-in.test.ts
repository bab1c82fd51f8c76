import { describe, expect, it } from 'vitest';
import { isUnauthenticated, signInUrl } from './sign-in';

describe('sign-in helpers', () => {
  it('recognises only the API 401 with code unauthenticated', () => {
    expect(isUnauthenticated(401, { error: { code: 'unauthenticated', message: 'sign in first' } })).toBe(
      true,
    );
    expect(isUnauthenticated(401, { error: { message: 'upstream 401' } })).toBe(false);
    expect(isUnauthenticated(403, { error: { code: 'unauthenticated' } })).toBe(false);
    expect(isUnauthenticated(401, null)).toBe(false);
  });

  it('keeps where the user was and why', () => {
    expect(signInUrl('/graph?ns=bookinfo', 'your session has expired: sign in again')).toBe(
      '/login?next=%2Fgraph%3Fns%3Dbookinfo&reason=your+session+has+expired%3A+sign+in+again',
    );
  });
});
