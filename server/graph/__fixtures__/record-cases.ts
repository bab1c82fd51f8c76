/**
 * Records `cases.json`: for each ambient case, a minute of hand-written flows through the demo mesh's telemetry
 * (its reporter table decides which proxy reports which series, as docs/istio-ambient.md says), read back with
 * the graph's own fixed queries through the direct MetricsSource. The samples are therefore exactly the port's
 * answers. The endpoints match `cluster.ts`. `cases.json` keeps the reads it was first recorded with (bytes one
 * direction at a time, which the pipeline adds up as it adds the two-counter read).
 *
 * Also records `recent-cases.json`: the same cases, plus {@link CHANGES} whose last ten seconds differ, read as a
 * refresh with a recent sub-window reads them (`readTraffic` with `recentSeconds: 10`: the window's reads and the
 * sub-window's).
 *
 *   npx tsx server/graph/__fixtures__/record-cases.ts
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '@/lib/random';
import type { FlowSample } from '@/server/demo/model/traffic';
import { createDemoTelemetry } from '@/server/demo/telemetry';
import { endpoint, flow, serviceOf, tick } from '@/server/demo/telemetry/__fixtures__/mesh';
import type { TrafficMetric } from '../model';
import { GRAPH_QUERIES, readTraffic, runQueries, type GraphQuery } from '../queries';

const productpage = endpoint('bookinfo', 'productpage', { node: 'node-1' });
const reviews = endpoint('bookinfo', 'reviews', { version: 'v2', node: 'node-2' });
const details = endpoint('bookinfo', 'details', { node: 'node-2' });
const waypoint = endpoint('bookinfo', 'waypoint', {
  version: 'latest',
  workload: 'waypoint',
  serviceAccount: 'waypoint',
  node: 'node-3',
});
const worker = endpoint('payments', 'worker', { serviceAccount: 'worker', node: 'node-1' });
const api = endpoint('payments', 'api', { serviceAccount: 'api', node: 'node-2' });
const postgres = endpoint('payments', 'postgres', { serviceAccount: 'postgres', node: 'node-3' });
const orders = endpoint('legacy', 'orders', { dataplane: 'sidecar', serviceAccount: 'orders' });
const inventory = endpoint('legacy', 'inventory', { dataplane: 'sidecar', serviceAccount: 'inventory' });
const client = endpoint('outside', 'client', { dataplane: 'none', serviceAccount: 'default' });
const ingress = endpoint('istio-system', 'istio-ingressgateway', {
  dataplane: 'sidecar',
  workload: 'istio-ingressgateway',
  version: 'latest',
  serviceAccount: 'istio-ingressgateway-service-account',
});

const tcp = (destination: typeof postgres): FlowSample['service'] => serviceOf(destination, 'tcp');

/** Flows per 10 s tick of each case. */
export const CASES: Readonly<Record<string, FlowSample[]>> = {
  /** productpage -> reviews-v2 through the bookinfo waypoint: 1 request/s, 0.1/s of them 503. */
  'ambient-waypoint': [
    flow(productpage, reviews, { waypoint, count: 9 }),
    flow(productpage, reviews, { waypoint, count: 1, responseCode: 503, responseFlags: 'URX' }),
  ],
  /** worker -> api (HTTP, no waypoint: ztunnel only) and api -> postgres (TCP). */
  'ambient-l4': [
    flow(worker, api, { count: 20 }),
    flow(api, postgres, { service: tcp(postgres), count: 5, responseCode: 0 }),
  ],
  /** orders -> inventory, both with sidecars. */
  sidecar: [flow(orders, inventory, { count: 30 })],
  /** A pod outside the mesh calls an ambient service in plaintext. */
  'plaintext-ambient': [flow(client, api, { count: 5, mtls: false })],
  /** worker -> postgres refused by an AuthorizationPolicy at postgres's ztunnel. */
  'ztunnel-deny': [
    flow(worker, postgres, {
      service: tcp(postgres),
      count: 4,
      responseCode: 0,
      responseFlags: 'DENY',
      refusedBy: 'ztunnel-policy',
      bytes: { sent: 0, received: 0 },
    }),
  ],
  /** productpage -> details through the waypoint, 2 of 10 requests refused by an L7 policy there. */
  'waypoint-403': [
    flow(productpage, details, { waypoint, count: 8 }),
    flow(productpage, details, { waypoint, count: 2, responseCode: 403, refusedBy: 'l7-policy' }),
  ],
  /** The ingress gateway calls productpage directly (ingress traffic skips the waypoint by default). */
  gateway: [flow(ingress, productpage, { count: 10 })],
  /** A plaintext client outside the mesh calls a sidecar: the sidecar cannot name it. */
  'unknown-caller': [flow(client, inventory, { count: 3, mtls: false })],
};

/** The outside client once its namespace is enrolled in ambient. */
const enrolledClient = endpoint('outside', 'client', { serviceAccount: 'default' });

/** Cases whose flows change for the last 10 s tick of the minute: before, then after. */
export const CHANGES: Readonly<Record<string, readonly [FlowSample[], FlowSample[]]>> = {
  /** productpage -> details through the waypoint; half the requests abort with a 500 in the last 10 s. */
  'waypoint-fault': [
    [flow(productpage, details, { waypoint, count: 10 })],
    [
      flow(productpage, details, { waypoint, count: 5 }),
      flow(productpage, details, { waypoint, count: 5, responseCode: 500, responseFlags: 'FI' }),
    ],
  ],
  /** The outside client calls api in plaintext, then its namespace is enrolled: mTLS for the last 10 s. */
  enrolled: [[flow(client, api, { count: 20, mtls: false })], [flow(enrolledClient, api, { count: 20 })]],
};

const T0 = 1_800_000_000_000;

/** The window's reads as `cases.json` was first recorded: bytes one direction at a time. */
const RECORDED_READS: readonly GraphQuery[] = [
  ...GRAPH_QUERIES.filter((q) => q.name !== 'bytes'),
  {
    name: 'receivedBytes',
    read: { kind: 'rate' },
    metric: 'istio_tcp_received_bytes_total',
    by: GRAPH_QUERIES.find((q) => q.name === 'sentBytes')?.by ?? [],
  },
];

/** A minute of 10 s ticks: `before` for the first five, `after` for the last. */
function telemetryOf(name: string, before: FlowSample[], after: FlowSample[], fineSeconds?: number) {
  const telemetry = createDemoTelemetry({
    random: seededRandom(name),
    ...(fineSeconds === undefined ? {} : { history: { fineSeconds } }),
  });
  for (let i = 1; i <= 6; i++) telemetry.record(tick(T0 + i * 10_000, i < 6 ? before : after, 10));
  return telemetry;
}

async function record(): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const [name, flows] of Object.entries(CASES)) {
    const { metrics } = telemetryOf(name, flows, flows);
    const reads = await runQueries(metrics, RECORDED_READS, { namespaces: '*' }, 60);
    if (reads.errors.length > 0) throw new Error(JSON.stringify(reads.errors));
    // In the order of the first recording.
    const order = ['requests', 'sentBytes', 'receivedBytes', 'closedConnections', 'latencyP50', 'latencyP95'];
    out[name] = Object.fromEntries(
      [...order, 'latencyP99'].map((read) => [read, reads.samples[read as TrafficMetric]]),
    );
  }
  writeFileSync(new URL('./cases.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);

  const recent: Record<string, unknown> = {};
  const all: [string, FlowSample[], FlowSample[]][] = [
    ...Object.entries(CASES).map(([name, flows]): [string, FlowSample[], FlowSample[]] => [
      name,
      flows,
      flows,
    ]),
    ...Object.entries(CHANGES).map(([name, [before, after]]): [string, FlowSample[], FlowSample[]] => [
      name,
      before,
      after,
    ]),
  ];
  for (const [name, before, after] of all) {
    // 10 s frames, one per tick: the sub-window is exactly the last tick.
    const { metrics } = telemetryOf(name, before, after, 10);
    const reads = await readTraffic(metrics, { namespaces: '*', windowSeconds: 60, recentSeconds: 10 });
    if (reads.errors.length > 0) throw new Error(JSON.stringify(reads.errors));
    recent[name] = { window: reads.samples, recent: reads.recent };
  }
  writeFileSync(new URL('./recent-cases.json', import.meta.url), `${JSON.stringify(recent, null, 1)}\n`);
}

await record();
