import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { TraceSearchView } from '@/components/traces/trace-search-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Traces · MeshLens' };

export default function TracesPage(): ReactNode {
  return (
    <>
      <PageTitle title="Traces">
        Search Tempo by service, namespace, workload, errors and duration, or in TraceQL; open a trace to
        follow a request through sidecars and waypoints.
      </PageTitle>
      <Suspense>
        <TraceSearchView />
      </Suspense>
    </>
  );
}
