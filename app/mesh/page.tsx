import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PlannedView } from '@/components/ui/planned-view';

export const metadata: Metadata = { title: 'Mesh · MeshLens' };

export default function MeshPage(): ReactNode {
  return (
    <PlannedView
      title="Mesh"
      testId="mesh-empty"
      description="Ambient enrollment, waypoints and mTLS posture, per namespace and workload."
    />
  );
}
