/**
 * Istio's standard metric labels, built from the demo mesh's endpoints. Names and meanings follow ztunnel's
 * `CommonTrafficLabels` and Envoy's stats extension: `source_`/`destination_` + workload identity, the destination
 * service, and the request's protocol, outcome and security. Unknown values are the string `unknown`.
 */
import type { Labels } from '@/lib/metrics/types';
import type { Endpoint, FlowSample } from '../model/traffic';

/** Istio's name for the only cluster of the demo mesh (what `source_cluster` says on a default install). */
export const CLUSTER_ID = 'Kubernetes';
/** The demo mesh's trust domain, as in `spiffe://cluster.local/ns/<ns>/sa/<sa>`. */
export const TRUST_DOMAIN = 'cluster.local';
/** What Istio writes for a value it does not know. */
export const UNKNOWN = 'unknown';

/** One end of a connection or request as a proxy reports it. */
export interface Peer {
  workload: string;
  namespace: string;
  canonicalService: string;
  canonicalRevision: string;
  /** SPIFFE identity; `unknown` unless the proxy authenticated it (mTLS) or it is the proxy's own. */
  principal: string;
  app: string;
  version: string;
  cluster: string;
}

/** A peer the reporting proxy knows nothing about (a client outside the cluster, a plaintext peer of Envoy). */
export const UNKNOWN_PEER: Peer = {
  workload: UNKNOWN,
  namespace: UNKNOWN,
  canonicalService: UNKNOWN,
  canonicalRevision: UNKNOWN,
  principal: UNKNOWN,
  app: UNKNOWN,
  version: UNKNOWN,
  cluster: UNKNOWN,
};

/** The SPIFFE identity of a service account. */
export function spiffeId(namespace: string, serviceAccount: string): string {
  return `spiffe://${TRUST_DOMAIN}/ns/${namespace}/sa/${serviceAccount}`;
}

/**
 * How a proxy names an endpoint: its workload labels always (ztunnel looks pods up by IP, Envoy reads workload
 * metadata), its principal only when `authenticated`. Without an `app` label Istio's canonical service is the
 * workload's name, and without a `version` label the canonical revision is `latest`.
 */
export function peerOf(endpoint: Endpoint, authenticated: boolean): Peer {
  return {
    workload: endpoint.workload,
    namespace: endpoint.namespace,
    canonicalService: endpoint.app || endpoint.workload,
    canonicalRevision: endpoint.version || 'latest',
    principal: authenticated ? spiffeId(endpoint.namespace, endpoint.serviceAccount) : UNKNOWN,
    app: endpoint.app || UNKNOWN,
    version: endpoint.version || UNKNOWN,
    cluster: CLUSTER_ID,
  };
}

/** The labels every series of one report carries, in the order they are exported. */
export interface IstioLabelInput {
  reporter: string;
  source: Peer;
  destination: Peer;
  service: FlowSample['service'];
  requestProtocol: string;
  responseFlags: string;
  connectionSecurityPolicy: string;
  /** HTTP metrics only: `response_code` and `grpc_response_status` (empty for plain HTTP, as Envoy writes it). */
  http?: { responseCode: string; grpcStatus: string };
  /** The reporting proxy's pod, as a Kubernetes scrape adds it. */
  scrape: ScrapeLabels;
}

/** The labels a Kubernetes pod scrape adds to every series of the pod's proxy. */
export interface ScrapeLabels {
  namespace: string;
  pod: string;
  app: string;
}

/** The label set of one series, in ztunnel's and Envoy's order followed by the scrape target's labels. */
export function istioLabels(input: IstioLabelInput): Labels {
  const { source: s, destination: d, service } = input;
  const labels: Labels = {
    reporter: input.reporter,
    source_workload: s.workload,
    source_canonical_service: s.canonicalService,
    source_canonical_revision: s.canonicalRevision,
    source_workload_namespace: s.namespace,
    source_principal: s.principal,
    source_app: s.app,
    source_version: s.version,
    source_cluster: s.cluster,
    destination_service: `${service.name}.${service.namespace}.svc.cluster.local`,
    destination_service_namespace: service.namespace,
    destination_service_name: service.name,
    destination_workload: d.workload,
    destination_canonical_service: d.canonicalService,
    destination_canonical_revision: d.canonicalRevision,
    destination_workload_namespace: d.namespace,
    destination_principal: d.principal,
    destination_app: d.app,
    destination_version: d.version,
    destination_cluster: d.cluster,
    request_protocol: input.requestProtocol,
  };
  if (input.http) {
    labels.response_code = input.http.responseCode;
    labels.grpc_response_status = input.http.grpcStatus;
  }
  labels.response_flags = input.responseFlags;
  labels.connection_security_policy = input.connectionSecurityPolicy;
  labels.namespace = input.scrape.namespace;
  labels.pod = input.scrape.pod;
  labels.app = input.scrape.app;
  return labels;
}

/** A stable key for a label set built by {@link istioLabels} (same keys, same order). */
export function labelsKey(labels: Labels): string {
  return Object.values(labels).join('\u0001');
}
