/**
 * What a configuration object applies to, in words, one entry per kind: "service reviews (host reviews)",
 * "workloads with app=ratings", "waypoint bookinfo/waypoint (targetRefs)", "namespace bookinfo", "mesh-wide".
 * Objects are read defensively: a malformed one still gets a description.
 */
import { ISTIO_KEYS } from '@/lib/istio/labels';
import type { LabelSelector } from '@/lib/istio/selector';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { ConfigKind } from './kinds';
import { namespaceOf } from './lint/context';
import { type ClusterFacts, factsOf } from './lint/facts';
import type { LintContext } from './lint/types';
import { listText, selectorText, workloadScopeText } from './words';

type Describe = (object: KubeObject, ctx: LintContext, facts: ClusterFacts) => string;
type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `service reviews (host reviews)`, `service payments/api (host api.payments)`, `host api.stripe.com`. */
function hostText(host: string, from: string, facts: ClusterFacts): string {
  if (host.startsWith('*')) return `hosts matching ${host}`;
  const service = facts.serviceOfHost(host, from);
  if (service === undefined) return `host ${host}`;
  const ns = namespaceOf(service);
  return `service ${ns === from ? '' : `${ns}/`}${service.metadata.name} (host ${host})`;
}

function targetRefText(ref: Fields, from: string, ctx: LintContext, facts: ClusterFacts): string {
  const name = text(ref['name']) ?? '?';
  const ns = text(ref['namespace']) ?? from;
  switch (text(ref['kind'])) {
    case 'Gateway': {
      const gateway = ctx.gateways.find((g) => g.metadata.name === name && namespaceOf(g) === ns);
      return `${gateway !== undefined && facts.isWaypoint(gateway) ? 'waypoint' : 'gateway'} ${ns}/${name}`;
    }
    case 'GatewayClass':
      return `every gateway of class ${name}`;
    case 'Service':
      return `service ${ns === from ? '' : `${ns}/`}${name}`;
    default:
      return `${text(ref['kind']) ?? 'object'} ${name}`;
  }
}

/** A policy's scope: its targetRefs, else its selector, namespace or the mesh. */
const policyScope: Describe = (object, ctx, facts) => {
  const spec = fields(object.spec);
  const from = namespaceOf(object);
  const refs = [...(Array.isArray(spec['targetRefs']) ? spec['targetRefs'] : []), spec['targetRef']]
    .map(fields)
    .filter((ref) => Object.keys(ref).length > 0);
  if (refs.length > 0) {
    return `${refs.map((ref) => targetRefText(ref, from, ctx, facts)).join(', ')} (targetRefs)`;
  }
  return workloadScopeText(spec['selector'] as LabelSelector | undefined, from, ctx.rootNamespace);
};

const virtualService: Describe = (object, _ctx, facts) => {
  const spec = fields(object.spec);
  const from = namespaceOf(object);
  const hosts = strings(spec['hosts']).map((h) => hostText(h, from, facts));
  const gateways = strings(spec['gateways']).filter((g) => g !== 'mesh');
  const where = gateways.length === 0 ? '' : ` at gateway ${gateways.join(', ')}`;
  return `${hosts.length > 0 ? hosts.join(', ') : 'no hosts'}${where}`;
};

const destinationRule: Describe = (object, _ctx, facts) => {
  const spec = fields(object.spec);
  const host = text(spec['host']);
  const subsets = (Array.isArray(spec['subsets']) ? spec['subsets'] : []).map(
    (s) => text(fields(s)['name']) ?? '?',
  );
  const selector = selectorText(fields(spec['workloadSelector']) as LabelSelector);
  return [
    host === undefined ? 'no host' : hostText(host, namespaceOf(object), facts),
    subsets.length > 0 ? `subsets ${subsets.join(', ')}` : '',
    selector !== '' ? `for workloads with ${selector}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
};

const gateway: Describe = (object, ctx, facts) => {
  const spec = fields(object.spec);
  if (!facts.isWaypoint(object)) {
    const listeners = (Array.isArray(spec['listeners']) ? spec['listeners'] : []).map(fields);
    const ports = listeners.map(
      (l) => `${text(l['name']) ?? '?'} :${String(l['port'])}/${String(l['protocol'])}`,
    );
    return `gateway of class ${text(spec['gatewayClassName']) ?? '?'}, listeners ${ports.join(', ') || 'none'}`;
  }
  const ns = namespaceOf(object);
  const bound = (o: KubeObject, home: string): boolean =>
    labelOf(o, ISTIO_KEYS.useWaypoint) === object.metadata.name &&
    (labelOf(o, ISTIO_KEYS.useWaypointNamespace) ?? home) === ns;
  const users = [
    ...ctx.namespaces.filter((n) => bound(n, n.metadata.name)).map((n) => `namespace ${n.metadata.name}`),
    ...ctx.services
      .filter((s) => bound(s, namespaceOf(s)))
      .map((s) => `service ${namespaceOf(s)}/${s.metadata.name}`),
  ];
  const type = labelOf(object, ISTIO_KEYS.waypointFor) ?? 'service';
  return `waypoint (${type} traffic) for ${users.length > 0 ? listText(users) : 'nothing bound to it yet'}`;
};

const httpRoute: Describe = (object) => {
  const spec = fields(object.spec);
  const from = namespaceOf(object);
  const parents = (Array.isArray(spec['parentRefs']) ? spec['parentRefs'] : []).map(fields).map((ref) => {
    const ns = text(ref['namespace']) ?? from;
    const name = `${ns === from ? '' : `${ns}/`}${text(ref['name']) ?? '?'}`;
    const port = typeof ref['port'] === 'number' ? `:${ref['port']}` : '';
    return `${text(ref['kind']) === 'Service' ? 'service' : 'gateway'} ${name}${port}`;
  });
  const hostnames = strings(spec['hostnames']);
  return `${parents.join(', ') || 'no parents'}${hostnames.length > 0 ? ` for ${hostnames.join(', ')}` : ''}`;
};

const serviceEntry: Describe = (object) => {
  const spec = fields(object.spec);
  const location = text(spec['location']) ?? 'MESH_EXTERNAL';
  return `hosts ${listText(strings(spec['hosts'])) || 'none'} (${location})`;
};

/** How each kind is described. */
const DESCRIBE: Readonly<Record<ConfigKind, Describe>> = {
  VirtualService: virtualService,
  DestinationRule: destinationRule,
  Gateway: gateway,
  HTTPRoute: httpRoute,
  ServiceEntry: serviceEntry,
  AuthorizationPolicy: policyScope,
  PeerAuthentication: policyScope,
  RequestAuthentication: policyScope,
  Telemetry: policyScope,
};

/** What the object applies to, in words. */
export function appliesToText(kind: ConfigKind, object: KubeObject, context: LintContext): string {
  return DESCRIBE[kind](object, context, factsOf(context));
}
