import type { AttributeValue, Span } from './types';

/** Which Envoy made a span: a sidecar, an ambient waypoint, a gateway (Envoy's `router`), or none (the app). */
export type ProxyRole = 'sidecar' | 'waypoint' | 'gateway' | 'app';

/**
 * Istio's Envoy cluster name, `direction|port|subset|host`: `outbound|9080|v2|reviews.bookinfo.svc.cluster.local`
 * (a client calling a service), `inbound|9080||` (a sidecar receiving), `inbound-vip|9080|http|<host>` (a waypoint
 * serving a service). Other clusters (`PassthroughCluster`, `BlackHoleCluster`, …) are `other`.
 */
export interface UpstreamCluster {
  direction: 'outbound' | 'inbound' | 'inbound-vip' | 'other';
  port: number | null;
  /** The DestinationRule subset (`outbound`), or the protocol (`inbound-vip`); null when empty. */
  subset: string | null;
  /** The service's host name, e.g. `ratings.bookinfo.svc.cluster.local`; null when empty. */
  host: string | null;
  /** The attribute as Envoy wrote it. */
  raw: string;
}

/** One of Envoy's response flags with its meaning in words. */
export interface ResponseFlag {
  /** Envoy's short code, e.g. `UF`. */
  code: string;
  /** Envoy's documented meaning; `Unknown Envoy response flag.` for a code Envoy's docs do not list. */
  meaning: string;
}

/** What Istio's attributes on a span say, by meaning rather than by attribute name. */
export interface IstioSpanFacts {
  /** From `node_id`'s first field (`router` is a gateway); `app` when the span has no `node_id`. */
  role: ProxyRole;
  /** The proxy's pod (from `node_id`), else the resource's `k8s.pod.name`. */
  pod: string | null;
  podIp: string | null;
  /** `istio.namespace`, else the pod's namespace from `node_id`, else the resource's `k8s.namespace.name`. */
  namespace: string | null;
  /** `istio.canonical_service`: the workload's `app` (or `service.istio.io/canonical-name`) label. */
  canonicalService: string | null;
  /** `istio.canonical_revision`: the `version` label; Istio says `latest` when there is none. */
  canonicalRevision: string | null;
  /** Waypoint spans: the calling workload (`istio.source_*`); null when unknown. */
  source: { workload: string; namespace: string } | null;
  /** Waypoint spans: `istio.destination_*`; others: the upstream cluster's service host. */
  destination: { workload: string | null; namespace: string | null; service: string | null } | null;
  upstreamCluster: UpstreamCluster | null;
  /** `http.status_code` (a number or a numeric string), else the gRPC status code. */
  statusCode: number | null;
  /** `response_flags`, each explained; `-` (none) gives []. */
  responseFlags: ResponseFlag[];
  /** The span was made by a waypoint. */
  viaWaypoint: boolean;
}

/**
 * Envoy's response flags, worded as in Envoy's access-log documentation (`%RESPONSE_FLAGS%`). Istio's spans carry
 * them in `response_flags`, comma-separated.
 */
const RESPONSE_FLAGS: Readonly<Record<string, string>> = {
  UH: 'No healthy upstream hosts in upstream cluster in addition to 503 response code.',
  UF: 'Upstream connection failure in addition to 503 response code.',
  UO: 'Upstream overflow (circuit breaking) in addition to 503 response code.',
  NR: 'No route configured for a given request in addition to 404 response code, or no matching filter chain for a downstream connection.',
  URX: 'The request was rejected because the upstream retry limit (HTTP) or maximum connect attempts (TCP) was reached.',
  NC: 'Upstream cluster not found.',
  DT: 'A request or connection exceeded max_connection_duration or max_downstream_connection_duration.',
  DC: 'Downstream connection termination.',
  LH: 'Local service failed health check request in addition to 503 response code.',
  UT: 'Upstream request timeout in addition to 504 response code.',
  LR: 'Connection local reset in addition to 503 response code.',
  UR: 'Upstream remote reset in addition to 503 response code.',
  UC: 'Upstream connection termination in addition to 503 response code.',
  DI: 'The request processing was delayed for a period specified via fault injection.',
  FI: 'The request was aborted with a response code specified via fault injection.',
  RL: 'The request was ratelimited locally by the HTTP rate limit filter in addition to 429 response code.',
  UAEX: 'The request was denied by the external authorization service.',
  RLSE: 'The request was rejected because there was an error in rate limit service.',
  IH: 'The request was rejected because it set an invalid value for a strictly-checked header in addition to 400 response code.',
  SI: 'Stream idle timeout in addition to 408 response code.',
  DPE: 'The downstream request had an HTTP protocol error.',
  UPE: 'The upstream response had an HTTP protocol error.',
  UMSDR: 'The upstream request reached max stream duration.',
  OM: 'Overload Manager terminated the request.',
  DF: 'The request was terminated due to DNS resolution failure.',
};

/** `node_id`'s first field -> role. */
const NODE_TYPES: Readonly<Record<string, ProxyRole>> = {
  sidecar: 'sidecar',
  waypoint: 'waypoint',
  router: 'gateway',
};

const DIRECTIONS: readonly UpstreamCluster['direction'][] = ['outbound', 'inbound', 'inbound-vip'];

/** Reads Istio's attributes on one span. Unknown or absent values are null, never guessed. */
export function istioSpanFacts(span: Span): IstioSpanFacts {
  const attrs = span.attributes;
  const node = parseNodeId(text(attrs.node_id));
  const upstreamCluster = parseUpstreamCluster(text(attrs.upstream_cluster));
  const role: ProxyRole = node ? (NODE_TYPES[node.type] ?? 'app') : 'app';
  const sourceWorkload = known(text(attrs['istio.source_workload']));
  const sourceNamespace = known(text(attrs['istio.source_namespace']));
  const destWorkload = known(text(attrs['istio.destination_workload']));
  const destNamespace = known(text(attrs['istio.destination_namespace']));
  const destService = known(text(attrs['istio.destination_service']));
  const host = upstreamCluster?.direction === 'inbound' ? null : (upstreamCluster?.host ?? null);
  const destination =
    destWorkload || destNamespace || destService
      ? {
          workload: destWorkload,
          namespace: destNamespace ?? hostNamespace(destService ?? host ?? ''),
          service: destService ?? host,
        }
      : host
        ? { workload: null, namespace: hostNamespace(host), service: host }
        : null;
  return {
    role,
    pod: node?.pod ?? text(span.resource['k8s.pod.name']),
    podIp: node?.ip ?? null,
    namespace: text(attrs['istio.namespace']) ?? node?.namespace ?? text(span.resource['k8s.namespace.name']),
    canonicalService: text(attrs['istio.canonical_service']),
    canonicalRevision: text(attrs['istio.canonical_revision']),
    source:
      sourceWorkload && sourceNamespace ? { workload: sourceWorkload, namespace: sourceNamespace } : null,
    destination,
    upstreamCluster,
    statusCode:
      code(attrs['http.status_code']) ??
      code(attrs['grpc.status_code']) ??
      code(attrs['rpc.grpc.status_code']),
    responseFlags: parseResponseFlags(text(attrs.response_flags)),
    viaWaypoint: role === 'waypoint',
  };
}

const ROLE_LABELS: Readonly<Record<ProxyRole, string | null>> = {
  sidecar: 'Sidecar',
  waypoint: 'Waypoint',
  gateway: 'Gateway',
  app: null,
};

/** The facts as labelled rows for the span-details panel, in reading order, leaving out what is not known. */
export function istioFactRows(facts: IstioSpanFacts): { label: string; value: string }[] {
  const { destination: dest, source } = facts;
  const rows: [string, string | null][] = [
    ['Proxy', ROLE_LABELS[facts.role]],
    ['Namespace', facts.namespace],
    ['Canonical service', facts.canonicalService],
    ['Canonical revision', facts.canonicalRevision],
    ['Pod', facts.pod],
    ['Pod IP', facts.podIp],
    ['Source workload', source ? `${source.workload} (${source.namespace})` : null],
    ['Destination workload', dest?.workload ? withNamespace(dest.workload, dest.namespace) : null],
    ['Destination service', dest?.service ?? null],
    ['Upstream cluster', facts.upstreamCluster?.raw ?? null],
    ['Status code', facts.statusCode === null ? null : String(facts.statusCode)],
    ...facts.responseFlags.map((f): [string, string] => ['Response flag', `${f.code}: ${f.meaning}`]),
  ];
  return rows.flatMap(([label, value]) => (value === null || value === '' ? [] : [{ label, value }]));
}

/** `reviews-v2-7d9f8c6b5-abcde.bookinfo` -> pod and namespace; the namespace cannot contain a dot, a pod can. */
function parseNodeId(
  nodeId: string | null,
): { type: string; ip: string | null; pod: string | null; namespace: string | null } | null {
  if (nodeId === null) return null;
  const [type = '', ip = '', id = '', domain = ''] = nodeId.split('~');
  const dot = id.lastIndexOf('.');
  const pod = dot > 0 ? id.slice(0, dot) : id;
  const namespace = dot > 0 ? id.slice(dot + 1) : (domain.split('.')[0] ?? '');
  return { type, ip: ip || null, pod: pod || null, namespace: namespace || null };
}

/** Parses Istio's `direction|port|subset|host` cluster names; `-` and empty give null. */
function parseUpstreamCluster(raw: string | null): UpstreamCluster | null {
  if (raw === null || raw === '-') return null;
  const parts = raw.split('|');
  const direction = DIRECTIONS.find((d) => d === parts[0]);
  if (parts.length !== 4 || direction === undefined)
    return { direction: 'other', port: null, subset: null, host: null, raw };
  const port = /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : null;
  return { direction, port, subset: parts[2] || null, host: parts[3] || null, raw };
}

/** `ratings.bookinfo.svc.cluster.local` -> `bookinfo`; null for a host that is not a Kubernetes service name. */
function hostNamespace(host: string): string | null {
  const labels = host.split('.');
  return labels.length >= 3 && labels[2] === 'svc' ? (labels[1] ?? null) : null;
}

function parseResponseFlags(raw: string | null): ResponseFlag[] {
  if (raw === null || raw === '-') return [];
  return raw
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '' && code !== '-')
    .map((code) => ({ code, meaning: RESPONSE_FLAGS[code] ?? 'Unknown Envoy response flag.' }));
}

function withNamespace(name: string, namespace: string | null): string {
  return namespace ? `${name} (${namespace})` : name;
}

/** A non-empty string value. */
function text(value: AttributeValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Istio writes `unknown` for an end it could not identify. */
function known(value: string | null): string | null {
  return value === 'unknown' ? null : value;
}

/** A status code given as a number or a numeric string. */
function code(value: AttributeValue | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  return typeof value === 'string' && /^\d{1,4}$/.test(value.trim()) ? Number(value) : null;
}
