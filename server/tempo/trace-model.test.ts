import { describe, expect, it } from 'vitest';
import { assembleTrace } from '@/lib/traces/assemble';
import { criticalPath } from '@/lib/traces/critical-path';
import { traceCalls } from '@/lib/traces/hops';
import { istioSpanFacts } from '@/lib/traces/istio-span';
import { spanRows } from '@/lib/traces/span-tree';
import type { Trace } from '@/lib/traces/types';
import { istioTestSpan, NO_ISTIO_FACTS } from '@/lib/traces/__fixtures__/istio';
import { showRows, showSegments } from '@/lib/traces/__fixtures__/show';
import { fixture } from './__fixtures__/load';
import { parseSearchResponse } from './parse-search';
import { parseTraceV2 } from './parse-trace';

// The trace model (lib/traces) over recorded Tempo answers.

/** The recorded vulture trace, parsed and assembled. */
function vultureTrace(): Trace {
  const { spans, partial } = parseTraceV2({ trace: fixture('trace-resourcespans') });
  return assembleTrace('3149195ffb0bec05347b48efe8ecc1b0', spans, { partial });
}

describe('spanRows (span-tree)', () => {
  it('reads the recorded Tempo trace: two root trees, same start, in the order Tempo gave them', () => {
    expect(showRows(spanRows(vultureTrace()))).toEqual([
      '4b23de25d1fb6641@0+1',
      '3ef58fd67f3c3c44@1+1',
      '23483ddcaf958888@2+1',
      '04b1672edf34433d@3',
      '083a27a20c7b6de3@0+1',
      '5ef2b292ae1ab9e8@1',
    ]);
  });
});

describe('criticalPath (critical-path)', () => {
  it('clamps the recorded Tempo trace’s overrunning children (vulture writes children longer than parents)', () => {
    // 4b23… (0–92 µs) > 3ef5… (0–54) > 2348… (0–89, clamped to 54) > 04b1… (0–84, clamped to 54).
    expect(showSegments(criticalPath(vultureTrace()), 1636729665000)).toEqual([
      '04b1672edf34433d 0-0.054',
      '4b23de25d1fb6641 0.054-0.092',
    ]);
  });
});

describe('traceCalls (hops)', () => {
  it('finds no calls in the recorded vulture trace: no span was made by Envoy', () => {
    expect(traceCalls(vultureTrace())).toEqual([]);
  });
});

describe('istioSpanFacts (istio-span)', () => {
  it('reads the real node_id values of a sidecar bookinfo mesh (recorded Tempo search)', () => {
    const matched = parseSearchResponse(fixture('search-sidecar-bookinfo')).flatMap((t) =>
      t.spanSets.flatMap((set) => set.spans),
    );
    const facts = matched.map((m) => istioSpanFacts(istioTestSpan(m.attributes)));
    expect(facts.map((f) => [f.role, f.pod, f.podIp, f.namespace])).toEqual([
      ['sidecar', 'reviews-v1-667b5cc65d-4m24g', '10.244.0.20', 'bookinfo'],
      ['sidecar', 'productpage-v1-6f89b6c557-sg2bc', '10.244.0.25', 'bookinfo'],
      ['sidecar', 'productpage-v1-6f89b6c557-sg2bc', '10.244.0.25', 'bookinfo'],
    ]);
  });

  it('finds nothing Istio in the recorded vulture trace, only its HTTP status', () => {
    const { spans } = parseTraceV2({ trace: fixture('trace-resourcespans') });
    const [root, ...rest] = spans.map(istioSpanFacts);
    expect(root).toMatchObject({
      ...NO_ISTIO_FACTS,
      role: 'app',
      statusCode: 110,
      pod: 'XkqgWWT',
      namespace: 'HVriuVNxpcDkLTvH',
    });
    for (const f of rest) expect(f).toMatchObject({ role: 'app', upstreamCluster: null, responseFlags: [] });
  });
});
