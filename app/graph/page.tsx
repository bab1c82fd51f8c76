import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PlannedView } from '@/components/ui/planned-view';

export const metadata: Metadata = { title: 'Graph · MeshLens' };

export default function GraphPage(): ReactNode {
  return (
    <PlannedView
      title="Graph"
      testId="graph-empty"
      description="The live service graph: workloads, services and waypoints with L4 and L7 traffic, mTLS and health."
    />
  );
}
