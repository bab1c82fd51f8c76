import { writeViewState, type ViewState } from '@/lib/view-state';

/** The shell's part of the query (`ns`, `window`, `refresh`), defaults left out, so that a link keeps the view. */
export function viewQuery(view: ViewState): string {
  return writeViewState(new URLSearchParams(), view).toString();
}

function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** The trace page of one trace, keeping the shell's view. */
export function traceHref(traceId: string, view: ViewState): string {
  return withQuery(`/traces/${encodeURIComponent(traceId)}`, viewQuery(view));
}

/** The graph with one trace's path drawn on it (`/graph?trace=<id>`), keeping the shell's view. */
export function graphHref(traceId: string, view: ViewState): string {
  const params = writeViewState(new URLSearchParams({ trace: traceId }), view);
  return `/graph?${params.toString()}`;
}
