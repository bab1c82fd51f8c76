import { MAX_TRACEQL_LENGTH, parseSpanDuration } from '@/lib/api/trace-params';
import type { TraceSearchInput } from '@/lib/queries/traces';
import type { SpanFilter } from '@/lib/traces/filter';

/**
 * The traces page's search, kept in the URL beside the shell's view state so that a link (from the graph, from a
 * colleague) runs the same search: `?q=<TraceQL>` or `?service=…&namespace=…&workload=…&errors=true&minDuration=250ms
 * &maxDuration=1.5s`. The window is the shell's (`window=15m`). Empty fields are left out.
 */
export interface TraceSearchState {
  /** Raw TraceQL; when set, the fields below are not used (the API refuses the mix). */
  q: string;
  /** `service.name`, e.g. `reviews.bookinfo`. */
  service: string;
  /**
   * The namespace field. Null when the URL does not say: the shell's namespace is used when exactly one is picked.
   * The empty string when the person cleared it: every namespace, whatever the shell shows.
   */
  namespace: string | null;
  workload: string;
  errorsOnly: boolean;
  /** As typed, e.g. `250ms`, `1.5s`. */
  minDuration: string;
  maxDuration: string;
}

/** The query parameters the search owns (the shell owns `ns`, `window`, `refresh`). */
export const SEARCH_PARAMS = [
  'q',
  'service',
  'namespace',
  'workload',
  'errors',
  'minDuration',
  'maxDuration',
] as const;

/** Reads the search from the query string; anything missing is empty. */
export function readTraceSearch(params: URLSearchParams): TraceSearchState {
  return {
    q: params.get('q') ?? '',
    service: params.get('service') ?? '',
    namespace: params.get('namespace'),
    workload: params.get('workload') ?? '',
    errorsOnly: params.get('errors') === 'true',
    minDuration: params.get('minDuration') ?? '',
    maxDuration: params.get('maxDuration') ?? '',
  };
}

/**
 * Writes the search into a copy of `params`, leaving the shell's parameters alone. TraceQL replaces the fields;
 * an explicitly empty namespace is kept as `namespace=` so that the shell's namespace does not fill it again.
 */
export function writeTraceSearch(params: URLSearchParams, search: TraceSearchState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of SEARCH_PARAMS) next.delete(name);
  const q = search.q.trim();
  if (q !== '') {
    next.set('q', q);
    return next;
  }
  const set = (name: string, value: string): void => {
    if (value.trim() !== '') next.set(name, value.trim());
  };
  set('service', search.service);
  if (search.namespace !== null) next.set('namespace', search.namespace.trim());
  set('workload', search.workload);
  if (search.errorsOnly) next.set('errors', 'true');
  set('minDuration', search.minDuration);
  set('maxDuration', search.maxDuration);
  return next;
}

/** The search's own part of the query string, e.g. to tell two searches apart. */
export function searchKey(search: TraceSearchState): string {
  return writeTraceSearch(new URLSearchParams(), search).toString();
}

/** The namespace searched: the field's, else the shell's when exactly one namespace is picked there. */
export function effectiveNamespace(search: TraceSearchState, shellNamespaces: readonly string[]): string {
  if (search.namespace !== null) return search.namespace;
  return shellNamespaces.length === 1 ? (shellNamespaces[0] ?? '') : '';
}

/** What `GET /api/traces` is asked for this search, over the shell's window. */
export function searchInput(
  search: TraceSearchState,
  view: { window: string; namespaces: readonly string[] },
): TraceSearchInput {
  if (search.q.trim() !== '') return { q: search.q.trim(), window: view.window };
  return {
    service: search.service,
    namespace: effectiveNamespace(search, view.namespaces),
    workload: search.workload,
    errorsOnly: search.errorsOnly,
    minDuration: search.minDuration,
    maxDuration: search.maxDuration,
    window: view.window,
  };
}

/** The form being edited: which mode, and every field as typed. */
export interface SearchDraft {
  mode: 'fields' | 'traceql';
  q: string;
  service: string;
  namespace: string;
  workload: string;
  errorsOnly: boolean;
  minDuration: string;
  maxDuration: string;
}

/** The form for a search in the URL: TraceQL mode when it has TraceQL, the namespace pre-filled from the shell. */
export function draftFromSearch(search: TraceSearchState, shellNamespaces: readonly string[]): SearchDraft {
  return {
    mode: search.q.trim() === '' ? 'fields' : 'traceql',
    q: search.q,
    service: search.service,
    namespace: effectiveNamespace(search, shellNamespaces),
    workload: search.workload,
    errorsOnly: search.errorsOnly,
    minDuration: search.minDuration,
    maxDuration: search.maxDuration,
  };
}

/** A field the form refuses before asking the server, and why. */
export interface DraftProblem {
  field: 'minDuration' | 'maxDuration' | 'q';
  message: string;
}

/** The structured filter the fields describe, or the first problem with them. */
export function draftFilter(draft: SearchDraft): { filter: SpanFilter } | { problem: DraftProblem } {
  const filter: SpanFilter = {};
  if (draft.service.trim()) filter.service = draft.service.trim();
  if (draft.namespace.trim()) filter.namespace = draft.namespace.trim();
  if (draft.workload.trim()) filter.workload = draft.workload.trim();
  if (draft.errorsOnly) filter.errorsOnly = true;
  for (const field of ['minDuration', 'maxDuration'] as const) {
    const text = draft[field].trim();
    if (text === '') continue;
    const ms = parseSpanDuration(text);
    const label = field === 'minDuration' ? 'Min duration' : 'Max duration';
    if (ms === undefined)
      return { problem: { field, message: `${label}: write a duration such as 250ms or 1.5s` } };
    if (field === 'minDuration') filter.minDurationMs = ms;
    else filter.maxDurationMs = ms;
  }
  if (
    filter.minDurationMs !== undefined &&
    filter.maxDurationMs !== undefined &&
    filter.minDurationMs > filter.maxDurationMs
  ) {
    return {
      problem: { field: 'maxDuration', message: 'Max duration must not be shorter than min duration' },
    };
  }
  return { filter };
}

/** What stops the form from being sent as it is, checked in the browser first; null when nothing does. */
export function draftProblem(draft: SearchDraft): DraftProblem | null {
  if (draft.mode === 'traceql') {
    return draft.q.trim().length > MAX_TRACEQL_LENGTH
      ? { field: 'q', message: `TraceQL: at most ${MAX_TRACEQL_LENGTH.toLocaleString('en-US')} characters` }
      : null;
  }
  const result = draftFilter(draft);
  return 'problem' in result ? result.problem : null;
}

/**
 * The search a submitted form writes to the URL; the fields are dropped in TraceQL mode. The shell's namespace
 * stays implicit (it follows the shell), and a namespace the person cleared while the shell shows exactly one is
 * written as explicitly empty: every namespace.
 */
export function searchFromDraft(draft: SearchDraft, shellNamespaces: readonly string[]): TraceSearchState {
  if (draft.mode === 'traceql') {
    return {
      q: draft.q.trim(),
      service: '',
      namespace: null,
      workload: '',
      errorsOnly: false,
      minDuration: '',
      maxDuration: '',
    };
  }
  const namespace = draft.namespace.trim();
  return {
    q: '',
    service: draft.service.trim(),
    namespace: namespaceParam(namespace, shellNamespaces),
    workload: draft.workload.trim(),
    errorsOnly: draft.errorsOnly,
    minDuration: draft.minDuration.trim(),
    maxDuration: draft.maxDuration.trim(),
  };
}

function namespaceParam(namespace: string, shellNamespaces: readonly string[]): string | null {
  const shellOne = shellNamespaces.length === 1 ? shellNamespaces[0] : undefined;
  if (namespace === '') return shellOne === undefined ? null : '';
  return namespace === shellOne ? null : namespace;
}
