import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { HistoryView } from '@/components/editor/history-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'History · Config · MeshLens' };

export default function ConfigHistoryPage(): ReactNode {
  return (
    <>
      <PageTitle title="History of changes">
        Every change made through the dashboard, newest first, from the audit records kept in the cluster.
        Each can be reverted in one click; a revert is refused when the object changed since, rather than
        overwrite it.
      </PageTitle>
      <Suspense>
        <HistoryView />
      </Suspense>
    </>
  );
}
