import { describe, expect, it } from 'vitest';
import { compileTraceQL } from '@/lib/traces/traceql-match';
import type { Span, Trace } from '@/lib/traces/types';
import {
  bookinfoTrace,
  edge,
  legacyTrace,
  NODE_MAP,
  NODES,
} from '@/server/demo/telemetry/__fixtures__/traced-mesh';
import {
  edgeTraceQueries,
  NO_ENVOY,
  nodeTraceQueries,
  TCP_NOT_TRACED,
  type TraceQueries,
} from './trace-queries';

// Each search is run, as TraceQL, over traces made by the demo mesh's span builder: the check is which spans it
// finds, not how its text looks.

function searches(queries: TraceQueries): { errors: string; slow: string | null } {
  if ('unavailable' in queries) throw new Error(queries.unavailable);
  return queries;
}

/** The spans a query selects in a trace, as `service:kind`; empty when the trace does not match. */
function found(traceql: string, trace: Trace): string[] {
  return (compileTraceQL(traceql).matchSpans(trace.spans) ?? []).map((s: Span) => `${s.service}:${s.kind}`);
}

const ok = bookinfoTrace('a1'.repeat(16));
const failed = bookinfoTrace('b2'.repeat(16), 503);
const slow = bookinfoTrace('c3'.repeat(16), 200, 80);
const legacyOk = legacyTrace('d4'.repeat(16));
const legacyFailed = legacyTrace('e5'.repeat(16), 500);

const throughWaypoint = edge(NODES.productpage, NODES.reviews, {
  protocol: 'http',
  layer: 'L7',
  via: NODES.waypoint.id,
});
const sidecarToSidecar = edge(NODES.orders, NODES.inventory, { protocol: 'http', layer: 'L7' });

describe('edgeTraceQueries', () => {
  it('finds a failed call through a waypoint by the waypoint’s two spans, and no trace where that call succeeded', () => {
    const { errors } = searches(edgeTraceQueries(throughWaypoint, NODE_MAP));
    expect(found(errors, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(errors, ok)).toEqual([]);
    expect(found(errors, legacyFailed)).toEqual([]);
  });

  it('finds the slow calls of the hop: over its p95, not the fast ones', () => {
    const { slow: slowQuery } = searches(edgeTraceQueries(throughWaypoint, NODE_MAP));
    expect(slowQuery).not.toBeNull();
    expect(found(slowQuery ?? '', slow)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(slowQuery ?? '', ok)).toEqual([]);
  });

  it('finds a failed sidecar-to-sidecar call by the caller’s client span', () => {
    const { errors } = searches(edgeTraceQueries(sidecarToSidecar, NODE_MAP));
    expect(found(errors, legacyFailed)).toEqual(['orders.legacy:client']);
    expect(found(errors, legacyOk)).toEqual([]);
    expect(found(errors, failed)).toEqual([]);
  });

  it('narrows a waypoint segment to its side: into the waypoint by the caller, out of it by the callee', () => {
    const into = searches(edgeTraceQueries(throughWaypoint, NODE_MAP, 'into-waypoint')).errors;
    const out = searches(edgeTraceQueries(throughWaypoint, NODE_MAP, 'from-waypoint')).errors;
    expect(into).toContain('istio.source_workload');
    expect(into).not.toContain('istio.destination_workload');
    expect(out).toContain('istio.destination_workload');
    expect(out).not.toContain('istio.source_workload');
    expect(found(into, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(out, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
  });

  it('offers no search where nothing on the hop makes spans, and says why', () => {
    const ambientOnly = edge(NODES.reviews, NODES.ratings, { protocol: 'http', layer: 'L7' });
    expect(edgeTraceQueries(ambientOnly, NODE_MAP)).toEqual({ unavailable: NO_ENVOY });
    const tcp = edge(NODES.orders, NODES.inventory, { protocol: 'tcp', layer: 'L4' });
    expect(edgeTraceQueries(tcp, NODE_MAP)).toEqual({ unavailable: TCP_NOT_TRACED });
  });

  it('offers no slow search for an edge without latency figures', () => {
    expect(edgeTraceQueries({ ...throughWaypoint, latencyMs: null }, NODE_MAP)).toMatchObject({
      slow: null,
      slowAboveMs: null,
    });
  });

  it('quotes names, so a hostile name stays one value and matches nothing', () => {
    const hostile = { ...NODES.reviews, id: 'workload:bookinfo/x', name: 'x" || true || "' };
    const nodes = new Map(NODE_MAP).set(hostile.id, hostile);
    const { errors } = searches(edgeTraceQueries({ ...throughWaypoint, target: hostile.id }, nodes));
    expect(found(errors, failed)).toEqual([]);
  });
});

describe('nodeTraceQueries', () => {
  it('finds the failed requests a workload behind a waypoint served', () => {
    const { errors } = searches(nodeTraceQueries(NODES.reviews, 12.5));
    expect(found(errors, failed)).toEqual(['waypoint.bookinfo:server', 'waypoint.bookinfo:client']);
    expect(found(errors, ok)).toEqual([]);
  });

  it('finds the failed requests a sidecar workload served by its server span', () => {
    const { errors } = searches(nodeTraceQueries(NODES.inventory, null));
    // The caller's span failed too, but the search is about what inventory served.
    expect(found(errors, legacyFailed)).toEqual(['inventory.legacy:server']);
  });

  it('says why an ambient workload without a waypoint has no traces', () => {
    expect(nodeTraceQueries({ ...NODES.ratings, waypoint: null }, null)).toEqual({ unavailable: NO_ENVOY });
  });
});
