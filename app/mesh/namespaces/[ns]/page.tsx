import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { NamespaceDetailView } from '@/components/mesh/namespace-detail-view';
import { decodeSegment } from '@/lib/mesh/detail-params';

type Params = Promise<{ ns: string }>;

/** The tab title names the subject. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { ns } = await params;
  return { title: `${decodeSegment(ns)} · Namespace · MeshLens` };
}

/** One namespace: posture, workloads, policies and traffic. An unknown namespace shows a not-found state. */
export default async function NamespacePage({ params }: { params: Params }): Promise<ReactNode> {
  const { ns } = await params;
  return (
    <Suspense>
      <NamespaceDetailView namespace={decodeSegment(ns)} />
    </Suspense>
  );
}
