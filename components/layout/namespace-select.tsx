'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { namespacesQuery } from '@/lib/queries';
import { useViewState } from './use-view-state';

/**
 * Multi-select of namespaces. No selection means every namespace. The options come from the cluster; a namespace in
 * the URL that the cluster does not list is still shown, so that a shared link never silently widens.
 */
export function NamespaceSelect(): ReactNode {
  const { view, refreshMs, setView } = useViewState();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const listId = useId();
  const { data, isError } = useQuery(namespacesQuery(refreshMs));
  const known = data?.data.map((ns) => ns.name) ?? [];
  const options = [...new Set([...known, ...view.namespaces])]
    .sort()
    .filter((ns) => ns.includes(filter.trim()));
  const selected = new Set(view.namespaces);
  const toggle = (ns: string): void => {
    const next = new Set(selected);
    if (next.has(ns)) next.delete(ns);
    else next.add(ns);
    setView({ namespaces: [...next].sort() });
  };
  const summary =
    view.namespaces.length === 0
      ? 'All namespaces'
      : view.namespaces.length <= 2
        ? view.namespaces.join(', ')
        : `${view.namespaces.slice(0, 2).join(', ')} +${view.namespaces.length - 2}`;

  return (
    <div className="relative text-sm" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        data-testid="namespace-select"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className="flex min-w-44 items-center justify-between gap-2 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
      >
        <span className="truncate">{summary}</span>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div
          id={listId}
          className="absolute left-0 z-20 mt-1 w-64 rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-800"
        >
          <input
            autoFocus
            placeholder="Filter namespaces"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="mb-2 w-full rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
          />
          {isError && <p className="px-1 text-red-600 dark:text-red-400">Namespaces could not be read.</p>}
          <ul className="max-h-64 overflow-auto" role="listbox" aria-multiselectable>
            {options.map((ns) => (
              <li key={ns} role="option" aria-selected={selected.has(ns)}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-700">
                  <input type="checkbox" checked={selected.has(ns)} onChange={() => toggle(ns)} />
                  {ns}
                </label>
              </li>
            ))}
          </ul>
          {view.namespaces.length > 0 && (
            <button
              type="button"
              className="mt-2 text-sky-700 hover:underline dark:text-sky-400"
              onClick={() => setView({ namespaces: [] })}
            >
              Clear: show all namespaces
            </button>
          )}
        </div>
      )}
    </div>
  );
}
