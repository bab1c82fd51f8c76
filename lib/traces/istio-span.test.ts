import { describe, expect, it } from 'vitest';
import { istioTestSpan as span, NO_ISTIO_FACTS as NONE } from './__fixtures__/istio';
import { istioFactRows, istioSpanFacts, type IstioSpanFacts } from './istio-span';
import type { Attributes, Span } from './types';

/** The attributes every Istio Envoy span carries, as the demo's spans.ts writes them. */
const envoy = (
  nodeId: string,
  namespace: string,
  app: string,
  version: string,
  cluster: string,
): Attributes => ({
  node_id: nodeId,
  component: 'proxy',
  'http.method': 'GET',
  upstream_cluster: cluster,
  response_flags: '-',
  'istio.mesh_id': 'cluster.local',
  'istio.namespace': namespace,
  'istio.canonical_service': app,
  'istio.canonical_revision': version,
  'http.status_code': 200,
});

const waypointEnds = {
  'istio.source_workload': 'productpage-v1',
  'istio.source_namespace': 'bookinfo',
  'istio.destination_workload': 'reviews-v2',
  'istio.destination_namespace': 'bookinfo',
  'istio.destination_service': 'reviews.bookinfo.svc.cluster.local',
};

describe('istioSpanFacts', () => {
  const cases: { name: string; span: Span; facts: Partial<IstioSpanFacts> }[] = [
    {
      name: 'a client sidecar calling a subset: pod split from its namespace, the cluster’s host is the destination',
      span: span(
        envoy(
          'sidecar~10.0.0.5~productpage-v1-6f89b6c557-sg2bc.bookinfo~bookinfo.svc.cluster.local',
          'bookinfo',
          'productpage',
          'v1',
          'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
        ),
        { kind: 'client' },
      ),
      facts: {
        role: 'sidecar',
        pod: 'productpage-v1-6f89b6c557-sg2bc',
        podIp: '10.0.0.5',
        namespace: 'bookinfo',
        canonicalService: 'productpage',
        canonicalRevision: 'v1',
        source: null,
        destination: { workload: null, namespace: 'bookinfo', service: 'reviews.bookinfo.svc.cluster.local' },
        upstreamCluster: {
          direction: 'outbound',
          port: 9080,
          subset: 'v2',
          host: 'reviews.bookinfo.svc.cluster.local',
          raw: 'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
        },
        statusCode: 200,
        responseFlags: [],
        viaWaypoint: false,
      },
    },
    {
      name: 'a server sidecar: inbound cluster without a host, no destination',
      span: span(
        envoy(
          'sidecar~10.0.0.7~reviews-v2-7d9f8c6b5-abcde.bookinfo~bookinfo.svc.cluster.local',
          'bookinfo',
          'reviews',
          'v2',
          'inbound|9080||',
        ),
      ),
      facts: {
        role: 'sidecar',
        pod: 'reviews-v2-7d9f8c6b5-abcde',
        destination: null,
        upstreamCluster: {
          direction: 'inbound',
          port: 9080,
          subset: null,
          host: null,
          raw: 'inbound|9080||',
        },
      },
    },
    {
      name: 'a waypoint names both workloads of the call',
      span: span({
        ...envoy(
          'waypoint~10.0.0.9~waypoint-5d8f7-abcde.bookinfo~bookinfo.svc.cluster.local',
          'bookinfo',
          'waypoint',
          'latest',
          'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
        ),
        ...waypointEnds,
      }),
      facts: {
        role: 'waypoint',
        pod: 'waypoint-5d8f7-abcde',
        source: { workload: 'productpage-v1', namespace: 'bookinfo' },
        destination: {
          workload: 'reviews-v2',
          namespace: 'bookinfo',
          service: 'reviews.bookinfo.svc.cluster.local',
        },
        upstreamCluster: {
          direction: 'inbound-vip',
          port: 9080,
          subset: 'http',
          host: 'reviews.bookinfo.svc.cluster.local',
          raw: 'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
        },
        viaWaypoint: true,
      },
    },
    {
      name: 'a waypoint serving a caller from outside the mesh: Istio’s `unknown` is no source',
      span: span({ ...waypointEnds, node_id: 'waypoint~1~w.ns~ns', 'istio.source_workload': 'unknown' }),
      facts: { role: 'waypoint', source: null, pod: 'w', namespace: 'ns' },
    },
    {
      name: 'a waypoint that names only the destination service: the namespace comes from the host',
      span: span({
        node_id: 'waypoint~1~w.ns~ns',
        'istio.destination_service': 'ratings.bookinfo.svc.cluster.local',
      }),
      facts: {
        destination: { workload: null, namespace: 'bookinfo', service: 'ratings.bookinfo.svc.cluster.local' },
      },
    },
    {
      name: 'the ingress gateway is Envoy’s router; a status code given as a string; flags explained',
      span: span(
        {
          node_id:
            'router~10.0.0.2~istio-ingressgateway-5c9d7-x2x4p.istio-system~istio-system.svc.cluster.local',
          upstream_cluster: 'outbound|9080||productpage.bookinfo.svc.cluster.local',
          'http.status_code': '503',
          response_flags: 'URX,UF',
        },
        { kind: 'client' },
      ),
      facts: {
        role: 'gateway',
        pod: 'istio-ingressgateway-5c9d7-x2x4p',
        namespace: 'istio-system',
        canonicalService: null,
        statusCode: 503,
        responseFlags: [
          {
            code: 'URX',
            meaning:
              'The request was rejected because the upstream retry limit (HTTP) or maximum connect attempts (TCP) was reached.',
          },
          { code: 'UF', meaning: 'Upstream connection failure in addition to 503 response code.' },
        ],
      },
    },
    {
      name: 'Passthrough, an unknown flag, a gRPC status and a namespace from the domain when the id has none',
      span: span({
        node_id: 'sidecar~10.0.0.3~legacy-pod~legacy.svc.cluster.local',
        upstream_cluster: 'PassthroughCluster',
        response_flags: 'XYZ',
        'grpc.status_code': 14,
      }),
      facts: {
        pod: 'legacy-pod',
        namespace: 'legacy',
        destination: null,
        upstreamCluster: {
          direction: 'other',
          port: null,
          subset: null,
          host: null,
          raw: 'PassthroughCluster',
        },
        statusCode: 14,
        responseFlags: [{ code: 'XYZ', meaning: 'Unknown Envoy response flag.' }],
      },
    },
    {
      name: 'an application’s own span: role app, Kubernetes resource attributes as a fallback',
      span: span(
        { 'http.status_code': 200.5 },
        { resource: { 'k8s.pod.name': 'api-0', 'k8s.namespace.name': 'shop' } },
      ),
      facts: { ...NONE, role: 'app', pod: 'api-0', namespace: 'shop' },
    },
  ];

  it.each(cases)('$name', ({ span: s, facts }) => {
    expect(istioSpanFacts(s)).toMatchObject(facts);
  });
});

describe('istioFactRows', () => {
  it('lists what is known in reading order, one row per response flag', () => {
    const facts = istioSpanFacts(
      span({
        ...envoy(
          'waypoint~10.0.0.9~waypoint-5d8f7-abcde.bookinfo~bookinfo.svc.cluster.local',
          'bookinfo',
          'waypoint',
          'latest',
          'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local',
        ),
        ...waypointEnds,
        'http.status_code': 503,
        response_flags: 'FI,DI',
      }),
    );
    expect(istioFactRows(facts)).toEqual([
      { label: 'Proxy', value: 'Waypoint' },
      { label: 'Namespace', value: 'bookinfo' },
      { label: 'Canonical service', value: 'waypoint' },
      { label: 'Canonical revision', value: 'latest' },
      { label: 'Pod', value: 'waypoint-5d8f7-abcde' },
      { label: 'Pod IP', value: '10.0.0.9' },
      { label: 'Source workload', value: 'productpage-v1 (bookinfo)' },
      { label: 'Destination workload', value: 'reviews-v2 (bookinfo)' },
      { label: 'Destination service', value: 'reviews.bookinfo.svc.cluster.local' },
      { label: 'Upstream cluster', value: 'inbound-vip|9080|http|reviews.bookinfo.svc.cluster.local' },
      { label: 'Status code', value: '503' },
      {
        label: 'Response flag',
        value: 'FI: The request was aborted with a response code specified via fault injection.',
      },
      {
        label: 'Response flag',
        value: 'DI: The request processing was delayed for a period specified via fault injection.',
      },
    ]);
  });

  it('skips unknowns: an application span with nothing Istio gives no rows', () => {
    expect(istioFactRows(istioSpanFacts(span({})))).toEqual([]);
    expect(istioFactRows(istioSpanFacts(span({ 'http.status_code': 0 })))).toEqual([
      { label: 'Status code', value: '0' },
    ]);
  });
});
