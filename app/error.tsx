'use client';

import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';

/**
 * Shown inside the shell when a page fails to render, so that navigation, status lights and the banner stay usable.
 * Only the digest is shown: the server's error message and stack stay in its log.
 */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}): ReactNode {
  return (
    <EmptyState testId="page-error" title="This page could not be shown">
      <p>
        The rest of the dashboard still works; the server log has the details
        {error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded bg-sky-600 px-3 py-1.5 text-white hover:bg-sky-700"
      >
        Try again
      </button>
    </EmptyState>
  );
}
