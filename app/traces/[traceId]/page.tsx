import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { TraceView } from '@/components/traces/trace-view';

export const metadata: Metadata = { title: 'Trace · MeshLens' };

/** The segment decoded once; a malformed escape is passed on as it is (the API then says it is no trace ID). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One trace: its header, waterfall and span details. The ID is passed on as typed or linked (hex or base64). */
export default async function TracePage({
  params,
}: {
  params: Promise<{ traceId: string }>;
}): Promise<ReactNode> {
  const { traceId } = await params;
  return (
    <Suspense>
      <TraceView traceId={decodeSegment(traceId)} />
    </Suspense>
  );
}
