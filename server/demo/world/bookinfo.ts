/**
 * Istio's bookinfo sample in an ambient namespace with a namespace waypoint. Its Services, ServiceAccounts and
 * Deployments come from the sample's own manifests (`bookinfo/*.yaml`, copied from istio/istio's
 * samples/bookinfo/platform/kube), and its DestinationRules from samples/bookinfo/networking, read at run time; the call graph and latencies are the app's real ones:
 * productpage calls details and reviews; reviews v2 and v3 call ratings, v1 does not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { ServiceCall, WorkloadBehaviour } from '../model/behaviour';
import type { ServicePort } from './core-objects';
import { type Built, type Json, isJson, listAt, mapAt, stringAt } from './json';
import { KEYS } from './labels';
import { INGRESS } from './platform';
import type { ContainerSpec } from './pods';
import { addWaypoint } from './waypoint';
import type { WorldBuilder } from './world-builder';

/** The namespace bookinfo runs in. */
export const BOOKINFO_NAMESPACE = 'bookinfo';

// The DestinationRules are the sample's `networking/destination-rule-all.yaml`, which Istio's traffic-management
// tasks apply first: with their subsets in place, "shift traffic" between reviews versions works out of the box.
const MANIFESTS = [
  'platform-kube-bookinfo.yaml',
  'platform-kube-bookinfo-versions.yaml',
  'networking-destination-rule-all.yaml',
];

/** The sample's objects, in file order. */
export function bookinfoManifests(): Json[] {
  return MANIFESTS.flatMap((file) => {
    const text = readFileSync(fileURLToPath(new URL(`./bookinfo/${file}`, import.meta.url)), 'utf8');
    return parseAllDocuments(text)
      .map((doc) => doc.toJS() as unknown)
      .filter(isJson);
  });
}

type Row = [
  workload: string,
  medianMs: number,
  p99Ms: number,
  errorRate: number,
  reqBytes: number,
  resBytes: number,
];

/** How each bookinfo workload serves one request (the page is ~5 KB of HTML, a rating 48 bytes of JSON). */
// bookinfo fails on nothing by itself: any 5xx marks an edge degraded, so a fault a presenter injects is the only
// colour on a clean graph. (payments and legacy keep small background error rates.)
const WORKLOADS: Row[] = [
  ['productpage-v1', 9, 45, 0, 520, 5_400],
  ['details-v1', 1.6, 7, 0, 410, 178],
  ['reviews-v1', 4, 22, 0, 430, 295],
  ['reviews-v2', 5, 28, 0, 430, 358],
  ['reviews-v3', 5, 28, 0, 430, 358],
  ['ratings-v1', 1.2, 6, 0, 400, 48],
];

/**
 * Who calls whom. productpage still answers 200 when details or reviews fail (it shows "Error fetching product
 * details/reviews"), and reviews shows "Ratings service is currently unavailable": every edge degrades. Half the
 * requests are from the logged-in user `jason` (the `end-user` header the sample's header-match routes use): a
 * presenter demoing as jason, so that a fault injected for jason (the ratings test-abort VirtualService) fails half
 * the calls into ratings and turns them red (failing from 10% of 5xx), not just orange.
 */
const CALLS: [from: string, to: string, path: string][] = [
  ['productpage-v1', 'details', '/details/0'],
  ['productpage-v1', 'reviews', '/reviews/0'],
  ['reviews-v2', 'ratings', '/ratings/0'],
  ['reviews-v3', 'ratings', '/ratings/0'],
];

/** The share of bookinfo's requests that carry `end-user: jason` (see {@link CALLS}). */
const JASON_SHARE = 0.5;

function portsOf(service: Json): ServicePort[] {
  return listAt(service, 'spec.ports').map((p) => ({
    name: stringAt(p, 'name') ?? 'http',
    port: Number((p as Json)['port']),
  }));
}

function containersOf(deployment: Json): ContainerSpec[] {
  return listAt(deployment, 'spec.template.spec.containers').map((c) => ({
    name: stringAt(c, 'name') ?? 'app',
    image: stringAt(c, 'image') ?? '',
    ports: listAt(c, 'ports').map((p) => ({
      containerPort: Number((p as Json)['containerPort']),
      protocol: 'TCP',
    })),
  }));
}

function addManifest(builder: WorldBuilder, object: Json): void {
  const namespace = BOOKINFO_NAMESPACE;
  const name = stringAt(object, 'metadata.name') ?? '';
  const labels = mapAt(object, 'metadata.labels');
  if (object['kind'] === 'ServiceAccount') builder.serviceAccount(namespace, name, labels);
  if (object['kind'] === 'Service') {
    builder.service({
      namespace,
      name,
      labels,
      selector: mapAt(object, 'spec.selector'),
      ports: portsOf(object),
    });
  }
  if (object['kind'] === 'Deployment') {
    const replicas = (object['spec'] as Json | undefined)?.['replicas'];
    builder.deployment({
      namespace,
      name,
      labels,
      replicas: typeof replicas === 'number' ? replicas : 1,
      selector: mapAt(object, 'spec.selector.matchLabels'),
      template: {
        labels: mapAt(object, 'spec.template.metadata.labels'),
        annotations: mapAt(object, 'spec.template.metadata.annotations'),
        serviceAccount: stringAt(object, 'spec.template.spec.serviceAccountName') ?? 'default',
        containers: containersOf(object),
      },
    });
  }
  if (object['kind'] === 'DestinationRule') {
    builder.add({ ...object, metadata: { name, namespace } } as Built);
  }
}

/** Adds bookinfo (ambient, namespace waypoint `waypoint`) and 10 requests/s from the internet to its page. */
export function addBookinfo(builder: WorldBuilder): void {
  const namespace = BOOKINFO_NAMESPACE;
  builder.namespace(namespace, { [KEYS.dataplaneMode]: 'ambient', [KEYS.useWaypoint]: 'waypoint' });
  addWaypoint(builder, namespace);
  for (const object of bookinfoManifests()) addManifest(builder, object);
  const workloads: WorkloadBehaviour[] = WORKLOADS.map(([name, medianMs, p99Ms, errorRate, req, res]) => ({
    namespace,
    name,
    medianMs,
    p99Ms,
    errorRate,
    requestBytes: req,
    responseBytes: res,
  }));
  const jason = [{ values: { 'end-user': 'jason' }, share: JASON_SHARE }];
  const calls: ServiceCall[] = CALLS.map(([from, to, path]) => ({
    from: { namespace, name: from },
    to: { namespace, service: to, port: 9080 },
    perRequest: 1,
    onError: 'degrade',
    path,
    // The sample forwards `end-user` on every call it makes (productpage -> reviews -> ratings), so a header-match
    // route on ratings (the test-abort VirtualService) sees the same share of jason's requests.
    headers: jason,
  }));
  calls.push({
    from: INGRESS.workload,
    to: { namespace, service: 'productpage', port: 9080 },
    perRequest: 1,
    onError: 'fail',
    path: '/productpage',
    headers: jason,
  });
  builder.behave({
    workloads,
    calls,
    sources: [{ from: null, to: INGRESS.service, ratePerSecond: 10, path: '/productpage' }],
  });
}
