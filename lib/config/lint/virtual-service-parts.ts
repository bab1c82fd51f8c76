/**
 * The parts of a VirtualService the rules walk, each with its field path: route lists, destinations (mirrors
 * included), hosts with the Service they name. Rules only see objects that passed the schema, so the spec is read
 * as the schema's type.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { VirtualServiceSpecInput } from '../schemas/virtual-service';
import { namespaceOf } from './context';
import type { ClusterFacts } from './facts';

type Spec = VirtualServiceSpecInput;
type Destination = { host: string; subset?: string };

/** The spec of a VirtualService that passed the schema. */
export function vsSpec(vs: KubeObject): Spec {
  return (vs.spec ?? {}) as Spec;
}

/** True when the VirtualService applies inside the mesh: no `gateways`, or `mesh` among them. */
export function meshBound(vs: KubeObject): boolean {
  const gateways = vsSpec(vs).gateways ?? [];
  return gateways.length === 0 || gateways.includes('mesh');
}

/** One weighted list of destinations (`spec.http[0].route`). */
export interface RouteList {
  path: string;
  weights: (number | undefined)[];
}

/** Every route list of the HTTP, TLS and TCP routes. */
export function routeLists(vs: KubeObject): RouteList[] {
  const spec = vsSpec(vs);
  const lists = (section: 'http' | 'tls' | 'tcp'): RouteList[] =>
    (spec[section] ?? []).flatMap((route, i) =>
      route.route === undefined
        ? []
        : [{ path: `spec.${section}[${i}].route`, weights: route.route.map((d) => d.weight) }],
    );
  return [...lists('http'), ...lists('tls'), ...lists('tcp')];
}

/** A destination with its path (`spec.http[0].route[1].destination`). */
export interface DestinationAt {
  path: string;
  destination: Destination;
}

/** Every destination: weighted routes of all sections, and HTTP mirrors. */
export function destinationsOf(vs: KubeObject): DestinationAt[] {
  const spec = vsSpec(vs);
  const found: DestinationAt[] = [];
  for (const section of ['http', 'tls', 'tcp'] as const) {
    (spec[section] ?? []).forEach((route, i) =>
      (route.route ?? []).forEach((entry, j) =>
        found.push({ path: `spec.${section}[${i}].route[${j}].destination`, destination: entry.destination }),
      ),
    );
  }
  (spec.http ?? []).forEach((route, i) => {
    if (route.mirror) found.push({ path: `spec.http[${i}].mirror`, destination: route.mirror });
    (route.mirrors ?? []).forEach((m, j) =>
      found.push({ path: `spec.http[${i}].mirrors[${j}].destination`, destination: m.destination }),
    );
  });
  return found;
}

/** A host of `spec.hosts` with the Service it names (undefined for other hosts). */
export interface HostAt {
  path: string;
  host: string;
  service: KubeObject | undefined;
}

/** The hosts of `spec.hosts`, each with the Service it names when that exists. */
export function hostsOf(vs: KubeObject, facts: ClusterFacts): HostAt[] {
  const namespace = namespaceOf(vs);
  return (vsSpec(vs).hosts ?? []).map((host, i) => ({
    path: `spec.hosts[${i}]`,
    host,
    service: facts.serviceOfHost(host, namespace),
  }));
}

/** `namespace/name`, or `name` when it is in `from`. */
export function shortName(object: KubeObject, from: string): string {
  const ns = namespaceOf(object);
  return ns === from ? object.metadata.name : `${ns}/${object.metadata.name}`;
}

/** `namespace/name` of an object. */
export function fullName(object: KubeObject): string {
  return `${namespaceOf(object)}/${object.metadata.name}`;
}
