import { describe, expect, it } from 'vitest';
import type { FlowSample } from '../model/traffic';
import {
  flow,
  ingress,
  legacyClient,
  legacyServer,
  outsider,
  productpage,
  ratings,
  reviews,
  serviceOf,
  waypoint,
} from './__fixtures__/mesh';
import { ambient } from '../engine/__fixtures__/bookinfo';
import { behave, behaviourOf, MeshBuilder, source } from '../engine/__fixtures__/mesh-builder';
import { tick } from '../engine/__fixtures__/tick';
import { looksLikeGateway } from './demo-telemetry';
import { reportsFor } from './flow-reports';
import type { Report, ReportOptions } from './reports';

const options: ReportOptions = {
  ztunnelPod: (node) => `ztunnel-${node}`,
  isGateway: looksLikeGateway,
  requestsPerConnection: 10,
};

const reports = (f: FlowSample): Report[] => reportsFor(f, options);
const summary = (r: Report): string => `${r.proxy}/${r.reporter}/${r.layer}`;
const one = (list: Report[], proxy: string, reporter: string, layer: string): Report => {
  const found = list.filter((r) => r.proxy === proxy && r.reporter === reporter && r.layer === layer);
  expect(found, `${proxy}/${reporter}/${layer}`).toHaveLength(1);
  return found[0] as Report;
};
const spiffe = (ns: string, sa: string): string => `spiffe://cluster.local/ns/${ns}/sa/${sa}`;

describe('reportsFor: ambient client -> waypoint -> ambient server', () => {
  const list = reports(flow(productpage, reviews, { waypoint }));

  it('gives the three series of the facts page, plus the waypoint’s TCP series, and nothing else', () => {
    expect(list.map(summary)).toEqual([
      'ztunnel/source/tcp',
      'waypoint/waypoint/http',
      'waypoint/waypoint/tcp',
      'ztunnel/destination/tcp',
    ]);
  });

  it('client ztunnel: client -> waypoint, destination_service the real service, scraped from its node’s ztunnel', () => {
    const r = one(list, 'ztunnel', 'source', 'tcp');
    expect(r.labels).toMatchObject({
      reporter: 'source',
      source_workload: 'productpage-v1',
      source_principal: spiffe('bookinfo', 'bookinfo-productpage'),
      destination_workload: 'waypoint',
      destination_principal: spiffe('bookinfo', 'waypoint'),
      destination_service: 'reviews.bookinfo.svc.cluster.local',
      destination_service_name: 'reviews',
      destination_service_namespace: 'bookinfo',
      request_protocol: 'tcp',
      response_flags: '-',
      connection_security_policy: 'mutual_tls',
      namespace: 'istio-system',
      pod: 'ztunnel-node-1',
      app: 'ztunnel',
    });
    expect(r.labels).not.toHaveProperty('response_code');
    // 10 requests ride one connection.
    expect(r.count).toBe(1);
  });

  it('waypoint: L7 client -> server with both principals and mutual_tls, from the waypoint’s pod', () => {
    const r = one(list, 'waypoint', 'waypoint', 'http');
    expect(r.labels).toMatchObject({
      reporter: 'waypoint',
      source_workload: 'productpage-v1',
      source_canonical_service: 'productpage',
      source_principal: spiffe('bookinfo', 'bookinfo-productpage'),
      destination_workload: 'reviews-v2',
      destination_canonical_revision: 'v2',
      destination_principal: spiffe('bookinfo', 'bookinfo-reviews'),
      request_protocol: 'http',
      response_code: '200',
      grpc_response_status: '',
      connection_security_policy: 'mutual_tls',
      namespace: 'bookinfo',
      pod: waypoint.pod.name,
      app: 'waypoint',
    });
    expect(r.count).toBe(10);
  });

  it('server ztunnel: waypoint -> server, the source being the waypoint’s identity', () => {
    const r = one(list, 'ztunnel', 'destination', 'tcp');
    expect(r.labels).toMatchObject({
      reporter: 'destination',
      source_workload: 'waypoint',
      source_principal: spiffe('bookinfo', 'waypoint'),
      destination_workload: 'reviews-v2',
      connection_security_policy: 'mutual_tls',
      pod: 'ztunnel-node-2',
    });
  });

  it('never counts a request twice: one L7 reporter, one TCP report per reporter', () => {
    expect(list.filter((r) => r.layer === 'http').reduce((n, r) => n + r.count, 0)).toBe(10);
    const tcpReporters = list.filter((r) => r.layer === 'tcp').map((r) => r.reporter);
    expect(new Set(tcpReporters).size).toBe(tcpReporters.length);
  });
});

describe('reportsFor: other paths of the facts page', () => {
  it('ambient -> ambient without a waypoint: only the two ztunnels, L4 only', () => {
    const list = reports(flow(productpage, ratings));
    expect(list.map(summary)).toEqual(['ztunnel/source/tcp', 'ztunnel/destination/tcp']);
    for (const r of list) {
      expect(r.labels).toMatchObject({
        connection_security_policy: 'mutual_tls',
        destination_workload: 'ratings-v1',
      });
    }
    expect(one(list, 'ztunnel', 'destination', 'tcp').labels.source_workload).toBe('productpage-v1');
  });

  it('a TCP service counts connections, not requests per connection', () => {
    const list = reports(
      flow(productpage, ratings, { service: serviceOf(ratings, 'tcp'), responseCode: 0, count: 4 }),
    );
    expect(list.map((r) => r.count)).toEqual([4, 4]);
  });

  it('sidecar -> sidecar: L7 twice, source (client can’t tell mTLS) and destination', () => {
    const list = reports(flow(legacyClient, legacyServer));
    expect(list.map(summary)).toEqual(['sidecar/source/http', 'sidecar/destination/http']);
    expect(one(list, 'sidecar', 'source', 'http').labels).toMatchObject({
      connection_security_policy: 'unknown',
      source_principal: spiffe('legacy', 'bookinfo-orders'),
      destination_principal: spiffe('legacy', 'bookinfo-inventory'),
      pod: legacyClient.pod.name,
      namespace: 'legacy',
      app: 'orders',
    });
    expect(one(list, 'sidecar', 'destination', 'http').labels).toMatchObject({
      connection_security_policy: 'mutual_tls',
      source_workload: 'orders-v1',
      pod: legacyServer.pod.name,
    });
  });

  it('a pod outside the mesh -> ambient, plaintext: the server’s ztunnel only, security unknown, no principal', () => {
    const list = reports(flow(outsider, reviews));
    expect(list.map(summary)).toEqual(['ztunnel/destination/tcp']);
    expect(list[0]?.labels).toMatchObject({
      connection_security_policy: 'unknown',
      // ztunnel finds an in-cluster pod by its IP, but only mTLS gives a principal.
      source_workload: 'client-v1',
      source_workload_namespace: 'outside',
      source_principal: 'unknown',
      destination_principal: spiffe('bookinfo', 'bookinfo-reviews'),
    });
  });

  it('a client outside the cluster -> ambient: every source label is unknown', () => {
    const [r] = reports(flow(null, reviews));
    for (const name of [
      'workload',
      'workload_namespace',
      'canonical_service',
      'principal',
      'app',
      'version',
      'cluster',
    ]) {
      expect(r?.labels[`source_${name}`], name).toBe('unknown');
    }
  });

  it('a ztunnel policy DENY: the server’s ztunnel records DENY when the connection closes, one per attempt', () => {
    const f = flow(productpage, ratings, {
      refusedBy: 'ztunnel-policy',
      responseCode: 0,
      bytes: { sent: 0, received: 0 },
    });
    const r = one(reports(f), 'ztunnel', 'destination', 'tcp');
    expect(r.labels.response_flags).toBe('-');
    expect(r.closedLabels?.response_flags).toBe('DENY');
    expect(r.count).toBe(10);
    expect(one(reports(f), 'ztunnel', 'source', 'tcp').closedLabels?.response_flags).toBe('-');
  });

  it('STRICT mTLS against a plaintext client: DENY at the server’s ztunnel, security unknown', () => {
    const f = flow(outsider, reviews, { refusedBy: 'strict-mtls', responseCode: 0 });
    const [r, ...rest] = reports(f);
    expect(rest).toEqual([]);
    expect(r?.closedLabels).toMatchObject({ response_flags: 'DENY', connection_security_policy: 'unknown' });
  });

  it('an L7 policy at the waypoint: 403 from the waypoint, and the server’s ztunnel never sees it', () => {
    const list = reports(flow(productpage, reviews, { waypoint, refusedBy: 'l7-policy', responseCode: 403 }));
    expect(list.map(summary)).toEqual([
      'ztunnel/source/tcp',
      'waypoint/waypoint/http',
      'waypoint/waypoint/tcp',
    ]);
    expect(one(list, 'waypoint', 'waypoint', 'http').labels.response_code).toBe('403');
  });

  it('an L7 policy at a server sidecar: 403 from both sidecars', () => {
    const list = reports(flow(legacyClient, legacyServer, { refusedBy: 'l7-policy', responseCode: 403 }));
    expect(list.map((r) => r.labels.response_code)).toEqual(['403', '403']);
  });

  it('the ingress gateway reports as source only; the ambient server’s ztunnel names the gateway', () => {
    const list = reports(flow(ingress, productpage, { service: serviceOf(productpage) }));
    expect(list.map(summary)).toEqual(['gateway/source/http', 'ztunnel/destination/tcp']);
    expect(one(list, 'gateway', 'source', 'http').labels).toMatchObject({
      source_workload: 'istio-ingressgateway',
      connection_security_policy: 'unknown',
      namespace: 'istio-system',
    });
    expect(one(list, 'ztunnel', 'destination', 'tcp').labels.source_principal).toBe(
      spiffe('istio-system', 'istio-ingressgateway-service-account'),
    );
    expect(reports(flow(null, ingress))).toEqual([]);
  });

  it('a server sidecar also counts the attempts a retrying client made, as failed attempts', () => {
    const list = reports(flow(legacyClient, legacyServer, { retries: 3 }));
    expect(list.map((r) => [r.reporter, r.labels.response_code, r.count])).toEqual([
      ['source', '200', 10],
      ['destination', '200', 10],
      ['destination', '500', 3],
    ]);
  });

  it('a fault abort at the waypoint reaches neither the server nor its ztunnel', () => {
    const list = reports(flow(productpage, reviews, { waypoint, responseCode: 503, responseFlags: 'FI' }));
    expect(list.map(summary)).toEqual([
      'ztunnel/source/tcp',
      'waypoint/waypoint/http',
      'waypoint/waypoint/tcp',
    ]);
  });

  it('gRPC: request_protocol grpc and the gRPC status', () => {
    const f = flow(legacyClient, legacyServer, { service: serviceOf(legacyServer, 'grpc'), grpcStatus: 14 });
    expect(one(reports(f), 'sidecar', 'destination', 'http').labels).toMatchObject({
      request_protocol: 'grpc',
      grpc_response_status: '14',
    });
  });

  it('plaintext into a server sidecar: `none`, and the source is unknown', () => {
    const [r] = reports(flow(outsider, legacyServer));
    expect(r?.labels).toMatchObject({ connection_security_policy: 'none', source_workload: 'unknown' });
  });

  it('an empty flow reports nothing', () => {
    expect(reports(flow(productpage, reviews, { count: 0 }))).toEqual([]);
  });
});

describe('reportsFor over the engine’s flows: a sidecar client calling a Service behind a waypoint', () => {
  // legacy/inventory (sidecar) -> bookinfo/details (ambient, Service waypoint), with a fault abort on details: the
  // sidecar routes and aborts itself and never uses the waypoint (upstream Istio), so its own `source` series is
  // the only one that records the abort, addressed to details as for a Service without a waypoint.
  const config = new MeshBuilder()
    .namespace('istio-system')
    .namespace('bookinfo', ambient('waypoint'))
    .waypoint('bookinfo')
    .workload('bookinfo', 'details-v1', { app: 'details' })
    .service('bookinfo', 'details')
    .namespace('legacy')
    .workload('legacy', 'inventory-v1', { app: 'inventory', dataplane: 'sidecar' })
    .add({
      kind: 'VirtualService',
      metadata: { name: 'details', namespace: 'bookinfo' },
      spec: {
        hosts: ['details'],
        http: [
          {
            fault: { abort: { httpStatus: 503, percentage: { value: 50 } } },
            route: [{ destination: { host: 'details' } }],
          },
        ],
      },
    })
    .build();
  const behaviour = behaviourOf(
    [behave('bookinfo', 'details-v1'), behave('legacy', 'inventory-v1')],
    [],
    [source('legacy/inventory-v1', 'bookinfo/details', 100, { path: '/details/0' })],
  );
  const flows = tick(behaviour, config).flows.filter((f) => f.source?.workload === 'inventory-v1');
  const list = flows.flatMap(reports);

  it('records the abort in the sidecar’s source series, addressed to the details Service and its workload', () => {
    const aborted = list.filter((r) => r.labels.response_flags === 'FI');
    expect(aborted.length).toBeGreaterThan(0);
    for (const r of aborted) {
      expect(summary(r)).toBe('sidecar/source/http');
      expect(r.labels).toMatchObject({
        reporter: 'source',
        source_workload: 'inventory-v1',
        destination_service_name: 'details',
        destination_service_namespace: 'bookinfo',
        destination_workload: 'details-v1',
        response_code: '503',
      });
    }
    const requests = (flags: string): number =>
      list
        .filter((r) => r.layer === 'http' && r.labels.response_flags === flags)
        .reduce((n, r) => n + r.count, 0);
    expect(requests('FI') / (requests('FI') + requests('-'))).toBeCloseTo(0.5, 1);
  });

  it('has no waypoint series and no hop addressed to the waypoint', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((r) => r.reporter === 'waypoint' || r.proxy === 'waypoint')).toEqual([]);
    expect(list.filter((r) => r.labels.destination_workload === 'waypoint')).toEqual([]);
    expect(list.filter((r) => r.labels.source_workload === 'waypoint')).toEqual([]);
  });

  it('the requests that were not aborted reach details: the sidecar’s source series and details’ ztunnel', () => {
    expect(new Set(list.filter((r) => r.labels.response_flags !== 'FI').map(summary))).toEqual(
      new Set(['sidecar/source/http', 'ztunnel/destination/tcp']),
    );
    expect(
      one(
        list.filter((r) => r.labels.response_code === '200'),
        'sidecar',
        'source',
        'http',
      ).labels,
    ).toMatchObject({ destination_workload: 'details-v1' });
  });
});
