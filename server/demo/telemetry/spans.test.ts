import { describe, expect, it } from 'vitest';
import { assembleTrace } from '@/lib/traces/assemble';
import type { Span } from '@/lib/traces/types';
import { seededRandom } from '@/lib/random';
import type { Endpoint, TraceHop, TraceSample } from '../model/traffic';
import {
  ingress,
  legacyServer,
  productpage,
  ratings,
  reviews,
  traceHop,
  waypoint,
} from './__fixtures__/mesh';
import { looksLikeGateway } from './demo-telemetry';
import { spansOf } from './spans';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const START = 1_800_000_000_000;

function hop(source: Endpoint | null, destination: Endpoint, rest: Partial<TraceHop> = {}): TraceHop {
  return traceHop(source, destination, { startMs: START, ...rest });
}

const sidecarProductpage: Endpoint = { ...productpage, dataplane: 'sidecar' };

function spans(root: TraceHop): Span[] {
  const sample: TraceSample = { traceId: TRACE_ID, root };
  return assembleTrace(
    TRACE_ID,
    spansOf(sample, { isGateway: looksLikeGateway, random: seededRandom('spans') }),
    {
      partial: false,
    },
  ).spans;
}

const byService = (list: Span[], service: string, kind: string): Span => {
  const found = list.find((s) => s.service === service && s.kind === kind);
  if (!found) throw new Error(`no ${kind} span of ${service} in ${list.map((s) => s.service).join(', ')}`);
  return found;
};

describe('spansOf', () => {
  // ingress gateway -> productpage (sidecar) -> reviews (ambient, through the waypoint) -> ratings (ambient). The
  // engine no longer sends a sidecar's calls through a waypoint (upstream Istio does not); the span builder follows
  // whatever path a hop names, and this one exercises every kind of span in one tree.
  const list = spans(
    hop(ingress, sidecarProductpage, {
      durationMs: 50,
      children: [
        hop(sidecarProductpage, reviews, {
          waypoint,
          startMs: START + 5,
          children: [hop(reviews, ratings, { startMs: START + 8, durationMs: 5 })],
        }),
      ],
    }),
  );

  it('makes spans only at Envoys: gateway, sidecars, the waypoint twice; none for ztunnel-only hops', () => {
    expect(list.map((s) => `${s.service}:${s.kind}`)).toEqual([
      'istio-ingressgateway.istio-system:client',
      'productpage.bookinfo:server',
      'productpage.bookinfo:client',
      'waypoint.bookinfo:server',
      'waypoint.bookinfo:client',
    ]);
  });

  it('chains parents along the call and shares the trace id', () => {
    const [gateway, ...rest] = list;
    expect(gateway?.parentSpanId).toBeNull();
    rest.forEach((span, i) => expect(span.parentSpanId).toBe(list[i]?.spanId));
    expect(new Set(list.map((s) => s.traceId))).toEqual(new Set([TRACE_ID]));
    expect(new Set(list.map((s) => s.spanId)).size).toBe(list.length);
    for (const s of list) expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names spans like Envoy and tags them with Istio’s attributes; waypoint spans name both workloads', () => {
    const server = byService(list, 'waypoint.bookinfo', 'server');
    expect(server.name).toBe('reviews.bookinfo.svc.cluster.local:9080/reviews');
    expect(server.resource).toEqual({ 'service.name': 'waypoint.bookinfo' });
    expect(server.attributes).toMatchObject({
      'http.method': 'GET',
      'http.url': 'http://reviews.bookinfo.svc.cluster.local:9080/reviews',
      'http.status_code': 200,
      upstream_cluster: 'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
      response_flags: '-',
      'istio.namespace': 'bookinfo',
      'istio.canonical_service': 'waypoint',
      'istio.source_workload': 'productpage-v1',
      'istio.source_namespace': 'bookinfo',
      'istio.destination_workload': 'reviews-v2',
      'istio.destination_namespace': 'bookinfo',
    });
    expect(server.attributes.node_id).toMatch(
      /^waypoint~10\.244\.0\.\d+~waypoint-5d8f7-abcde\.bookinfo~bookinfo\.svc/,
    );
    const client = byService(list, 'productpage.bookinfo', 'client');
    expect(client.attributes).toMatchObject({
      upstream_cluster: 'outbound|9080||reviews.bookinfo.svc.cluster.local',
    });
    expect(client.attributes).not.toHaveProperty('istio.source_workload');
    expect(byService(list, 'istio-ingressgateway.istio-system', 'client').attributes.node_id).toMatch(
      /^router~/,
    );
  });

  it('nests each hop’s spans inside the client’s view of it', () => {
    const client = byService(list, 'productpage.bookinfo', 'client');
    const inner = byService(list, 'waypoint.bookinfo', 'client');
    expect(inner.startMs).toBeGreaterThan(client.startMs);
    expect(inner.startMs + inner.durationMs).toBeLessThan(client.startMs + client.durationMs);
    expect(BigInt(client.startTimeUnixNano)).toBe(BigInt(Math.round(client.startMs * 1000)) * 1000n);
  });

  it('marks 5xx and unanswered requests as errors, with Envoy’s message for the flag', () => {
    const failed = spans(hop(sidecarProductpage, legacyServer, { responseCode: 503, responseFlags: 'UF' }));
    for (const s of failed) {
      expect(s.status).toEqual({
        code: 'error',
        message: 'upstream connect error or disconnect/reset before headers',
      });
    }
    expect(spans(hop(sidecarProductpage, legacyServer, { responseCode: 0 }))[0]?.status.code).toBe('error');
    expect(spans(hop(sidecarProductpage, legacyServer, { responseCode: 404 }))[0]?.status).toEqual({
      code: 'unset',
    });
  });

  it('stops at the waypoint on an L7 refusal (403, not an error) and nothing downstream traces', () => {
    const refused = spans(
      hop(productpage, legacyServer, {
        waypoint,
        responseCode: 403,
        refusedBy: 'l7-policy',
        children: [hop(legacyServer, ratings)],
      }),
    );
    expect(refused.map((s) => `${s.service}:${s.kind}:${s.status.code}`)).toEqual([
      'waypoint.bookinfo:server:unset',
    ]);
  });

  it('a fault abort at a client sidecar: its client span alone, failed with the fault filter’s message', () => {
    // A sidecar never uses a waypoint: it applies the VirtualService itself and aborts before any connection.
    const aborted = spans(
      hop(sidecarProductpage, reviews, {
        responseCode: 503,
        responseFlags: 'FI',
        children: [hop(reviews, ratings)],
      }),
    );
    expect(aborted.map((s) => `${s.service}:${s.kind}`)).toEqual(['productpage.bookinfo:client']);
    expect(aborted[0]?.status).toEqual({ code: 'error', message: 'fault filter abort' });
    expect(aborted[0]?.attributes).toMatchObject({ response_flags: 'FI', 'http.status_code': 503 });
  });

  it('a fault abort at the waypoint: the waypoint’s server span alone, and no server sidecar span', () => {
    const aborted = spans(
      hop(productpage, legacyServer, { waypoint, responseCode: 503, responseFlags: 'FI' }),
    );
    expect(aborted.map((s) => `${s.service}:${s.kind}:${s.status.code}`)).toEqual([
      'waypoint.bookinfo:server:error',
    ]);
  });

  it('parents a hop’s spans to the nearest traced ancestor across ztunnel-only hops', () => {
    const list2 = spans(hop(null, reviews, { children: [hop(reviews, legacyServer)] }));
    expect(list2.map((s) => `${s.service}:${s.kind}`)).toEqual(['inventory.legacy:server']);
    expect(list2[0]?.parentSpanId).toBeNull();
  });
});
