'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SIGN_IN_PATH } from '@/lib/auth/sign-in';
import { sessionQuery, signOut } from '@/lib/queries/auth';

/**
 * Who is signed in (`data-testid="session-user"`, groups in the tooltip) and a "Sign out" button; for anonymous
 * access, a plain "anonymous" tag (the banner says what it means). Nothing while the session is being read.
 */
export function SessionMenu(): ReactNode {
  const { data } = useQuery(sessionQuery());
  if (!data) return null;
  if (data.anonymous) {
    return (
      <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
        anonymous
      </span>
    );
  }
  if (!data.identity) return null;
  const groups = data.identity.groups.filter((g) => g !== 'system:authenticated');
  return (
    <span className="flex items-center gap-2 text-sm">
      <span
        data-testid="session-user"
        title={groups.length > 0 ? `groups: ${groups.join(', ')}` : 'no groups'}
        className="font-medium text-slate-700 dark:text-slate-200"
      >
        {data.identity.user}
      </span>
      {data.strategy !== 'header' && (
        <button
          type="button"
          data-testid="sign-out"
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          onClick={() => {
            void signOut().then(() => window.location.assign(SIGN_IN_PATH));
          }}
        >
          Sign out
        </button>
      )}
    </span>
  );
}
