import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { MeshPosture } from '@/components/overview/mesh-posture';
import { NamespaceTable } from '@/components/overview/namespace-table';
import { SourceCards } from '@/components/overview/source-cards';
import { PageTitle } from '@/components/ui/page-title';

export default function OverviewPage(): ReactNode {
  return (
    <>
      <PageTitle title="Overview">
        What the dashboard can read, the control plane, and each namespace&apos;s mesh posture, problems
        first.
      </PageTitle>
      <Suspense>
        <SourceCards />
        <MeshPosture />
        <h2 className="mt-6 mb-2 text-base font-semibold">Namespace labels</h2>
        <NamespaceTable />
      </Suspense>
    </>
  );
}
