'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { sessionQuery } from '@/lib/queries/auth';

/** The standing warning of `AUTH_STRATEGY=anonymous`: every visitor has the dashboard's own Kubernetes rights. */
export function AnonymousBanner(): ReactNode {
  const { data } = useQuery(sessionQuery());
  if (!data?.anonymous) return null;
  return (
    <div
      role="note"
      data-testid="anonymous-banner"
      className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <strong>Anonymous access.</strong> Nobody signs in: everyone who can reach this page sees and changes
      what the dashboard&apos;s own Kubernetes identity may. For local use and demos only; set AUTH_STRATEGY
      to token, openid or header anywhere else.
    </div>
  );
}
