/**
 * Records `cases.json`: for each ambient case, a minute of hand-written flows through the demo mesh's telemetry
 * (its reporter table decides which proxy reports which series, as docs/istio-ambient.md says), read back with
 * the graph's own fixed queries through the direct MetricsSource. The samples are therefore exactly the port's
 * answers. The endpoints match `cluster.ts`.
 *
 *   npx tsx server/graph/__fixtures__/record-cases.ts
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '@/lib/random';
import type { FlowSample } from '@/server/demo/model/traffic';
import { createDemoTelemetry } from '@/server/demo/telemetry';
import { endpoint, flow, serviceOf, tick } from '@/server/demo/telemetry/__fixtures__/mesh';
import { readTraffic } from '../queries';

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

const T0 = 1_800_000_000_000;

async function record(): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const [name, flows] of Object.entries(CASES)) {
    const telemetry = createDemoTelemetry({ random: seededRandom(name) });
    for (let i = 1; i <= 6; i++) telemetry.record(tick(T0 + i * 10_000, flows, 10));
    const reads = await readTraffic(telemetry.metrics, { namespaces: '*', windowSeconds: 60 });
    if (reads.errors.length > 0) throw new Error(JSON.stringify(reads.errors));
    out[name] = reads.samples;
  }
  writeFileSync(new URL('./cases.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
}

await record();
