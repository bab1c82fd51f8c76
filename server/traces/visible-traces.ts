/**
 * What of the traces a viewer may see (pure). A span belongs to the namespace Istio's attributes name
 * (`istio.namespace`, the proxy's `node_id`, the resource's `k8s.namespace.name`), else the one its service name
 * ends with (Istio's proxies report `<canonical service>.<namespace>`); a span with neither belongs to no namespace
 * the viewer sees.
 *
 * - A trace with no span in a namespace the viewer sees is not shown: a search leaves it out, and reading it
 *   answers as a trace the source does not hold.
 * - In a trace that is shown, a span of a hidden namespace keeps its place in the tree and its timing, kind and
 *   status code, but its name and service become {@link HIDDEN} and its attributes, resource and events go.
 *
 * A search hit only carries its root's service and the spans that matched, so a hit is kept when one of those is
 * in a namespace the viewer sees (a hit whose only visible spans did not match is left out rather than fetched).
 * A viewer who sees everything gets every answer unchanged.
 */
import type { Visibility } from '@/lib/auth/visibility';
import { HIDDEN } from '@/lib/graph/visible-graph';
import type { TraceSearchResult } from '@/lib/queries/traces';
import type { SourceErrorDTO } from '@/lib/source-error';
import { assembleTrace } from '@/lib/traces/assemble';
import { istioSpanFacts } from '@/lib/traces/istio-span';
import type { AttributeValue, MatchedSpan, Span, Trace, TraceSummary } from '@/lib/traces/types';

/** The namespace an Istio proxy's service name ends with (`reviews.bookinfo` -> `bookinfo`), or null. */
export function namespaceOfService(service: string): string | null {
  const dot = service.lastIndexOf('.');
  return dot > 0 && dot < service.length - 1 ? service.slice(dot + 1) : null;
}

const text = (value: AttributeValue | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/** The namespace of a span (see the module comment), or null when nothing says. */
export function spanNamespace(span: Span): string | null {
  return istioSpanFacts(span).namespace ?? namespaceOfService(span.service);
}

/** The namespace of a matched span, from what the search returned of it. */
export function matchedSpanNamespace(span: MatchedSpan): string | null {
  const attrs = span.attributes;
  return (
    text(attrs['istio.namespace']) ??
    text(attrs['k8s.namespace.name']) ??
    (span.service === null ? null : namespaceOfService(span.service))
  );
}

/** A span of a hidden namespace: its place and timing kept, everything that names or describes it gone. */
export function redactSpan(span: Span): Span {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: HIDDEN,
    service: HIDDEN,
    kind: span.kind,
    startTimeUnixNano: span.startTimeUnixNano,
    startMs: span.startMs,
    durationMs: span.durationMs,
    status: { code: span.status.code },
    attributes: {},
    resource: {},
    events: [],
  };
}

/**
 * The trace as the viewer may see it: spans of hidden namespaces redacted and the summary (root, service count)
 * derived again; null when no span is in a namespace they see.
 */
export function visibleTrace(trace: Trace, visibility: Visibility): Trace | null {
  if (visibility.all) return trace;
  const sees = (span: Span): boolean => {
    const ns = spanNamespace(span);
    return ns !== null && visibility.seesNamespace(ns);
  };
  if (!trace.spans.some(sees)) return null;
  if (trace.spans.every(sees)) return trace;
  return assembleTrace(
    trace.traceId,
    trace.spans.map((span) => (sees(span) ? span : redactSpan(span))),
    trace.partialReason === undefined
      ? { partial: trace.partial }
      : { partial: trace.partial, partialReason: trace.partialReason },
  );
}

/** The answer for a trace the viewer sees no span of: the trace source's own "not found". */
export function hiddenTraceError(traceId: string): SourceErrorDTO {
  return { source: 'tempo', kind: 'not_found', message: `tempo trace: no trace ${traceId}`, status: 404 };
}

/** Tempo's placeholder while the root is missing, and an empty root, name nothing. */
const namesNothing = (service: string): boolean => service === '' || service.startsWith('<');

/** A search hit as the viewer may see it, or null when none of its known spans is in a namespace they see. */
function visibleSummary(summary: TraceSummary, visibility: Visibility): TraceSummary | null {
  const seesNs = (ns: string | null): boolean => ns !== null && visibility.seesNamespace(ns);
  const rootSeen = seesNs(namespaceOfService(summary.rootService));
  const matchedSeen = (span: MatchedSpan): boolean => seesNs(matchedSpanNamespace(span));
  if (!rootSeen && !summary.spanSets.some((set) => set.spans.some(matchedSeen))) return null;
  const rootShown = rootSeen || namesNothing(summary.rootService);
  return {
    ...summary,
    rootService: rootShown ? summary.rootService : HIDDEN,
    rootName: rootShown ? summary.rootName : HIDDEN,
    spanSets: summary.spanSets.map((set) => ({
      ...set,
      spans: set.spans.map((span) =>
        matchedSeen(span)
          ? span
          : {
              ...span,
              name: span.name === null ? null : HIDDEN,
              service: span.service === null ? null : HIDDEN,
              attributes: {},
            },
      ),
    })),
  };
}

/** A search's hits as the viewer may see them (see the module comment); the rest of the result unchanged. */
export function visibleSearch(result: TraceSearchResult, visibility: Visibility): TraceSearchResult {
  if (visibility.all) return result;
  return {
    ...result,
    traces: result.traces.flatMap((summary) => visibleSummary(summary, visibility) ?? []),
  };
}
