/**
 * The demo cluster by default: three nodes, the platform (istio-system and friends), bookinfo in ambient with a
 * waypoint, and three namespaces that show the other ways a workload can relate to the mesh:
 *
 * | namespace | mode                        | workloads                 | services                 |
 * |-----------|-----------------------------|---------------------------|--------------------------|
 * | payments  | ambient, no waypoint (L4)   | api (2 pods), postgres    | api :8080 http, postgres :5432 tcp |
 * | legacy    | sidecar (istio-injection)   | inventory-v1, inventory-sync | inventory :8080 http  |
 * | outside   | not in the mesh             | client                    | none                     |
 */
import type { WorkloadKey } from '../model/behaviour';
import { forkRandom } from '@/lib/random';
import { addApp } from './apps';
import { addBookinfo } from './bookinfo';
import { KEYS } from './labels';
import { addPlatform } from './platform';
import { type DemoWorld, WorldBuilder } from './world-builder';

const API_PORT = { name: 'http', port: 8080, appProtocol: 'http' };
const POSTGRES_PORT = { name: 'tcp-postgres', port: 5432, appProtocol: 'tcp' };

function addPayments(builder: WorldBuilder): { api: WorkloadKey; postgres: WorkloadKey } {
  const namespace = 'payments';
  builder.namespace(namespace, { [KEYS.dataplaneMode]: 'ambient' });
  const image = 'ghcr.io/meshlens-demo/payments-api:1.4.2';
  const api = addApp(builder, { namespace, app: 'api', version: 'v1', image, replicas: 2, port: API_PORT });
  const postgres = addApp(builder, {
    namespace,
    app: 'postgres',
    version: '16',
    deployment: 'postgres',
    image: 'docker.io/library/postgres:16.4',
    port: POSTGRES_PORT,
  });
  builder.behave({
    workloads: [
      { ...api, medianMs: 12, p99Ms: 65, errorRate: 0.001, requestBytes: 740, responseBytes: 1_250 },
      // TCP: bytes per connection (a pooled connection carries a few queries).
      { ...postgres, medianMs: 3, p99Ms: 24, errorRate: 0, requestBytes: 2_300, responseBytes: 9_800 },
    ],
    calls: [
      {
        from: api,
        to: { namespace, service: 'postgres', port: 5432 },
        perRequest: 0.5,
        onError: 'fail',
      },
    ],
  });
  return { api, postgres };
}

function addLegacy(builder: WorldBuilder): void {
  const namespace = 'legacy';
  builder.namespace(namespace, { [KEYS.injection]: 'enabled' });
  const image = 'ghcr.io/meshlens-demo/inventory:2.9.0';
  const inventory = addApp(builder, { namespace, app: 'inventory', version: 'v1', image, port: API_PORT });
  const sync = addApp(builder, {
    namespace,
    app: 'inventory-sync',
    version: 'v1',
    deployment: 'inventory-sync',
    image: 'ghcr.io/meshlens-demo/inventory-sync:2.9.0',
  });
  builder.behave({
    workloads: [
      { ...inventory, medianMs: 18, p99Ms: 90, errorRate: 0.002, requestBytes: 380, responseBytes: 2_100 },
      { ...sync, medianMs: 5, p99Ms: 20, errorRate: 0, requestBytes: 200, responseBytes: 200 },
    ],
    calls: [
      {
        from: inventory,
        to: { namespace: 'payments', service: 'api', port: 8080 },
        perRequest: 0.5,
        onError: 'fail',
        path: '/api/v1/reservations',
      },
      {
        from: inventory,
        to: { namespace: 'bookinfo', service: 'details', port: 9080 },
        perRequest: 1,
        onError: 'degrade',
        path: '/details/0',
      },
    ],
    sources: [
      {
        from: sync,
        to: { namespace, service: 'inventory', port: 8080 },
        ratePerSecond: 3,
        path: '/api/stock',
      },
    ],
  });
}

function addOutside(builder: WorldBuilder): void {
  const namespace = 'outside';
  builder.namespace(namespace);
  const client = addApp(builder, {
    namespace,
    app: 'client',
    version: 'v1',
    deployment: 'client',
    image: 'docker.io/curlimages/curl:8.11.1',
  });
  builder.behave({
    workloads: [{ ...client, medianMs: 1, p99Ms: 3, errorRate: 0, requestBytes: 150, responseBytes: 150 }],
    sources: [
      {
        from: client,
        to: { namespace: 'payments', service: 'api', port: 8080 },
        ratePerSecond: 5,
        path: '/api/v1/payments',
      },
    ],
  });
}

/** The default demo world; the seed changes generated names (pod suffixes, hashes, cluster IPs), nothing else. */
export function defaultWorld(seed: string | number): DemoWorld {
  const builder = new WorldBuilder(forkRandom(seed, 'world'), 3);
  addPlatform(builder);
  addBookinfo(builder);
  addPayments(builder);
  addLegacy(builder);
  addOutside(builder);
  return builder.build();
}
