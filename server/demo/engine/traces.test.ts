import { describe, expect, it } from 'vitest';
import { loadBookinfo } from '@/lib/istio/__fixtures__/load-yaml';
import type { TraceHop } from '../model/traffic';
import { ambient, bookinfoBehaviour, bookinfoMesh } from './__fixtures__/bookinfo';
import { tick } from './__fixtures__/tick';

const AT = 1_750_000_000_000;
const hops = (hop: TraceHop): TraceHop[] => [hop, ...hop.children.flatMap(hops)];

describe('sampled traces', () => {
  const config = bookinfoMesh(ambient('waypoint')).waypoint('bookinfo').build();

  it('follows 1 to 3 requests per source, with 32-hex ids and start times inside the tick', () => {
    const { traces } = tick(bookinfoBehaviour(), config, 10);
    expect(traces.length).toBeGreaterThanOrEqual(1);
    expect(traces.length).toBeLessThanOrEqual(3);
    for (const trace of traces) {
      expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(trace.root.startMs).toBeGreaterThanOrEqual(AT - 10_000);
      expect(trace.root.startMs).toBeLessThan(AT);
    }
  });

  it('walks the call graph hop by hop, through the waypoint, children inside their parent', () => {
    const { traces } = tick(bookinfoBehaviour(), config, 10);
    for (const { root } of traces) {
      expect(root.source?.workload).toBe('sleep');
      expect(root.service.name).toBe('productpage');
      expect(root.children.map((c) => c.service.name)).toEqual(['details', 'reviews']);
      for (const hop of hops(root)) {
        expect(hop.waypoint?.workload).toBe('waypoint');
        const childTime = hop.children.reduce((sum, c) => sum + c.durationMs, 0);
        expect(hop.durationMs).toBeGreaterThanOrEqual(childTime);
        for (const child of hop.children) {
          expect(child.startMs).toBeGreaterThanOrEqual(hop.startMs);
          expect(child.startMs + child.durationMs).toBeLessThanOrEqual(hop.startMs + hop.durationMs + 1e-6);
        }
      }
    }
  });

  it('draws from the same rules as the flows: an abort for everyone shows on every details hop', () => {
    const abortAll = loadBookinfo('networking-fault-injection-details-v1.yaml');
    const withAbort = bookinfoMesh(ambient('waypoint'))
      .waypoint('bookinfo')
      .add(...abortAll)
      .build();
    const details = tick(bookinfoBehaviour(), withAbort, 10, 'abort').traces.flatMap((t) =>
      hops(t.root).filter((h) => h.service.name === 'details'),
    );
    expect(details.length).toBeGreaterThan(0);
    for (const hop of details)
      expect(hop).toMatchObject({ responseCode: 555, responseFlags: 'FI', children: [] });
  });

  it('is deterministic: the same seed gives the same tick', () => {
    expect(tick(bookinfoBehaviour(), config, 5, 'seed-a')).toEqual(
      tick(bookinfoBehaviour(), config, 5, 'seed-a'),
    );
    expect(tick(bookinfoBehaviour(), config, 5, 'seed-a')).not.toEqual(
      tick(bookinfoBehaviour(), config, 5, 'seed-b'),
    );
  });
});
