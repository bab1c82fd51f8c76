import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DetailSeries, NamespaceDetail, PolicyRow, WorkloadDetail } from '@/lib/mesh/detail-types';
import { DEFAULT_VIEW } from '@/lib/view-state';
import { NamespaceCard } from '@/components/overview/namespace-card';
import { axisTop, linePath } from './detail-chart';
import { chartWindow, enforcedAtAttribute, enforcementText, errorText, latencyText } from './detail-format';
import { EffectiveWaypoints } from './effective-waypoints';
import { NamespaceDetailContent } from './namespace-detail-view';
import { WorkloadDetailContent } from './workload-detail-view';

const view = { ...DEFAULT_VIEW, window: '15m' as const };
const meta = { windowSeconds: 300, end: '2026-05-01T10:05:00Z', queries: 13, durationMs: 4 };
const t0 = Date.parse('2026-05-01T10:00:00Z') / 1000;
const series = (n: number): DetailSeries => ({
  points: Array.from({ length: n }, (_, i) => ({
    t: t0 + i * 15,
    requestsPerSecond: 10,
    errorsPerSecond: i === 3 ? 1 : 0,
    p95Ms: 20 + i,
    connectionsPerSecond: 1,
  })),
  stepSeconds: 15,
  reporters: ['waypoint'],
  known: true,
});
const policy: PolicyRow = {
  kind: 'AuthorizationPolicy',
  namespace: 'shop',
  name: 'api-get',
  appliesTo: 'Service api',
  enforcedAt: ['waypoint'],
  action: 'ALLOW',
  note: null,
};
const waypointOf = {
  waypoint: { namespace: 'shop', name: 'waypoint' },
  status: 'bound' as const,
  from: 'namespace' as const,
  reason: 'shop/waypoint, inherited from namespace',
};

describe('NamespaceDetailContent', () => {
  const data: NamespaceDetail = {
    namespace: 'shop',
    posture: {
      name: 'shop',
      mode: 'ambient',
      enrollment: 'istio.io/dataplane-mode=ambient',
      pods: { total: 2, captured: 2, sidecar: 0, uncaptured: 0, infrastructure: 1 },
      waypoints: [],
      peerAuthentication: { mode: 'PERMISSIVE', level: 'default', source: null, workloadPolicies: 0 },
      traffic: null,
      health: 'unknown',
      problems: [],
    },
    workloads: [
      {
        name: 'api-v1',
        dataplane: 'ambient',
        pods: { total: 2, ready: 2 },
        waypoint: waypointOf,
        peerAuthentication: { mode: 'PERMISSIVE', level: 'default', policy: null, text: 'no policy' },
        inbound: { requestsPerSecond: 10, errorShare: 0.01, p95Ms: 25, bytesPerSecond: null, mtlsShare: 1 },
        health: 'degraded',
      },
    ],
    policies: [policy],
    traffic: { inbound: series(21), outbound: { points: [], stepSeconds: 15, reporters: [], known: true } },
    trafficKnown: true,
    meta,
  };
  const html = renderToStaticMarkup(<NamespaceDetailContent data={data} errors={[]} view={view} />);

  it('has the page, its charts, its workload rows linking to their pages, and its policies', () => {
    expect(html).toContain('data-testid="namespace-detail" data-namespace="shop"');
    expect(html).toContain('data-testid="detail-chart" data-direction="inbound" data-points="21"');
    expect(html).toContain('data-testid="detail-chart" data-direction="outbound" data-points="0"');
    expect(html).toMatch(/data-direction="outbound"[^]*no traffic in the window/);
    expect(html).toContain('data-testid="detail-workload-row" data-workload="api-v1"');
    expect(html).toContain('href="/mesh/workloads/shop/api-v1?window=15m"');
    expect(html).toContain('data-testid="detail-policy" data-kind="AuthorizationPolicy"');
    expect(html).toContain('data-enforced-at="waypoint"');
    expect(html).toContain('href="/graph?ns=shop&amp;window=15m"');
    expect(html).toMatch(/<path d="M0\.0,[\d.]+ L/);
  });

  it('says metrics are unavailable rather than drawing zeros', () => {
    const down = renderToStaticMarkup(
      <NamespaceDetailContent
        data={{
          ...data,
          trafficKnown: false,
          traffic: { inbound: { ...series(0), known: false }, outbound: { ...series(0), known: false } },
        }}
        errors={[{ source: 'prometheus', kind: 'unreachable', message: 'prometheus: connection refused' }]}
        view={view}
      />,
    );
    expect(down).toContain('metrics unavailable');
    expect(down).toContain('prometheus: connection refused');
  });
});

describe('WorkloadDetailContent', () => {
  const data: WorkloadDetail = {
    namespace: 'shop',
    name: 'api-v1',
    role: 'workload',
    dataplane: 'ambient',
    pods: [
      {
        name: 'api-v1-a',
        node: 'node-1',
        ready: true,
        phase: 'Running',
        ip: '10.0.0.1',
        dataplane: 'ambient',
        dataplaneReason: 'istio-cni reports redirection enabled',
      },
    ],
    serviceAccounts: ['api'],
    identities: ['spiffe://cluster.local/ns/shop/sa/api'],
    services: ['api'],
    waypoint: waypointOf,
    peerAuthentication: {
      mode: 'STRICT',
      level: 'namespace',
      policy: 'shop/strict',
      text: 'namespace policy shop/strict',
      ports: [{ port: 8080, mode: 'PERMISSIVE' }],
    },
    policies: [
      policy,
      { ...policy, name: 'l4', enforcedAt: ['ztunnel'], note: 'ztunnel strips the L7 parts' },
    ],
    callers: [
      {
        node: 'workload:web/front',
        workload: { namespace: 'web', name: 'front' },
        layers: ['L7'],
        via: 'workload:shop/waypoint',
        requestsPerSecond: 10,
        errorShare: 0,
        p95Ms: 25,
        bytesPerSecond: null,
        mtlsShare: 1,
      },
    ],
    callees: [
      {
        node: 'unknown',
        workload: null,
        layers: ['L4'],
        via: null,
        requestsPerSecond: 0,
        errorShare: 0,
        p95Ms: null,
        bytesPerSecond: 100,
        mtlsShare: 0,
      },
    ],
    health: 'healthy',
    traffic: { inbound: series(21), outbound: series(21) },
    trafficKnown: true,
    meta,
  };
  const html = renderToStaticMarkup(<WorkloadDetailContent data={data} errors={[]} view={view} />);

  it('has the page, its facts, charts, policies with where they are enforced, callers and callees', () => {
    expect(html).toContain('data-testid="workload-detail" data-namespace="shop" data-name="api-v1"');
    expect(html).toContain('spiffe://cluster.local/ns/shop/sa/api');
    expect(html).toContain('ports 8080: PERMISSIVE');
    expect(html).toContain('data-testid="detail-chart" data-direction="outbound" data-points="21"');
    expect(html).toMatch(
      /data-testid="detail-policy" data-kind="AuthorizationPolicy" data-name="shop\/l4" data-enforced-at="ztunnel"/,
    );
    expect(html).toContain('data-testid="detail-peer" data-direction="caller" data-peer="web/front"');
    expect(html).toContain('href="/mesh/workloads/web/front?window=15m"');
    expect(html).toContain('data-testid="detail-peer" data-direction="callee" data-peer="unknown"');
    expect(html).toContain('href="/graph?ns=shop&amp;window=15m&amp;find=name%20%3D%20api-v1"');
    expect(html).toContain('href="/mesh/namespaces/shop?window=15m"');
  });
});

describe('the pages’ formatting and charts', () => {
  it.each<[PolicyRow['enforcedAt'], string, string]>([
    [[], 'none', 'nowhere'],
    [['ztunnel'], 'ztunnel', 'ztunnel (L4)'],
    [['waypoint', 'ztunnel'], 'waypoint ztunnel', 'waypoint (L7), ztunnel (L4)'],
  ])('enforced at %o', (enforcedAt, attribute, text) => {
    expect(enforcedAtAttribute({ enforcedAt })).toBe(attribute);
    expect(enforcementText({ enforcedAt })).toBe(text);
  });

  it('writes latencies and errors', () => {
    expect([latencyText(null), latencyText(4.25), latencyText(23.6), latencyText(1234)]).toEqual([
      '—',
      '4.3 ms',
      '24 ms',
      '1.23 s',
    ]);
    expect([errorText(0), errorText(0.00011)]).toEqual(['0%', '0.1%']);
    expect(chartWindow(meta)).toEqual({
      startMs: Date.parse('2026-05-01T10:00:00Z'),
      endMs: Date.parse('2026-05-01T10:05:00Z'),
    });
  });

  it('draws lines over the window, broken where a value is missing', () => {
    const x = { startMs: 0, endMs: 30_000, width: 300 };
    const y = { top: 10, height: 100 };
    expect(linePath([0, 15_000, 30_000], [0, 5, 10], x, y)).toBe('M0.0,100.0 L150.0,50.0 L300.0,0.0');
    expect(linePath([0, 15_000, 30_000], [5, null, 5], x, y)).toBe('M0.0,50.0 M300.0,50.0');
    expect([axisTop([]), axisTop([0.3]), axisTop([7, null]), axisTop([42])]).toEqual([1, 0.3, 8, 50]);
  });
});

describe('links to the pages from the Overview and the Mesh page', () => {
  it('the namespace card’s name opens the namespace page, and still links the graph', () => {
    const posture = {
      name: 'shop',
      mode: 'ambient' as const,
      enrollment: null,
      pods: { total: 0, captured: 0, sidecar: 0, uncaptured: 0, infrastructure: 0 },
      waypoints: [],
      peerAuthentication: null,
      traffic: null,
      health: 'unknown' as const,
      problems: [],
    };
    const html = renderToStaticMarkup(
      <NamespaceCard posture={posture} graphHref="/graph?ns=shop" detailHref="/mesh/namespaces/shop" />,
    );
    expect(html).toMatch(/<a [^>]*href="\/mesh\/namespaces\/shop">shop<\/a>/);
    expect(html).toContain('href="/graph?ns=shop"');
  });

  it('effective waypoint rows link the namespace and each workload, keeping the view', () => {
    const html = renderToStaticMarkup(
      <EffectiveWaypoints
        view={view}
        rows={{
          namespace: 'shop',
          label: 'waypoint',
          services: [],
          workloads: [
            {
              kind: 'workload',
              namespace: 'shop',
              name: 'api-v1',
              ...waypointOf,
              dataplane: 'ambient',
              services: [],
            },
          ],
        }}
      />,
    );
    expect(html).toContain('href="/mesh/namespaces/shop?window=15m"');
    expect(html).toContain('href="/mesh/workloads/shop/api-v1?window=15m"');
  });
});
