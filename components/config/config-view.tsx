'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DataResponse } from '@/lib/api/dto';
import type { ConfigObjectSummary } from '@/lib/config/types';
import { configObjectsQuery } from '@/lib/queries/config';
import { capabilitiesQuery } from '@/lib/queries/write';
import { useQueryString, useViewState } from '@/components/layout/use-view-state';
import { EmptyState } from '@/components/ui/empty-state';
import { LabeledSelect } from '@/components/ui/labeled-select';
import {
  KIND_CHOICES,
  configFilterHref,
  filterRows,
  readConfigFilter,
  type ConfigFilter,
} from './config-format';
import { ConfigTable } from './config-table';

/** `12 objects: 1 with errors, 2 with warnings`. */
function summaryText(rows: readonly ConfigObjectSummary[]): string {
  const errors = rows.filter((r) => r.status === 'error').length;
  const warnings = rows.filter((r) => r.status === 'warning').length;
  const parts = [errors > 0 ? `${errors} with errors` : '', warnings > 0 ? `${warnings} with warnings` : ''];
  const problems = parts.filter((p) => p !== '').join(', ');
  return `${rows.length} ${rows.length === 1 ? 'object' : 'objects'}${problems === '' ? '' : `: ${problems}`}`;
}

/** Presentational: what could not be read, a one-line summary, and the table (or why it is empty). */
export function ConfigContent(props: {
  answer: DataResponse<ConfigObjectSummary[]>;
  filter: ConfigFilter;
  nowMs: number;
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** The kinds the dashboard writes; none (read-only, or not known yet) shows no edit controls. */
  editableKinds?: ReadonlySet<string>;
}): ReactNode {
  const rows = filterRows(props.answer.data, props.filter);
  const filtered = props.filter.name !== '' || props.filter.kind !== null;
  return (
    <>
      {props.answer.errors.length > 0 && (
        <ul data-testid="config-errors" className="mb-3 text-sm text-amber-700 dark:text-amber-400">
          {props.answer.errors.map((e) => (
            <li key={`${e.source}:${e.kind}:${e.message}`}>⚠ {e.message}</li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <EmptyState testId="config-empty" title="No configuration objects to show">
          {filtered
            ? 'None of the selected namespaces has an object that matches the filters.'
            : 'The selected namespaces hold no Istio or Gateway API objects.'}
        </EmptyState>
      ) : (
        <>
          <p data-testid="config-summary" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            {summaryText(rows)}
          </p>
          <ConfigTable
            rows={rows}
            nowMs={props.nowMs}
            expanded={props.expanded}
            onToggle={props.onToggle}
            editableKinds={props.editableKinds}
          />
        </>
      )}
    </>
  );
}

/**
 * The kind and name filters, kept in the URL beside the shell's view. The URL is rewritten with the native
 * `history.replaceState`, which Next.js folds into its router (no navigation, no server round trip); the name box
 * keeps its own text so that typing never waits for that.
 */
function ConfigFilters({ filter, query }: { filter: ConfigFilter; query: string }): ReactNode {
  const [name, setName] = useState(filter.name);
  const change = (next: Partial<ConfigFilter>): void =>
    window.history.replaceState(null, '', configFilterHref(query, next));
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
      <LabeledSelect
        label="Kind"
        testId="config-filter-kind"
        value={filter.kind ?? 'all'}
        keys={KIND_CHOICES}
        text={(key) => (key === 'all' ? 'every kind' : key)}
        onChange={(key) => change({ kind: key === 'all' ? null : key })}
      />
      <label className="flex items-center gap-1">
        <span className="text-slate-500 dark:text-slate-400">Name</span>
        <input
          type="search"
          data-testid="config-filter-name"
          value={name}
          placeholder="name or what it applies to"
          onChange={(e) => {
            setName(e.target.value);
            change({ name: e.target.value });
          }}
          className="w-64 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        />
      </label>
      <Link
        href="/config/history"
        data-testid="config-history-link"
        className="ml-auto text-sky-700 hover:underline dark:text-sky-300"
      >
        History of changes
      </Link>
    </div>
  );
}

/** The Config page: every Istio and Gateway API object of the shell's namespaces, validated and linted. */
export function ConfigView(): ReactNode {
  const { view, refreshMs } = useViewState();
  const query = useQueryString();
  const filter = readConfigFilter(query);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const onToggle = useCallback((key: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const { data, isPending, isError, error, dataUpdatedAt } = useQuery(
    configObjectsQuery(view.namespaces, refreshMs),
  );
  const capabilities = useQuery(capabilitiesQuery());
  const editableKinds = useMemo(
    () => new Set(capabilities.data?.readOnly === false ? capabilities.data.kinds.map((k) => k.kind) : []),
    [capabilities.data],
  );
  return (
    <>
      <ConfigFilters filter={filter} query={query} />
      {isPending ? (
        <p className="text-sm text-slate-500">Reading the configuration…</p>
      ) : isError ? (
        <EmptyState testId="config-error" title="The configuration could not be read">
          {error.message}
        </EmptyState>
      ) : (
        <ConfigContent
          answer={data}
          filter={filter}
          nowMs={dataUpdatedAt}
          expanded={expanded}
          onToggle={onToggle}
          editableKinds={editableKinds}
        />
      )}
    </>
  );
}
