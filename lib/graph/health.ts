/**
 * Health of graph nodes and edges from their traffic, with Kiali's default thresholds: any 5xx makes it degraded
 * and 10% failing; 4xx from 10% degraded and from 20% failing. Pure, so that the server (which computes health)
 * and the page's legend (which explains it) share one table.
 */
import type { Health } from './types';

/** The kinds of failure health is judged on. `5xx` also counts gRPC errors and refused connections (code `0`). */
export type FailureClass = '5xx' | '4xx';

/** Shares 0..1 of the traffic: from `degraded` on (when above 0) it is degraded, from `failing` on failing. */
export interface HealthThreshold {
  degraded: number;
  failing: number;
}

/** One threshold per failure class. */
export type HealthThresholds = Readonly<Record<FailureClass, HealthThreshold>>;

/** Kiali's defaults (docs/graph-api.md, "Health"). */
export const DEFAULT_THRESHOLDS: HealthThresholds = {
  '5xx': { degraded: 0, failing: 0.1 },
  '4xx': { degraded: 0.1, failing: 0.2 },
};

/**
 * The traffic a health is judged on: requests (or connections, for L4) in total and by failure class, all in
 * the same unit (per second, or counts).
 */
export interface HealthCounts {
  total: number;
  failed: Readonly<Partial<Record<FailureClass, number>>>;
}

/** Which class a response code belongs to, first match wins; codes matching no row are successes. */
const CODE_CLASSES: readonly [pattern: RegExp, failure: FailureClass][] = [
  [/^5\d\d$/, '5xx'],
  [/^0$/, '5xx'],
  [/^4\d\d$/, '4xx'],
];

/** The failure class of a response code (`"503"` -> `5xx`, `"0"` -> `5xx`, `"404"` -> `4xx`), or undefined. */
export function failureClassOf(code: string): FailureClass | undefined {
  if (classes.has(code)) return classes.get(code);
  const failure = CODE_CLASSES.find(([pattern]) => pattern.test(code))?.[1];
  if (classes.size < 1_000) classes.set(code, failure);
  return failure;
}

/** Codes seen so far and their class: a graph asks about the same few codes thousands of times. */
const classes = new Map<string, FailureClass | undefined>();

/** Health counts from responses per second by code, as edges carry them in `responseCodes`. */
export function countsFromCodes(responseCodes: Readonly<Record<string, number>>): HealthCounts {
  const failed: Partial<Record<FailureClass, number>> = {};
  let total = 0;
  for (const [code, rate] of Object.entries(responseCodes)) {
    total += rate;
    const failure = failureClassOf(code);
    if (failure !== undefined) failed[failure] = (failed[failure] ?? 0) + rate;
  }
  return { total, failed };
}

const RANK: Readonly<Record<Health, number>> = { unknown: 0, idle: 1, healthy: 2, degraded: 3, failing: 4 };

/** The worst of several healths (failing > degraded > healthy > idle > unknown); `unknown` for none. */
export function worstHealth(healths: Iterable<Health>): Health {
  let worst: Health = 'unknown';
  for (const health of healths) if (RANK[health] > RANK[worst]) worst = health;
  return worst;
}

/**
 * The health of traffic: `idle` when there was none, else the worst verdict over the failure classes, each
 * judged on its share of the total against its threshold.
 */
export function healthOf(counts: HealthCounts, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): Health {
  if (!(counts.total > 0)) return 'idle';
  const verdicts = (Object.keys(thresholds) as FailureClass[]).map((failure): Health => {
    const share = (counts.failed[failure] ?? 0) / counts.total;
    const { degraded, failing } = thresholds[failure];
    if (share > 0 && share >= failing) return 'failing';
    return share > 0 && share >= degraded ? 'degraded' : 'healthy';
  });
  return worstHealth(verdicts);
}

/**
 * Thresholds from text such as `5xx=0/10,4xx=10/20`: per class, the degraded and failing thresholds in percent;
 * classes not named keep their default. Throws a `RangeError` that quotes the bad part.
 */
export function parseThresholds(text: string, base: HealthThresholds = DEFAULT_THRESHOLDS): HealthThresholds {
  const result: Record<FailureClass, HealthThreshold> = { ...base };
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const match = /^(5xx|4xx)=(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(part);
    const degraded = Number(match?.[2]) / 100;
    const failing = Number(match?.[3]) / 100;
    if (match === null || !(degraded <= failing && failing <= 1)) {
      throw new RangeError(
        `invalid health threshold ${JSON.stringify(part)}: expected e.g. 5xx=0/10 ` +
          '(degraded/failing in percent, degraded <= failing <= 100)',
      );
    }
    result[match[1] as FailureClass] = { degraded, failing };
  }
  return result;
}
