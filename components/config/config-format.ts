/**
 * How the Config page reads its URL and writes its rows for people: the `name` and `kind` filters, grouping by
 * namespace, the validation cell, ages and YAML. Pure, so it is tested without a browser.
 */
import { stringify } from 'yaml';
import { CONFIG_KIND_NAMES, type ConfigKind, isConfigKind } from '@/lib/config/kinds';
import type { ConfigObjectSummary, ConfigStatus } from '@/lib/config/types';
import type { Tone } from '@/components/overview/posture-format';

/** The page's own filters, beside the shell's namespaces (`ns`). */
export interface ConfigFilter {
  /** Part of an object's name or of what it applies to (the graph links `name=<app>`); `''` for any. */
  name: string;
  /** One kind, or null for every kind. */
  kind: ConfigKind | null;
}

/** The filters in the query string (`name=reviews&kind=VirtualService`); an unknown kind means every kind. */
export function readConfigFilter(query: string): ConfigFilter {
  const params = new URLSearchParams(query);
  const kind = params.get('kind');
  return { name: (params.get('name') ?? '').trim(), kind: isConfigKind(kind) ? kind : null };
}

/** `/config?…` with a filter changed and the rest of the query (the shell's view) kept. */
export function configFilterHref(query: string, change: Partial<ConfigFilter>): string {
  const params = new URLSearchParams(query);
  const next = { ...readConfigFilter(query), ...change };
  if (next.name === '') params.delete('name');
  else params.set('name', next.name);
  if (next.kind === null) params.delete('kind');
  else params.set('kind', next.kind);
  const search = params.toString();
  return search === '' ? '/config' : `/config?${search}`;
}

/** The rows the filters keep: the kind, and the name found in the object's name or in what it applies to. */
export function filterRows(
  rows: readonly ConfigObjectSummary[],
  filter: ConfigFilter,
): ConfigObjectSummary[] {
  const name = filter.name.toLowerCase();
  return rows.filter(
    (row) =>
      (filter.kind === null || row.kind === filter.kind) &&
      (name === '' || row.name.toLowerCase().includes(name) || row.appliesTo.toLowerCase().includes(name)),
  );
}

/** Rows grouped by namespace, in the order the API sorted them (namespace, kind, name). */
export function groupByNamespace(
  rows: readonly ConfigObjectSummary[],
): { namespace: string; rows: ConfigObjectSummary[] }[] {
  const groups = new Map<string, ConfigObjectSummary[]>();
  for (const row of rows) groups.set(row.namespace, [...(groups.get(row.namespace) ?? []), row]);
  return [...groups].map(([namespace, members]) => ({ namespace, rows: members }));
}

/** A stable key of a row. */
export function rowKey(row: Pick<ConfigObjectSummary, 'kind' | 'namespace' | 'name'>): string {
  return `${row.kind}/${row.namespace}/${row.name}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The validation cell: ✓, or the counts and the first (worst) message, with the status's tone. */
export function validationText(row: ConfigObjectSummary): {
  text: string;
  detail: string | null;
  tone: Tone;
} {
  const tones: Readonly<Record<ConfigStatus, Tone>> = { ok: 'good', warning: 'warn', error: 'bad' };
  if (row.status === 'ok') return { text: '✓', detail: null, tone: tones.ok };
  const parts = [
    row.counts.error > 0 ? plural(row.counts.error, 'error') : '',
    row.counts.warning > 0 ? plural(row.counts.warning, 'warning') : '',
  ].filter((part) => part !== '');
  return { text: parts.join(', '), detail: row.findings[0]?.message ?? null, tone: tones[row.status] };
}

/** Age as kubectl writes it: `45s`, `12m`, `3h`, `5d`; `—` when unknown. */
export function ageText(created: string | null, nowMs: number): string {
  const at = created === null ? Number.NaN : Date.parse(created);
  if (!Number.isFinite(at)) return '—';
  const seconds = Math.max(0, Math.floor((nowMs - at) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** The object as YAML, as kubectl would print it. */
export function yamlOf(object: unknown): string {
  return stringify(object, { lineWidth: 0 });
}

/** The kind filter's choices: every kind, then each listed kind. */
export const KIND_CHOICES: readonly (ConfigKind | 'all')[] = ['all', ...CONFIG_KIND_NAMES];

/** The GitOps tool's name for people. */
export const GITOPS_WORDS = { 'argo-cd': 'Argo CD', flux: 'Flux' } as const;
