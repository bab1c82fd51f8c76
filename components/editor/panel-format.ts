/**
 * How the preview panel writes its answers for people: graph node ids as names, a route in words, the current and
 * expected split side by side, the lines of a unified diff, and audit times. Pure, so it is tested without a
 * browser.
 */
import type { RouteOutcome, HostImpact } from '@/lib/impact/virtual-service-impact';

/** `workload:bookinfo/reviews-v1` -> `bookinfo/reviews-v1`; other ids as they are. */
export function nodeName(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

/** One route in words: "requests with header end-user = jason: reviews v2 100%; abort with HTTP 500 for 100%". */
export function routeWords(route: RouteOutcome): string {
  const targets = route.targets
    .map((t) => `${t.host}${t.subset !== null ? ` ${t.subset}` : ''} ${t.weight}%`)
    .join(', ');
  const extras = [
    route.fault,
    route.timeout !== null ? `timeout ${route.timeout}` : null,
    route.retries !== null ? `retries ${route.retries}` : null,
  ].filter((part): part is string => part !== null);
  const to = targets === '' ? 'no destination' : `to ${targets}`;
  return `${route.match}: ${to}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}`;
}

/** One workload's share of the Service's requests now and with the proposed routes. */
export interface SplitRow {
  workload: string;
  /** 0..1, or null when it receives nothing now. */
  current: number | null;
  requestsPerSecond: number;
  /** 0..1 from the route taken by requests no condition matches. */
  expected: number;
}

/** The workloads of a host with their current and expected shares, by name. */
export function splitRows(host: HostImpact): SplitRow[] {
  const rows = new Map<string, SplitRow>();
  for (const c of host.current) {
    rows.set(c.workload, {
      workload: c.workload,
      current: c.share,
      requestsPerSecond: c.requestsPerSecond,
      expected: 0,
    });
  }
  for (const e of host.expected) {
    const row = rows.get(e.workload) ?? {
      workload: e.workload,
      current: null,
      requestsPerSecond: 0,
      expected: 0,
    };
    rows.set(e.workload, { ...row, expected: e.share });
  }
  return [...rows.values()].sort((a, b) => a.workload.localeCompare(b.workload));
}

/** A share 0..1 as a whole percentage: `80%`; `—` for none. */
export function sharePercent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** What a line of a unified diff is. */
export type DiffLineKind = 'add' | 'remove' | 'hunk' | 'header' | 'context';

/** Classifies a line of a unified diff. */
export function diffLineKind(line: string): DiffLineKind {
  if (line.startsWith('+++') || line.startsWith('---')) return 'header';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'remove';
  return 'context';
}

/** An ISO time as the person's local date and time, to the second: `2026-06-01 03:00:00`. */
export function auditTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}
