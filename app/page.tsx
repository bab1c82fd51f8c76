import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { NamespaceTable } from '@/components/overview/namespace-table';
import { SourceCards } from '@/components/overview/source-cards';
import { PageTitle } from '@/components/ui/page-title';

export default function OverviewPage(): ReactNode {
  return (
    <>
      <PageTitle title="Overview">What the dashboard can read, and the namespaces of the cluster.</PageTitle>
      <Suspense>
        <SourceCards />
        <h2 className="mt-6 mb-2 text-base font-semibold">Namespaces</h2>
        <NamespaceTable />
      </Suspense>
    </>
  );
}
