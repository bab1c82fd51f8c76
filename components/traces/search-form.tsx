'use client';

import { useId, useState, type ReactNode } from 'react';
import { buildTraceQL } from '@/lib/traces/traceql';
import { INPUT_CLASS, INVALID_CLASS, ModeToggle, TextField } from './form-controls';
import { draftFilter, draftProblem, type SearchDraft } from './search-state';

/**
 * The trace search form: the fields (service, namespace, workload, errors only, durations) with the TraceQL they
 * run, or a TraceQL box. `error` is the server's refusal of the last search (Tempo's parse error), shown under the
 * query; a duration the browser cannot read is refused before asking.
 */
export function SearchForm(props: {
  initial: SearchDraft;
  error: string | null;
  searching: boolean;
  onSubmit: (draft: SearchDraft) => void;
}): ReactNode {
  const [draft, setDraft] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const errorId = useId();
  const set = (change: Partial<SearchDraft>): void => setDraft((d) => ({ ...d, ...change }));
  const filter = draftFilter(draft);
  const preview = 'filter' in filter ? buildTraceQL(filter.filter) : null;
  const problem = draftProblem(draft);
  // Refused only once the person tries to search: a half-typed `2` is not yet a mistake.
  const shownProblem = tried ? problem : null;
  const message = shownProblem?.message ?? props.error;

  const submit = (): void => {
    setTried(true);
    if (problem === null) props.onSubmit(draft);
  };
  const switchMode = (mode: SearchDraft['mode']): void => {
    // An empty TraceQL box starts from what the fields would run.
    set(mode === 'traceql' && draft.q.trim() === '' && preview !== null ? { mode, q: preview } : { mode });
  };

  return (
    <form
      data-testid="trace-search-form"
      aria-label="Trace search"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="mb-4 rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-center gap-3">
        <ModeToggle mode={draft.mode} onChange={switchMode} />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {draft.mode === 'fields'
            ? 'A trace matches when one of its spans meets every condition.'
            : 'Any TraceQL Tempo understands. Ctrl+Enter searches.'}
        </span>
      </div>
      {draft.mode === 'fields' ? (
        <>
          <div className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
            <TextField
              label="Service"
              testId="trace-field-service"
              value={draft.service}
              placeholder="reviews.bookinfo"
              onChange={(service) => set({ service })}
            />
            <TextField
              label="Namespace"
              testId="trace-field-namespace"
              value={draft.namespace}
              placeholder="bookinfo"
              onChange={(namespace) => set({ namespace })}
            />
            <TextField
              label="Workload"
              testId="trace-field-workload"
              value={draft.workload}
              placeholder="reviews-v1"
              onChange={(workload) => set({ workload })}
            />
            <TextField
              label="Min duration"
              testId="trace-field-min-duration"
              value={draft.minDuration}
              placeholder="250ms"
              invalid={shownProblem?.field === 'minDuration'}
              onChange={(minDuration) => set({ minDuration })}
            />
            <TextField
              label="Max duration"
              testId="trace-field-max-duration"
              value={draft.maxDuration}
              placeholder="1.5s"
              invalid={shownProblem?.field === 'maxDuration'}
              onChange={(maxDuration) => set({ maxDuration })}
            />
            <label className="flex items-center gap-2 self-end pb-1 text-sm">
              <input
                type="checkbox"
                data-testid="trace-field-errors"
                checked={draft.errorsOnly}
                onChange={(e) => set({ errorsOnly: e.target.checked })}
                className="size-4 accent-red-600"
              />
              Errors only
            </label>
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-500 dark:text-slate-400">Runs</span>
            <code
              data-testid="trace-traceql-preview"
              className="min-w-0 flex-1 rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-200"
            >
              {preview ?? '…'}
            </code>
            <button
              type="button"
              data-testid="trace-edit-as-traceql"
              disabled={preview === null}
              onClick={() => preview !== null && set({ mode: 'traceql', q: preview })}
              className="rounded border border-slate-300 px-2 py-1 text-sky-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800"
            >
              Edit as TraceQL
            </button>
          </div>
        </>
      ) : (
        <label className="flex flex-col gap-0.5 text-sm">
          <span className="text-slate-600 dark:text-slate-400">TraceQL</span>
          <textarea
            data-testid="traceql-input"
            value={draft.q}
            rows={3}
            spellCheck={false}
            placeholder='{ resource.service.name = "reviews.bookinfo" && status = error }'
            aria-invalid={props.error !== null || shownProblem !== null || undefined}
            aria-describedby={message ? errorId : undefined}
            onChange={(e) => set({ q: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
            className={`${INPUT_CLASS} font-mono ${props.error || shownProblem ? INVALID_CLASS : ''}`}
          />
        </label>
      )}
      {message && (
        <p
          id={errorId}
          data-testid="trace-search-error"
          role="alert"
          className="mt-2 rounded border border-red-300 bg-red-50 px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {message}
        </p>
      )}
      <div className="mt-3 flex items-center gap-3">
        <button
          type="submit"
          data-testid="trace-search-submit"
          className="rounded bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
        >
          {props.searching ? 'Searching…' : 'Search'}
        </button>
      </div>
    </form>
  );
}
