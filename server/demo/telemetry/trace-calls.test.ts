import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random';
import { assembleTrace } from '@/lib/traces/assemble';
import { GW, PP, showEnd } from '@/lib/traces/__fixtures__/show';
import { T0, TRACE_ID } from '@/lib/traces/__fixtures__/spans';
import { traceCalls } from '@/lib/traces/hops';
import type { Endpoint, TraceHop } from '@/server/demo/model/traffic';
import { ingress, reviews, traceHop, waypoint } from './__fixtures__/mesh';
import { sidecarProductpage } from './__fixtures__/traced-mesh';
import { looksLikeGateway } from './demo-telemetry';
import { spansOf } from './spans';

// Checks lib/traces/hops (traceCalls) against the spans the demo mesh makes.

describe('traceCalls', () => {
  it('reads the demo mesh’s own spans: gateway -> sidecar productpage -> waypoint -> ambient reviews -> ratings', () => {
    const hop = (source: Endpoint, destination: Endpoint, rest: Partial<TraceHop> = {}): TraceHop =>
      traceHop(source, destination, { startMs: T0, durationMs: 50, ...rest });
    const root = hop(ingress, sidecarProductpage, {
      children: [hop(sidecarProductpage, reviews, { waypoint, startMs: T0 + 5, durationMs: 20 })],
    });
    const spans = spansOf(
      { traceId: TRACE_ID, root },
      { isGateway: looksLikeGateway, random: seededRandom('hops') },
    );
    const found = traceCalls(assembleTrace(TRACE_ID, spans, { partial: false }));
    expect(found.map((c) => `${showEnd(c.from)} -> ${showEnd(c.to)} ${c.spanIds.length}`)).toEqual([
      `${GW} -> ${PP} 2`,
      `${PP} -> bookinfo/reviews-v2|-|- 3`,
    ]);
    expect(found[1]?.waypoint).toEqual({ name: 'waypoint', namespace: 'bookinfo' });
  });
});
