import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PlannedView } from '@/components/ui/planned-view';

export const metadata: Metadata = { title: 'Config · MeshLens' };

export default function ConfigPage(): ReactNode {
  return (
    <PlannedView
      title="Config"
      testId="config-empty"
      description="Istio and Gateway API configuration, validated, with editors that write back safely."
    />
  );
}
