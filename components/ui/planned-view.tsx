import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { PageTitle } from './page-title';

/** A section whose view is not built yet: its title, what it will show, and where to look meanwhile. */
export function PlannedView({
  title,
  description,
  testId,
}: {
  title: string;
  description: string;
  testId: string;
}): ReactNode {
  return (
    <>
      <PageTitle title={title}>{description}</PageTitle>
      <EmptyState testId={testId} title="Not built yet">
        This view is on the roadmap; the Overview shows what the dashboard reads today.
      </EmptyState>
    </>
  );
}
