import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PlannedView } from '@/components/ui/planned-view';

export const metadata: Metadata = { title: 'Traces · MeshLens' };

export default function TracesPage(): ReactNode {
  return (
    <PlannedView
      title="Traces"
      testId="traces-empty"
      description="Search traces from Tempo and follow a request through waypoints and sidecars."
    />
  );
}
