import { describe, expect, it } from 'vitest';
import { loadBookinfo } from '@/lib/istio/__fixtures__/load-yaml';
import type { KubeObject } from '@/lib/kube/object';
import { ambient, bookinfoBehaviour, bookinfoMesh } from './__fixtures__/bookinfo';
import { behave, behaviourOf, call, MeshBuilder, source } from './__fixtures__/mesh-builder';
import { countWhere, expectAll, flowsWhere, nonEmpty, tick } from './__fixtures__/tick';

const DRS = loadBookinfo('networking-destination-rule-all.yaml');
const REVIEWS_80_20 = loadBookinfo('networking-virtual-service-reviews-80-20.yaml');
const RATINGS_ABORT = loadBookinfo('networking-virtual-service-ratings-test-abort.yaml');
const withWaypoint = (): MeshBuilder => bookinfoMesh(ambient('waypoint')).waypoint('bookinfo');
const REVIEWS = ['reviews-v1', 'reviews-v2', 'reviews-v3'];

function reviewsShares(config: ReturnType<MeshBuilder['build']>): number[] {
  const { flows } = tick(bookinfoBehaviour(), config);
  const counts = REVIEWS.map((to) => countWhere(flows, { from: 'productpage-v1', to }));
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}

describe('routing in the bookinfo mesh', () => {
  it('with a waypoint, every request to a service is handled at L7 by the waypoint, over mTLS', () => {
    const { flows } = tick(bookinfoBehaviour(), withWaypoint().build());
    const toReviews = flowsWhere(flows, { service: 'reviews' });
    expect(toReviews.length).toBeGreaterThan(0);
    for (const flow of nonEmpty(toReviews)) {
      expect(flow.waypoint?.workload).toBe('waypoint');
      expect(flow.mtls).toBe(true);
    }
    expect(countWhere(flows, { from: 'sleep', service: 'productpage', code: 200 })).toBeGreaterThan(950);
  });

  it('without a waypoint, flows are L4 only (no waypoint on any flow)', () => {
    const { flows } = tick(bookinfoBehaviour(), bookinfoMesh(ambient()).build());
    expectAll(flows, (f) => f.waypoint === null && f.mtls);
  });

  it('the reviews 80/20 VirtualService splits traffic ~80/20 between v1 and v2 behind a waypoint', () => {
    const [v1 = 0, v2 = 0, v3 = 0] = reviewsShares(
      withWaypoint()
        .add(...DRS, ...REVIEWS_80_20)
        .build(),
    );
    expect(v1).toBeCloseTo(0.8, 1);
    expect(v2).toBeCloseTo(0.2, 1);
    expect(v3).toBe(0);
  });

  it('without a waypoint the same VirtualService has no effect: L4 spreads over the pods', () => {
    const shares = reviewsShares(
      bookinfoMesh(ambient())
        .add(...DRS, ...REVIEWS_80_20)
        .build(),
    );
    for (const share of shares) expect(share).toBeCloseTo(1 / 3, 1);
  });

  it('a sidecar client routes by the VirtualService itself, without a waypoint', () => {
    const builder = bookinfoMesh({}).add(...DRS, ...REVIEWS_80_20);
    builder.config.pods = builder.config.pods.map((pod) => ({
      ...pod,
      metadata: { ...pod.metadata, annotations: { 'sidecar.istio.io/status': '{}' } },
    }));
    const [v1 = 0, v2 = 0, v3 = 0] = reviewsShares(builder.build());
    expect([v1, v2, v3].map((s) => Math.round(s * 10) / 10)).toEqual([0.8, 0.2, 0]);
  });

  it('the ratings test-abort VirtualService fails the requests of end-user jason with 500 FI', () => {
    const config = withWaypoint()
      .add(...DRS, ...RATINGS_ABORT)
      .build();
    const { flows } = tick(bookinfoBehaviour(), config);
    const aborted = countWhere(flows, { service: 'ratings', code: 500, flags: 'FI' });
    const ok = countWhere(flows, { service: 'ratings', code: 200 });
    expect(aborted / (aborted + ok)).toBeCloseTo(0.1, 1);
    expectAll(flowsWhere(flows, { service: 'ratings' }), (f) => f.destination.workload === 'ratings-v1');
    // reviews v2/v3 depend on ratings (onError: fail), productpage degrades gracefully.
    expect(countWhere(flows, { service: 'reviews', code: 500 })).toBeGreaterThan(0);
    expect(countWhere(flows, { service: 'productpage', code: 500 })).toBe(0);
  });

  it('the same abort has no effect without a waypoint', () => {
    const { flows } = tick(
      bookinfoBehaviour(),
      bookinfoMesh(ambient())
        .add(...DRS, ...RATINGS_ABORT)
        .build(),
    );
    expect(countWhere(flows, { service: 'ratings', flags: 'FI' })).toBe(0);
  });

  it('an HTTPRoute with a Service parentRef weights 90/10 over the version Services', () => {
    const versions = loadBookinfo('platform-kube-bookinfo-versions.yaml');
    const config = withWaypoint()
      .add(...versions, ...loadBookinfo('gateway-api-route-reviews-90-10.yaml'))
      .build();
    const [v1 = 0, v2 = 0] = reviewsShares(config);
    expect(v1).toBeCloseTo(0.9, 1);
    expect(v2).toBeCloseTo(0.1, 1);
  });
});

/** A client calling one server through a waypoint, with a VirtualService on the server. */
function single(
  vsHttp: Record<string, unknown>,
  server: Partial<Parameters<typeof behave>[2]>,
  onError: 'fail' | 'degrade' = 'fail',
) {
  const vs: KubeObject = {
    kind: 'VirtualService',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { hosts: ['api'], http: [{ route: [{ destination: { host: 'api' } }], ...vsHttp }] },
  };
  const config = new MeshBuilder()
    .namespace('shop', ambient('waypoint'))
    .waypoint('shop')
    .workload('shop', 'client')
    .workload('shop', 'api-v1', { app: 'api' })
    .service('shop', 'api')
    .add(vs)
    .build();
  const behaviour = behaviourOf(
    [behave('shop', 'client'), behave('shop', 'api-v1', server)],
    [call('shop/client', 'shop/api', { onError })],
    [source(null, 'shop/nothing', 0), source('shop/client', 'shop/api', 100)],
  );
  return tick(behaviour, config);
}

describe('retries, timeouts and delays', () => {
  it('retries 5xx per retryOn: fewer errors, extra attempts reported, URX on the rest', () => {
    const { flows } = single({ retries: { attempts: 2, retryOn: '5xx' } }, { errorRate: 0.5 });
    const failed = countWhere(flows, { to: 'api-v1', code: 500 });
    const all = countWhere(flows, { to: 'api-v1' });
    expect(failed / all).toBeCloseTo(0.125, 1);
    expectAll(flowsWhere(flows, { to: 'api-v1', code: 500 }), (f) => f.responseFlags === 'URX');
    const retries = flowsWhere(flows, { to: 'api-v1' }).reduce((sum, f) => sum + f.retries, 0);
    expect(retries / all).toBeCloseTo(0.75, 1);
  });

  it('does not retry 500s with the default retryOn (connect failures and 503 only)', () => {
    const { flows } = single({ retries: { attempts: 2 } }, { errorRate: 0.5 });
    expect(countWhere(flows, { to: 'api-v1', code: 500 }) / countWhere(flows, { to: 'api-v1' })).toBeCloseTo(
      0.5,
      1,
    );
  });

  it('cuts requests longer than the route timeout with 504 UT', () => {
    const { flows } = single({ timeout: '0.1s' }, { medianMs: 100, p99Ms: 400 });
    const cut = countWhere(flows, { to: 'api-v1', code: 504, flags: 'UT' });
    expect(cut / countWhere(flows, { to: 'api-v1' })).toBeCloseTo(0.5, 1);
  });

  it('adds a fault delay to the latency and flags it DI', () => {
    const { flows } = single({ fault: { delay: { fixedDelay: '2s', percentage: { value: 100 } } } }, {});
    const delayed = flowsWhere(flows, { to: 'api-v1', flags: 'DI' });
    expect(delayed.reduce((s, f) => s + f.count, 0)).toBeGreaterThan(900);
    for (const flow of nonEmpty(delayed)) expect(flow.latency.medianMs).toBeGreaterThan(2_000);
  });

  it('a delay longer than the timeout times every request out', () => {
    const { flows } = single({ timeout: '1s', fault: { delay: { fixedDelay: '2s' } } }, {});
    expect(countWhere(flows, { to: 'api-v1', code: 200 })).toBe(0);
    expect(countWhere(flows, { to: 'api-v1', code: 504 })).toBeGreaterThan(900);
  });
});

describe('errors and latency flow bottom-up', () => {
  const config = bookinfoMesh(ambient()).build();
  const failing = (onError: 'fail' | 'degrade') => {
    const behaviour = bookinfoBehaviour();
    behaviour.workloads = behaviour.workloads.map((w) =>
      w.name === 'details-v1' ? { ...w, errorRate: 1 } : w,
    );
    behaviour.calls = behaviour.calls.map((c) => (c.to.service === 'details' ? { ...c, onError } : c));
    return tick(behaviour, config).flows;
  };

  it('a failing callee with onError fail fails its caller with 500', () => {
    const flows = failing('fail');
    expect(countWhere(flows, { from: 'sleep', code: 500 })).toBeGreaterThan(950);
  });

  it('onError degrade keeps answering 200', () => {
    const flows = failing('degrade');
    expect(countWhere(flows, { from: 'sleep', code: 500 })).toBe(0);
    expect(countWhere(flows, { service: 'details', code: 500 })).toBeGreaterThan(950);
  });

  it("a request's latency includes its calls' latency", () => {
    const { flows } = tick(bookinfoBehaviour(), config);
    const median = (service: string): number =>
      flowsWhere(flows, { service, code: 200 })[0]?.latency.medianMs ?? 0;
    expect(median('productpage')).toBeGreaterThan(median('details') + median('reviews'));
  });

  it('conserves requests: what sources send is what the first hop counts', () => {
    const { flows } = tick(bookinfoBehaviour(), config);
    expect(countWhere(flows, { from: 'sleep' })).toBeGreaterThan(960);
    expect(countWhere(flows, { from: 'sleep' })).toBeLessThan(1_040);
  });
});
