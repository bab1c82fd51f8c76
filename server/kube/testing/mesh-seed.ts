import { groupVersion, watchedKind, type KindName } from '@/lib/kube/kinds';

/**
 * One valid object of every watched kind (Istio and Gateway API objects pass the demo API server's schema
 * validation), in the `bookinfo` and `istio-system` namespaces, which come first (cluster-scoped ones in none).
 */

type Seed = [kind: KindName, namespace: string | undefined, name: string, spec?: Record<string, unknown>];

const SEEDS: readonly Seed[] = [
  ['namespaces', undefined, 'bookinfo'],
  ['namespaces', undefined, 'istio-system'],
  ['pods', 'bookinfo', 'reviews-v1-abc', { containers: [{ name: 'reviews', image: 'reviews:v1' }] }],
  [
    'services',
    'bookinfo',
    'reviews',
    { ports: [{ port: 9080, name: 'http' }], selector: { app: 'reviews' } },
  ],
  ['deployments', 'bookinfo', 'reviews-v1', { selector: { matchLabels: { app: 'reviews' } } }],
  ['daemonsets', 'istio-system', 'ztunnel', { selector: { matchLabels: { app: 'ztunnel' } } }],
  ['gatewayclasses', undefined, 'istio-waypoint', { controllerName: 'istio.io/mesh-controller' }],
  [
    'gateways',
    'bookinfo',
    'waypoint',
    { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
  ],
  [
    'httproutes',
    'bookinfo',
    'reviews',
    {
      parentRefs: [{ group: '', kind: 'Service', name: 'reviews', port: 9080 }],
      rules: [{ backendRefs: [{ name: 'reviews', port: 9080 }] }],
    },
  ],
  [
    'virtualservices',
    'bookinfo',
    'reviews',
    { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
  ],
  [
    'destinationrules',
    'bookinfo',
    'reviews',
    { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
  ],
  [
    'serviceentries',
    'bookinfo',
    'external-api',
    {
      hosts: ['api.example.com'],
      ports: [{ number: 443, name: 'https', protocol: 'TLS' }],
      resolution: 'DNS',
      location: 'MESH_EXTERNAL',
    },
  ],
  [
    'authorizationpolicies',
    'bookinfo',
    'allow-productpage',
    {
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/productpage'] } }] }],
    },
  ],
  ['peerauthentications', 'istio-system', 'default', { mtls: { mode: 'STRICT' } }],
  [
    'requestauthentications',
    'bookinfo',
    'jwt',
    { jwtRules: [{ issuer: 'https://issuer.example', jwksUri: 'https://issuer.example/jwks' }] },
  ],
  ['telemetries', 'istio-system', 'default', { accessLogging: [{ providers: [{ name: 'envoy' }] }] }],
];

/** A seed object with its store reference (`plural.group`, as kubectl spells it). */
export interface SeedObject {
  kind: KindName;
  ref: string;
  body: Record<string, unknown>;
}

/** The seed objects, namespaces first. */
export function meshSeed(): SeedObject[] {
  return SEEDS.map(([kind, namespace, name, spec]) => {
    const row = watchedKind(kind);
    const metadata = namespace === undefined ? { name } : { name, namespace };
    const body: Record<string, unknown> = {
      apiVersion: groupVersion(row.group, 'v1'),
      kind: row.kind,
      metadata,
    };
    if (spec) body.spec = spec;
    return { kind, ref: row.group === '' ? row.plural : `${row.plural}.${row.group}`, body };
  });
}
