/**
 * The shape of a large generated mesh, decided before any object is made: namespaces named after business domains,
 * each in one mesh mode, and in each the services of four tiers: clients (no Service, they only call), front ends,
 * mid tiers in three layers, and data stores. Calls only go down the layers, so the call graph has no cycle.
 */
import type { Random } from '@/lib/random';
import type { ServicePort } from './core-objects';
import { pick, shuffled } from './names';

/** How a namespace relates to the mesh. */
export type NamespaceMode = 'ambient-waypoint' | 'ambient' | 'sidecar' | 'outside';

/** A service's place in the call graph. */
export type Tier = 'client' | 'front' | 'mid' | 'data';

/** One planned service (or, for a client, a workload without Service). */
export interface PlannedService {
  namespace: string;
  app: string;
  tier: Tier;
  /** Calls go from a lower layer to a higher one: client -1, front 0, mid 1..3, data 4. */
  layer: number;
  /** The Service port; absent for clients. */
  port?: ServicePort;
  /** One Deployment per version (`<app>-<version>`; data stores and clients use the bare app name). */
  versions: string[];
  image: string;
}

/** One planned namespace. */
export interface PlannedNamespace {
  name: string;
  mode: NamespaceMode;
  services: PlannedService[];
}

/** Shares of namespace modes: mostly ambient, with and without waypoints, some sidecar, a few outside the mesh. */
const MODE_SHARES: [NamespaceMode, number][] = [
  ['ambient-waypoint', 0.45],
  ['ambient', 0.3],
  ['sidecar', 0.15],
  ['outside', 0.1],
];

const DOMAINS = (
  'checkout catalog search identity billing shipping inventory pricing recommendations notifications analytics ' +
  'fraud loyalty media orders payments accounts support marketing partners warehouse logistics returns ' +
  'subscriptions messaging content reporting compliance risk ledger treasury onboarding profiles reviews ads ' +
  'experiments geo maps booking travel insurance claims lending cards rewards gifting events tickets streaming ' +
  'social chat feeds scheduling payroll'
).split(' ');

const CLIENTS = ['loadgen', 'batch-importer', 'report-cron', 'sync-worker', 'webhook-relay', 'canary-prober'];
const FRONTS = ['web', 'portal', 'bff', 'mobile-api', 'graphql', 'admin-ui', 'public-api', 'storefront'];
const MIDS = (
  'orders catalog pricing search profile cart auth notify ledger quotes inventory shipping tax invoices ' +
  'accounts sessions recommend reviews ratings media audit rules scheduler geo fx-rates risk identity ' +
  'preferences promotions subscriptions billing refunds returns tracking availability content translations ' +
  'feeds payouts kyc'
).split(' ');

/** Data stores: app, image, Service port (TCP unless the store speaks HTTP). */
const DATA_STORES: [string, string, ServicePort][] = [
  ['postgres', 'docker.io/library/postgres:16.4', { name: 'tcp-postgres', port: 5432, appProtocol: 'tcp' }],
  ['redis', 'docker.io/library/redis:7.4', { name: 'tcp-redis', port: 6379, appProtocol: 'tcp' }],
  ['mysql', 'docker.io/library/mysql:8.4', { name: 'tcp-mysql', port: 3306, appProtocol: 'tcp' }],
  ['mongodb', 'docker.io/library/mongo:7.0', { name: 'tcp-mongo', port: 27017, appProtocol: 'tcp' }],
  ['kafka', 'docker.io/apache/kafka:3.8.0', { name: 'tcp-kafka', port: 9092, appProtocol: 'tcp' }],
  [
    'elasticsearch',
    'docker.io/library/elasticsearch:8.15.0',
    { name: 'http-es', port: 9200, appProtocol: 'http' },
  ],
  ['cassandra', 'docker.io/library/cassandra:5.0', { name: 'tcp-cql', port: 9042, appProtocol: 'tcp' }],
  ['memcached', 'docker.io/library/memcached:1.6', { name: 'tcp-memcache', port: 11211, appProtocol: 'tcp' }],
];

const HTTP: ServicePort = { name: 'http', port: 8080, appProtocol: 'http' };
const GRPC: ServicePort = { name: 'grpc', port: 9090, appProtocol: 'grpc' };

/** Namespace names: the domains, then the domains again with a suffix. */
function namespaceNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / DOMAINS.length);
    return `${DOMAINS[i % DOMAINS.length] ?? 'ns'}${round > 0 ? `-${round + 1}` : ''}`;
  });
}

/** Splits `total` into `parts` sizes of about total/parts (±50%), each at least 1, summing to total. */
function splitSizes(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0 && i < parts * 4; i++) {
    const j = i % parts;
    const step = left > 0 ? 1 : -1;
    if (step < 0 && (sizes[j] ?? 0) <= 1) continue;
    sizes[j] = (sizes[j] ?? 0) + step;
    left -= step;
  }
  return sizes;
}

/** Unique names within a namespace: the pool in random order, then `-2`, `-3`… */
function namer(random: Random, used: Set<string>): (pool: readonly string[]) => string {
  const queues = new Map<readonly string[], string[]>();
  return (pool) => {
    const queue = queues.get(pool) ?? shuffled(random, pool);
    queues.set(pool, queue);
    for (let round = 1; round < 1_000; round++) {
      for (let i = 0; i < queue.length; i++) {
        const name = round === 1 ? (queue[i] ?? '') : `${queue[i] ?? ''}-${round}`;
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
    }
    throw new Error('ran out of names');
  };
}

/** The services of one namespace with `slots` workloads. */
function planNamespace(random: Random, namespace: string, slots: number): PlannedService[] {
  const clients = slots >= 25 ? 2 : slots >= 10 ? 1 : 0;
  const fronts = Math.max(1, Math.round(slots * 0.12));
  const datas = slots >= 3 ? Math.max(1, Math.round(slots * 0.2)) : 0;
  const name = namer(random, new Set());
  const out: PlannedService[] = [];
  const add = (
    tier: Tier,
    layer: number,
    app: string,
    port: ServicePort | undefined,
    image: string,
  ): void => {
    out.push({ namespace, app, tier, layer, versions: ['v1'], image, ...(port && { port }) });
  };
  const repo = (app: string): string => `ghcr.io/meshlens-demo/${app}:1.${Math.floor(random() * 20)}.0`;
  for (let i = 0; i < clients; i++) {
    const app = name(CLIENTS);
    add('client', -1, app, undefined, repo(app));
  }
  for (let i = 0; i < fronts; i++) {
    const app = name(FRONTS);
    add('front', 0, app, HTTP, repo(app));
  }
  for (let i = 0; i < datas; i++) {
    const [store, image, port] = pick(random, DATA_STORES) ?? ['postgres', 'postgres:16', HTTP];
    add('data', 4, name([store]), port, image);
    // A data store's version label is its major version (`postgres` 16).
    (out[out.length - 1] as PlannedService).versions = [image.split(':')[1]?.split('.')[0] ?? '1'];
  }
  let left = slots - clients - fronts - datas;
  while (left > 0) {
    const app = name(MIDS);
    const r = random();
    add('mid', r < 0.4 ? 1 : r < 0.75 ? 2 : 3, app, random() < 0.3 ? GRPC : HTTP, repo(app));
    if (left >= 2 && random() < 0.15) (out[out.length - 1] as PlannedService).versions.push('v2');
    left -= (out[out.length - 1] as PlannedService).versions.length;
  }
  return out;
}

/** Plans about `workloads` workloads over about workloads/20 namespaces (at least one). */
export function planScale(random: Random, workloads: number): PlannedNamespace[] {
  const total = Math.max(1, Math.round(workloads));
  const count = Math.max(1, Math.round(total / 20));
  // Cumulative rounding: the counts follow the shares and add up to `count`.
  let cumulative = 0;
  const modes = MODE_SHARES.flatMap(([mode, share]) => {
    const before = Math.round(cumulative * count);
    cumulative += share;
    return Array<NamespaceMode>(Math.round(cumulative * count) - before).fill(mode);
  });
  const order = shuffled(random, modes);
  const sizes = splitSizes(random, total, count);
  return namespaceNames(count).map((name, i) => ({
    name,
    mode: order[i] ?? 'ambient',
    services: planNamespace(random, name, sizes[i] ?? 1),
  }));
}
