import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { WorkloadDetailView } from '@/components/mesh/workload-detail-view';
import { decodeSegment } from '@/lib/mesh/detail-params';

type Params = Promise<{ ns: string; name: string }>;

/** The tab title names the subject. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { ns, name } = await params;
  return { title: `${decodeSegment(ns)}/${decodeSegment(name)} · Workload · MeshLens` };
}

/** One workload: pods, identity, waypoint, mTLS, policies, callers, callees and traffic. */
export default async function WorkloadPage({ params }: { params: Params }): Promise<ReactNode> {
  const { ns, name } = await params;
  return (
    <Suspense>
      <WorkloadDetailView namespace={decodeSegment(ns)} name={decodeSegment(name)} />
    </Suspense>
  );
}
