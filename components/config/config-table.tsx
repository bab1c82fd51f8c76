'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ConfigObjectSummary } from '@/lib/config/types';
import { editHref } from '@/lib/editor/edit-params';
import { toneClass } from '@/components/overview/posture-format';
import { ConfigDetails } from './config-details';
import { GITOPS_WORDS, ageText, groupByNamespace, rowKey, validationText } from './config-format';

const HEAD = ['Kind', 'Name', 'Applies to', 'Validation', 'Age', ''];
/** The kinds with a "New" button in each namespace (the rest are created from YAML elsewhere). */
const NEW_KINDS = ['VirtualService', 'AuthorizationPolicy'] as const;
const LINK = 'text-sm text-sky-700 hover:underline dark:text-sky-300';
const CELL = 'px-2 py-1 align-top';

/** One object: a clickable row; when expanded, its findings and YAML under it. */
function ConfigRow(props: {
  row: ConfigObjectSummary;
  nowMs: number;
  expanded: boolean;
  onToggle: (key: string) => void;
  editable: boolean;
}): ReactNode {
  const { row, nowMs, expanded, onToggle } = props;
  const key = rowKey(row);
  const validation = validationText(row);
  return (
    <>
      <tr
        data-testid="config-row"
        data-kind={row.kind}
        data-namespace={row.namespace}
        data-name={row.name}
        data-status={row.status}
        onClick={() => onToggle(key)}
        className="cursor-pointer border-t border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800/50"
      >
        <td className={`${CELL} whitespace-nowrap text-slate-600 dark:text-slate-300`}>{row.kind}</td>
        <td className={`${CELL} font-medium`}>
          <button
            type="button"
            aria-expanded={expanded}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(key);
            }}
            className="text-left hover:underline"
          >
            <span aria-hidden className="mr-1 inline-block w-3 text-slate-400">
              {expanded ? '▾' : '▸'}
            </span>
            {row.name}
          </button>
          {row.gitops !== null && (
            <span
              title={row.gitops.evidence}
              className="ml-2 rounded border border-slate-300 px-1 text-xs text-slate-500 dark:border-slate-600"
            >
              {GITOPS_WORDS[row.gitops.tool]}
            </span>
          )}
        </td>
        <td className={CELL}>{row.appliesTo}</td>
        <td className={`${CELL} max-w-md`} title={validation.detail ?? undefined}>
          <span className={`font-medium whitespace-nowrap ${toneClass(validation.tone)}`}>
            {validation.text}
          </span>
          {validation.detail !== null && (
            <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
              {validation.detail}
            </span>
          )}
        </td>
        <td
          className={`${CELL} whitespace-nowrap tabular-nums text-slate-500`}
          title={row.created ?? undefined}
        >
          {ageText(row.created, nowMs)}
        </td>
        <td className={`${CELL} text-right`}>
          {props.editable && (
            <Link
              href={editHref({ kind: row.kind, namespace: row.namespace, name: row.name })}
              data-testid="config-edit"
              onClick={(event) => event.stopPropagation()}
              className={LINK}
            >
              Edit
            </Link>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="bg-slate-50/50 dark:bg-slate-900/50">
          <td colSpan={HEAD.length} className="px-2">
            <ConfigDetails row={row} />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Presentational: the objects grouped by namespace, each row expandable. `nowMs` is when the answer came.
 * `editableKinds` are the kinds the dashboard writes (none when read-only): their rows get "Edit", and each
 * namespace "New VirtualService" and "New AuthorizationPolicy".
 */
export function ConfigTable(props: {
  rows: readonly ConfigObjectSummary[];
  nowMs: number;
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  editableKinds?: ReadonlySet<string>;
}): ReactNode {
  const editable = props.editableKinds ?? new Set<string>();
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table data-testid="config-table" className="w-full border-collapse text-left text-sm">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            {HEAD.map((h) => (
              <th key={h} className="px-2 py-1 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {groupByNamespace(props.rows).map((group) => (
          <tbody key={group.namespace} data-testid="config-namespace" data-namespace={group.namespace}>
            <tr className="border-t border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-800">
              <th colSpan={HEAD.length} scope="rowgroup" className="px-2 py-1 text-left font-semibold">
                {group.namespace}{' '}
                <span className="font-normal text-slate-500 dark:text-slate-400">
                  {group.rows.length} {group.rows.length === 1 ? 'object' : 'objects'}
                </span>
                {NEW_KINDS.filter((kind) => editable.has(kind)).map((kind) => (
                  <Link
                    key={kind}
                    href={editHref({ kind, namespace: group.namespace })}
                    data-testid="config-new"
                    data-kind={kind}
                    className={`${LINK} ml-4 font-normal`}
                  >
                    New {kind}
                  </Link>
                ))}
              </th>
            </tr>
            {group.rows.map((row) => (
              <ConfigRow
                key={rowKey(row)}
                row={row}
                nowMs={props.nowMs}
                expanded={props.expanded.has(rowKey(row))}
                onToggle={props.onToggle}
                editable={editable.has(row.kind)}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
