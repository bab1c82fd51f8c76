import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AMBIENT,
  CAPTURED,
  deployment,
  ns,
  peerAuthentication,
  pod,
  service,
  waypoint,
} from '@/lib/mesh/__fixtures__/cluster';
import { edge } from '@/lib/mesh/__fixtures__/graph-edges';
import { mtlsView } from '@/lib/mesh/mtls-view';
import type { WorkloadGroup } from '@/lib/mesh/view-inputs';
import { waypointsView } from '@/lib/mesh/waypoints-view';
import { MtlsContent } from './mtls-section';
import { WaypointsContent } from './waypoints-section';

const meta = { windowSeconds: 300, end: '2026-05-01T10:00:00Z', queries: 7, durationMs: 3 };
const api: WorkloadGroup = {
  namespace: 'shop',
  name: 'api-v1',
  pods: [pod('shop', 'api-v1-a', { labels: { app: 'api' }, annotations: CAPTURED })],
};
const waypointPod: WorkloadGroup = {
  namespace: 'shop',
  name: 'waypoint',
  pods: [pod('shop', 'waypoint-a', { labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } })],
};

describe('WaypointsContent', () => {
  const data = {
    ...waypointsView({
      namespaces: [ns('shop', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' })],
      services: [service('shop', 'api')],
      serviceEntries: [],
      workloads: [api, waypointPod],
      gateways: [waypoint('shop')],
      gatewayClasses: [],
      deployments: [deployment('shop', 'waypoint', { image: 'istio/proxyv2:1.28.0', templateLabels: {} })],
      edges: [
        edge('workload:web/a', 'workload:shop/api-v1', {
          via: 'workload:shop/waypoint',
          requestsPerSecond: 12,
        }),
      ],
    }),
    meta,
  };
  const html = renderToStaticMarkup(<WaypointsContent data={data} window="5m" />);

  it('has a card per waypoint, its bindings and its traffic', () => {
    expect(html).toContain('data-testid="waypoint-card" data-name="waypoint" data-namespace="shop"');
    expect(html).toMatch(/data-testid="waypoint-binding" data-kind="namespace" data-effective="true"/);
    expect(html).toMatch(/data-testid="waypoint-traffic">[^<]*<span[^>]*>12 rps, 0% errors/);
  });

  it('has a row per Service and workload with its effective waypoint and the reason in words', () => {
    expect(html).toMatch(
      /data-testid="effective-waypoint-row" data-namespace="shop" data-status="bound" data-service="api"/,
    );
    expect(html).toMatch(/data-testid="effective-waypoint-row"[^>]*data-workload="api-v1"/);
    expect(html).toContain('shop/waypoint, inherited from namespace (through Service api)');
  });
});

describe('MtlsContent', () => {
  const input = {
    namespaces: [ns('shop', AMBIENT), ns('outside')],
    workloads: [api],
    peerAuthentications: [peerAuthentication('shop', 'strict', 'STRICT')],
    edges: [
      edge('workload:outside/client', 'workload:shop/api-v1', {
        layer: 'L4',
        mtls: 0,
        bytesPerSecond: 0,
        responseCodes: { '0': 5 },
      }),
    ],
  };
  const html = renderToStaticMarkup(<MtlsContent data={{ ...mtlsView(input), meta }} window="5m" />);

  it('has a row per namespace with its mode, the plaintext edges with their sender, and the findings', () => {
    expect(html).toContain('data-testid="mtls-namespace-row" data-namespace="shop" data-mode="STRICT"');
    expect(html).toContain('namespace policy shop/strict');
    expect(html).toContain(
      'data-testid="plaintext-edge" data-sender="outside/client" data-receiver="shop/api-v1" data-outcome="refused"',
    );
    expect(html).toContain('data-testid="mtls-finding" data-code="strict-refusing-plaintext"');
    expect(html).toContain('STRICT but plaintext attempts are being refused');
  });

  it('says the modes are unknown when PeerAuthentications could not be read', () => {
    const view = mtlsView({ ...input, peerAuthentications: null });
    const unknown = renderToStaticMarkup(<MtlsContent data={{ ...view, meta }} window="5m" />);
    expect(unknown).toContain('data-namespace="shop" data-mode="unknown"');
    expect(unknown).toContain('PeerAuthentications could not be read');
  });
});
