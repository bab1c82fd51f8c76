'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ApiError } from '@/lib/api/fetch-json';
import { traceSearchQuery } from '@/lib/queries/traces';
import { Loading, Notice } from './parts';
import { SearchForm } from './search-form';
import { draftFromSearch, searchFromDraft, type SearchDraft } from './search-state';
import { SearchSummary, SourceErrors, windowText } from './search-summary';
import { TraceScatter } from './trace-scatter';
import { TraceTable } from './trace-table';
import { useTraceSearch } from './use-trace-search';

/**
 * The traces page's client part: the search form, then what the search found (a scatter plot and a table), or
 * why it found nothing. The search in the URL runs at once, so a link from the graph lands on its results.
 */
export function TraceSearchView(): ReactNode {
  const { search, key, input, view, submit } = useTraceSearch();
  // A new search keeps the previous results on screen (dimmed) until its own answer is there. Results do not
  // change by themselves (not even on coming back to the tab): a person searches again for newer ones.
  const query = useQuery({
    ...traceSearchQuery(input),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const { error } = query;
  const badQuery = error instanceof ApiError && error.status === 400 ? error.message : null;
  const onSubmit = (draft: SearchDraft): void => {
    // The same search again asks again: a new window ending now.
    if (!submit(searchFromDraft(draft, view.namespaces))) void query.refetch();
  };
  const result = query.data?.data ?? null;
  const errorsOnly = input.errorsOnly === true;

  let body: ReactNode;
  if (query.isPending) {
    body = <Loading testId="trace-search-loading" text="Searching traces…" height="h-64" />;
  } else if (badQuery !== null) {
    body = null; // The form shows Tempo's message under the query.
  } else if (error) {
    body = (
      <Notice tone="error" testId="trace-search-failed" title="Traces could not be searched" role="alert">
        <p>{error.message}</p>
        <button type="button" className="mt-1 underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </Notice>
    );
  } else if (result === null) {
    body = <SourceErrors errors={query.data?.errors ?? []} failed onRetry={() => void query.refetch()} />;
  } else if (result.traces.length === 0) {
    body = (
      <EmptyState testId="trace-search-empty" title="No traces matched">
        Nothing matched <code className="font-mono text-xs">{result.traceql}</code> in{' '}
        {windowText(result, view.window)}. Try a longer window (Window, top right), or fewer conditions.
      </EmptyState>
    );
  } else {
    body = (
      <div className={query.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
        <SourceErrors errors={query.data?.errors ?? []} failed={false} onRetry={() => void query.refetch()} />
        <SearchSummary result={result} window={view.window} updating={query.isFetching} />
        <TraceScatter
          traces={result.traces}
          startMs={Date.parse(result.start)}
          endMs={Date.parse(result.end)}
          errorsOnly={errorsOnly}
          view={view}
        />
        <TraceTable traces={result.traces} errorsOnly={errorsOnly} view={view} />
      </div>
    );
  }

  return (
    <div data-testid="trace-search-view">
      <SearchForm
        // A new search in the URL (submitted, back, a link) or another shell namespace starts the form afresh.
        key={`${key}|${view.namespaces.join(',')}`}
        initial={draftFromSearch(search, view.namespaces)}
        error={badQuery}
        searching={query.isFetching}
        onSubmit={onSubmit}
      />
      {body}
    </div>
  );
}
