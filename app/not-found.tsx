import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound(): ReactNode {
  return (
    <EmptyState testId="not-found" title="There is no page at this address">
      <Link href="/" className="text-sky-700 hover:underline dark:text-sky-400">
        Go to the overview
      </Link>
    </EmptyState>
  );
}
