import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { GraphView } from '@/components/graph/graph-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Graph · MeshLens' };

export default function GraphPage(): ReactNode {
  return (
    <>
      <PageTitle title="Graph">
        Who calls whom, read left to right: workloads, services and waypoints with L4 and L7 traffic, mTLS and
        health.
      </PageTitle>
      <Suspense>
        <GraphView />
      </Suspense>
    </>
  );
}
