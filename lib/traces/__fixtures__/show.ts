/** Short text forms of the trace model's results, so that tests compare readable lines. */
import type { CriticalSegment } from '../critical-path';
import type { HopEnd } from '../hops';
import type { SpanRow } from '../span-tree';
import { T0 } from './spans';

/** Critical-path segments as `id start-end`, relative to `t0`, in ms rounded to the microsecond. */
export const showSegments = (segments: readonly CriticalSegment[], t0 = T0): string[] =>
  segments.map((s) => `${s.spanId} ${+(s.startMs - t0).toFixed(3)}-${+(s.endMs - t0).toFixed(3)}`);

/** Span rows as `id@depth` with `+n` children and `!` for an orphan, e.g. `b@1+2`. */
export const showRows = (rows: readonly SpanRow[]): string[] =>
  rows.map(
    (r) => `${r.span.spanId}@${r.depth}${r.childCount ? `+${r.childCount}` : ''}${r.orphan ? '!' : ''}`,
  );

/** One end of a call as `namespace/workload|app|version` (`-` for unknown), or `outside`. */
export const showEnd = (e: HopEnd | null): string =>
  e ? `${e.namespace}/${e.workload ?? '-'}|${e.app ?? '-'}|${e.version ?? '-'}` : 'outside';

/** The ingress gateway and the sidecar productpage, as {@link showEnd} writes them. */
export const GW = 'istio-system/istio-ingressgateway|istio-ingressgateway|latest';
export const PP = 'bookinfo/productpage-v1|productpage|v1';
