import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { ConfigView } from '@/components/config/config-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Config · MeshLens' };

export default function ConfigPage(): ReactNode {
  return (
    <>
      <PageTitle title="Config">
        Istio and Gateway API objects by namespace: what each applies to, and whether it will work as written
        in ambient (schema and lint findings with their field paths).
      </PageTitle>
      <Suspense>
        <ConfigView />
      </Suspense>
    </>
  );
}
