import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { EditView } from '@/components/editor/edit-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Edit · Config · MeshLens' };

export default function ConfigEditPage(): ReactNode {
  return (
    <>
      <PageTitle title="Edit configuration">
        Nothing is written that was not validated, previewed (a dry run on the API server) and diffed; every
        change has an audit record and can be undone.{' '}
        <Link href="/config/history" className="text-sky-700 hover:underline dark:text-sky-300">
          History of changes
        </Link>
      </PageTitle>
      <Suspense>
        <EditView />
      </Suspense>
    </>
  );
}
