import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { MeshView } from '@/components/mesh/mesh-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Mesh · MeshLens' };

export default function MeshPage(): ReactNode {
  return (
    <>
      <PageTitle title="Mesh">
        Waypoints and what is bound to them, and mTLS: the PeerAuthentication in effect and the plaintext the
        traffic shows.
      </PageTitle>
      <Suspense>
        <MeshView />
      </Suspense>
    </>
  );
}
